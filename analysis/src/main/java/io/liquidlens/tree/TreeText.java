package io.liquidlens.tree;

import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How numbers and headers appear in the text exports (DOT, rules). */
final class TreeText {
    private TreeText() {
    }

    /** A threshold or value with 6 significant digits, without trailing zeros. */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            return strip(p[0]) + "e" + p[1];
        }
        return strip(s);
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A count (weights are whole numbers here, but J48 keeps them as doubles). */
    static String count(double c) {
        return c == Math.rint(c) ? String.valueOf((long) c) : String.format(Locale.ROOT, "%.2f", c);
    }

    /** The header lines: what the tree explains, its classes and how faithful it is. */
    static List<String> header(TreeResult r) {
        List<String> out = new ArrayList<>();
        out.add("decision tree (J48) over " + r.data().features() + " features, " + r.data().rows() + " steps of "
                + r.data().episodeInfo().size() + " episode(s)");
        out.add("classes: " + String.join("; ", r.data().bins().ranges()));
        out.add("classes chosen as: " + r.data().bins().rule());
        out.add(String.format(Locale.ROOT, "%s on held-out %s (%d steps); cross-validated %.4f (%d folds);"
                        + " %d leaves, size %d, depth %d", fidelity(r.fidelity(), r.fidelityInterval().interval()),
                r.split().byBlocks() ? "blocks" : "episodes", r.heldOut().total(), r.crossValidated().fidelity(),
                r.split().folds(), r.tree().leaves(), r.tree().size(), r.tree().depth()));
        out.add(interval(r));
        choice(r).ifPresent(out::add);
        return out;
    }

    /** {@code fidelity F [low, high]}. */
    static String fidelity(double fidelity, Interval interval) {
        return String.format(Locale.ROOT, "fidelity %.4f %s", fidelity, FidelityInterval.text(interval));
    }

    /** How the fidelity's interval was made. */
    static String interval(TreeResult r) {
        return String.format(Locale.ROOT, "[low, high]: %.0f%% interval of the held-out fidelity, bootstrap (%d"
                        + " resamples, seed %d) over %s", FidelityInterval.LEVEL * 100,
                BlockBootstrap.DEFAULT_RESAMPLES, r.options().seed(),
                r.fidelityInterval().resampled());
    }

    /**
     * How the tree was chosen from the sweep, e.g. {@code smallest tree within the best's 95% interval: 3 leaves (min
     * leaf 50); best: 11 leaves (min leaf 10), fidelity 0.9044 [0.8711, 0.9356]}; empty when the options gave it.
     */
    static Optional<String> choice(TreeResult r) {
        return r.chosen() ? Optional.of(chosen(r) + "; " + best(r)) : Optional.empty();
    }

    /** {@code smallest tree within the best's 95% interval: 3 leaves (min leaf 50)}. */
    static String chosen(TreeResult r) {
        return String.format(Locale.ROOT, "smallest tree within the best's %.0f%% interval: %d leaves (min leaf %d)",
                FidelityInterval.LEVEL * 100, r.tree().leaves(), r.minLeaf());
    }

    /** {@code best: 11 leaves (min leaf 10), fidelity 0.9044 [0.8711, 0.9356]}, the sweep's most faithful tree. */
    static String best(TreeResult r) {
        SweepPoint best = r.best().orElseThrow();
        return String.format(Locale.ROOT, "best: %d leaves (min leaf %d), %s", best.leaves(), best.minLeaf(),
                fidelity(best.fidelity(), best.fidelityInterval()));
    }
}
