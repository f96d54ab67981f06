package io.liquidlens.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The classes chosen from the data: a value v gets class k = the number of cut points below v, so class 0 holds
 * {@code v <= cuts[0]} and the last class {@code v > cuts[last]}.
 *
 * @param classNames one name per class, lowest values first
 * @param cuts       ascending cut points, one fewer than the classes
 * @param rule       how the cuts were chosen, in words (shown in tree.json and the exports' headers)
 */
public record LabelBins(List<String> classNames, double[] cuts, String rule) {

    /** Copies and checks. */
    public LabelBins {
        classNames = List.copyOf(classNames);
        cuts = cuts.clone();
        if (cuts.length != classNames.size() - 1) {
            throw new IllegalArgumentException(cuts.length + " cuts for " + classNames.size() + " classes");
        }
    }

    @Override
    public double[] cuts() {
        return cuts.clone();
    }

    /** The class of value {@code v}. */
    public int classOf(double v) {
        int k = 0;
        while (k < cuts.length && v > cuts[k]) {
            k++;
        }
        return k;
    }

    /** Each class's range in words, e.g. {@code left: v > 0.0123}. */
    public List<String> ranges() {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < classNames.size(); k++) {
            String r;
            if (cuts.length == 0) {
                r = "any v";
            } else if (k == 0) {
                r = "v <= " + fmt(cuts[0]);
            } else if (k == cuts.length) {
                r = "v > " + fmt(cuts[k - 1]);
            } else {
                r = fmt(cuts[k - 1]) + " < v <= " + fmt(cuts[k]);
            }
            out.add(classNames.get(k) + ": " + r);
        }
        return out;
    }

    /** Chooses the classes for {@code values} as {@code spec} says (see {@link Binning}). */
    public static LabelBins choose(LabelSpec spec, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no steps to choose the classes from");
        }
        String what = spec.source() == LabelSource.EXPERT ? "the expert's action" : "the network's output "
                + spec.output();
        if (spec.binning() == Binning.LEFT_STRAIGHT_RIGHT) {
            double[] abs = new double[values.length];
            for (int i = 0; i < abs.length; i++) {
                abs[i] = Math.abs(values[i]);
            }
            double b = quantile(abs, 1.0 / 3);
            return new LabelBins(List.of("right", "straight", "left"), new double[] {-b, b},
                    "v = " + what + " (positive = left); straight is the dead band |v| <= " + fmt(b)
                            + ", the 1/3 quantile of |v| over the data set, so about a third of the steps are straight");
        }
        int k = spec.bins();
        double[] cuts = new double[k - 1];
        List<String> names = new ArrayList<>();
        for (int i = 1; i < k; i++) {
            cuts[i - 1] = quantile(values, (double) i / k);
        }
        for (int i = 1; i <= k; i++) {
            names.add("q" + i);
        }
        return new LabelBins(names, cuts, "v = " + what + "; " + k + " bins cut at the i/" + k
                + " quantiles of v over the data set (q1 lowest)");
    }

    /**
     * A neuron's response in {@code k} bins of about equal counts, cut at the i/k quantiles of its own {@code values}:
     * {@code low} / {@code high} for 2, {@code low} / {@code mid} / {@code high} for 3 (its tertiles), else
     * {@code q1} .. {@code qk}. The first and last class are the extremes the neuron level compares.
     */
    public static LabelBins levels(double[] values, int k, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no steps to choose the classes from");
        }
        if (k < 2) {
            throw new IllegalArgumentException("bins must be 2 or more, got " + k);
        }
        double[] cuts = new double[k - 1];
        for (int i = 1; i < k; i++) {
            cuts[i - 1] = quantile(values, (double) i / k);
        }
        List<String> names = new ArrayList<>();
        if (k == 2) {
            names.addAll(List.of("low", "high"));
        } else if (k == 3) {
            names.addAll(List.of("low", "mid", "high"));
        } else {
            for (int i = 1; i <= k; i++) {
                names.add("q" + i);
            }
        }
        return new LabelBins(names, cuts, "v = " + what + "; " + k + " bins cut at the i/" + k
                + " quantiles of v over the data set (" + names.get(0) + " lowest)");
    }

    /** The q-quantile of {@code v} (linear between order statistics, as numpy's default). */
    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelBins b && b.classNames.equals(classNames) && Arrays.equals(b.cuts, cuts)
                && b.rule.equals(rule);
    }

    @Override
    public int hashCode() {
        return classNames.hashCode() * 31 + Arrays.hashCode(cuts);
    }

    @Override
    public String toString() {
        return "LabelBins" + ranges();
    }
}
