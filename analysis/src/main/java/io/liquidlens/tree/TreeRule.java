package io.liquidlens.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One root-to-leaf path of a tree as a box in feature space: every feature's bounds {@code lower < x <= upper}
 * (infinite where the path does not bound it), as the tree routes a step (a split sends {@code x <= threshold}
 * below), and the class the leaf gives. A path that tests one feature again and again (J48 refines a threshold
 * split by split) is one pair of bounds, the tightest: {@code C1 <= -0.5087 and C1 <= -0.5288} is
 * {@code C1 <= -0.5288}, and {@code C1 > -0.6 and C1 <= -0.5} is {@code -0.6 < C1 <= -0.5}. Every rule a LiquidLens
 * output prints as text (rules.txt, neuron-rules.txt, the captions, the workbench) is worded here.
 *
 * @param leaf           the leaf's index, in the order the leaves appear (below before above)
 * @param lower          per feature the exclusive lower bound, {@code -Infinity} for none
 * @param upper          per feature the inclusive upper bound, {@code +Infinity} for none
 * @param predicted      the class index the leaf gives
 * @param trainingSteps  training steps that reached the leaf (J48's first number)
 * @param trainingErrors of them, those of another class (J48's second number)
 * @param steps          steps of the whole data set (training and held-out) the rule covers
 */
public record TreeRule(int leaf, double[] lower, double[] upper, int predicted, double trainingSteps,
                       double trainingErrors, int steps) {

    /** Copies. */
    public TreeRule {
        lower = lower.clone();
        upper = upper.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** True when {@code row} lies in the box. */
    public boolean covers(double[] row) {
        for (int f = 0; f < lower.length; f++) {
            if (!(row[f] > lower[f] && row[f] <= upper[f])) {
                return false;
            }
        }
        return true;
    }

    /** The same rule covering {@code n} steps of the data set. */
    public TreeRule withSteps(int n) {
        return new TreeRule(leaf, lower, upper, predicted, trainingSteps, trainingErrors, n);
    }

    /**
     * The rule in words, e.g. {@code -0.2 < d <= 0.2 and mu > 0.1 -> high (120/8)}: its conditions
     * ({@link #conditions}), the class, then the training steps reaching the leaf and how many of them are of
     * another class.
     */
    public String text(List<String> features, List<String> classes) {
        return conditions(features) + " -> " + classes.get(predicted) + " (" + TreeText.count(trainingSteps) + "/"
                + TreeText.count(trainingErrors) + ")";
    }

    /**
     * The conditions in words, e.g. {@code -0.2 < d <= 0.2 and mu > 0.1}: one per feature the path bounds, both
     * bounds where it has them, the features in column order; {@code true} for a tree of one leaf.
     */
    public String conditions(List<String> features) {
        List<String> parts = new ArrayList<>();
        for (int f = 0; f < lower.length; f++) {
            boolean lo = lower[f] != Double.NEGATIVE_INFINITY;
            boolean hi = upper[f] != Double.POSITIVE_INFINITY;
            String name = features.get(f);
            if (lo && hi) {
                parts.add(TreeText.num(lower[f]) + " < " + name + " <= " + TreeText.num(upper[f]));
            } else if (lo) {
                parts.add(name + " > " + TreeText.num(lower[f]));
            } else if (hi) {
                parts.add(name + " <= " + TreeText.num(upper[f]));
            }
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    /** The share of the training steps reaching the leaf that are of its class (NaN when none reach it). */
    public double trainingAccuracy() {
        return trainingSteps > 0 ? (trainingSteps - trainingErrors) / trainingSteps : Double.NaN;
    }

    /** True when the path bounds no feature: the rule of a tree that is a single leaf. */
    public boolean unconditional() {
        for (int f = 0; f < lower.length; f++) {
            if (lower[f] != Double.NEGATIVE_INFINITY || upper[f] != Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    /** The rule of {@code rules} (a tree's, in leaf order) that covers {@code row}: the leaf the tree sends it to. */
    public static TreeRule covering(List<TreeRule> rules, double[] row) {
        for (TreeRule r : rules) {
            if (r.covers(row)) {
                return r;
            }
        }
        throw new IllegalStateException("a step no rule covers: the leaves must partition the feature space");
    }

    /** The rules of {@code tree}, one per leaf in leaf order, with no steps counted yet. */
    public static List<TreeRule> of(DecisionTree tree) {
        int w = tree.featureNames().size();
        double[] lo = new double[w];
        double[] hi = new double[w];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        Arrays.fill(hi, Double.POSITIVE_INFINITY);
        List<TreeRule> out = new ArrayList<>();
        walk(tree.root(), lo, hi, out);
        return out;
    }

    private static void walk(TreeNode n, double[] lo, double[] hi, List<TreeRule> out) {
        if (n instanceof TreeNode.Split s) {
            int f = s.feature();
            double oldHi = hi[f];
            hi[f] = Math.min(oldHi, s.threshold());
            walk(s.below(), lo, hi, out);
            hi[f] = oldHi;
            double oldLo = lo[f];
            lo[f] = Math.max(oldLo, s.threshold());
            walk(s.above(), lo, hi, out);
            lo[f] = oldLo;
            return;
        }
        TreeNode.Leaf leaf = (TreeNode.Leaf) n;
        out.add(new TreeRule(out.size(), lo, hi, leaf.predicted(), leaf.total(), leaf.errors(), 0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TreeRule r && r.leaf == leaf && Arrays.equals(r.lower, lower)
                && Arrays.equals(r.upper, upper) && r.predicted == predicted && r.steps == steps
                && Double.compare(r.trainingSteps, trainingSteps) == 0
                && Double.compare(r.trainingErrors, trainingErrors) == 0;
    }

    @Override
    public int hashCode() {
        return (leaf * 31 + Arrays.hashCode(lower)) * 31 + Arrays.hashCode(upper) + steps;
    }
}
