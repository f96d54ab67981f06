package io.liquidlens.tree;

import io.liquidlens.provenance.Provenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The words a drawing of a tree needs: the caption saying how the tree was made (inputs, options, classes,
 * fidelity) and each node's and edge's label, worded as in the DOT export so the two read alike.
 */
public final class TreeCaption {
    /** The most leaves whose rules the caption lists (a longer list belongs in rules.txt). */
    public static final int CAPTION_RULES = 16;

    private TreeCaption() {
    }

    /**
     * The caption: inputs, options, then the header every export shares (features, classes, fidelity), then the
     * rules, one line each, when there are at most {@value #CAPTION_RULES}.
     */
    public static List<String> lines(TreeResult r) {
        List<String> out = new ArrayList<>();
        out.add(inputs(r.provenance()));
        out.add(options(r));
        out.addAll(TreeText.header(r));
        List<String> rules = RuleExport.rules(r.tree());
        if (rules.size() <= CAPTION_RULES) {
            out.add("rules (conditions -> class (training steps reaching the leaf/of them not of that class)):");
            rules.forEach(rule -> out.add("    " + rule));
        } else {
            out.add(rules.size() + " rules, one per leaf: rules.txt");
        }
        return out;
    }

    /** The rule of the leaf that row {@code row} of the result's data reaches, in words ({@link TreeRule#text}). */
    public static String ruleOf(TreeResult r, int row) {
        DecisionTree tree = r.tree();
        return TreeRule.covering(TreeRule.of(tree), r.data().row(row)).text(tree.featureNames(), tree.classNames());
    }

    /** The caption's first line: the command, version, model and rollouts that made a result. */
    public static String inputs(Provenance p) {
        String model = null;
        List<String> rollouts = new ArrayList<>();
        for (Provenance.InputFile f : p.inputs()) {
            if (f.role().equals("model")) {
                model = f.path();
            } else if (f.role().equals("rollout")) {
                rollouts.add(f.path());
            }
        }
        StringBuilder b = new StringBuilder(p.command() + " " + p.version());
        if (model != null) {
            b.append(": model ").append(model);
        }
        if (!rollouts.isEmpty()) {
            b.append(model == null ? ": " : "; ").append(rollouts.size()).append(" rollout file(s)");
            String folder = commonFolder(rollouts);
            b.append(folder != null ? " under " + folder : " from " + rollouts.get(0) + " on");
        }
        return b.toString();
    }

    /** The folder every path lies in, or null when they share none. */
    private static String commonFolder(List<String> paths) {
        Path common = Path.of(paths.get(0)).getParent();
        for (String s : paths) {
            while (common != null && !Path.of(s).startsWith(common)) {
                common = common.getParent();
            }
        }
        return common == null ? null : common.toString();
    }

    private static String options(TreeResult r) {
        TreeOptions o = r.options();
        FeatureSet f = o.features();
        String features = f.describe() + (f.isAllUnits() ? " (" + FeatureSet.ALL_UNITS_NOTE + ")" : "");
        if (f.rates()) {
            features += " and their rates";
        }
        J48Options j = o.j48();
        String pruning = j.unpruned() ? "unpruned"
                : j.reducedErrorPruning() ? "reduced-error pruning (" + j.pruningFolds() + " folds)"
                : "confidence " + TreeText.num(j.confidence());
        return String.format(Locale.ROOT, "options: features %s; label %s output %d; J48 min leaf %d%s, %s%s;"
                        + " held out %s of the episodes, %d folds, seed %d", features, o.label().source().key(),
                o.label().output(), r.minLeaf(), r.chosen() ? " (chosen from the sweep)" : "", pruning,
                j.binarySplits() ? ", binary splits" : "",
                TreeText.num(o.heldOut()), o.folds(), o.seed());
    }

    /** {@code fidelity F [low, high]}: the held-out fidelity and its 95% interval. */
    public static String fidelity(TreeResult r) {
        return TreeText.fidelity(r.fidelity(), r.fidelityInterval().interval());
    }

    /**
     * When the tree was chosen from the sweep, how: {@code smallest tree within the best's 95% interval: 3 leaves
     * (min leaf 50)}; empty when the options gave it.
     */
    public static Optional<String> chosen(TreeResult r) {
        return r.chosen() ? Optional.of(TreeText.chosen(r)) : Optional.empty();
    }

    /**
     * When the tree was chosen from the sweep, the sweep's most faithful tree: {@code best: 11 leaves (min leaf 10),
     * fidelity 0.9044 [0.8711, 0.9356]}; empty when the options gave the tree.
     */
    public static Optional<String> best(TreeResult r) {
        return r.chosen() ? Optional.of(TreeText.best(r)) : Optional.empty();
    }

    /** A node's first line: the neuron a split tests, or a leaf's class with J48's (rows/errors). */
    public static String title(DecisionTree tree, TreeNode n) {
        if (n instanceof TreeNode.Split s) {
            return s.featureName();
        }
        TreeNode.Leaf leaf = (TreeNode.Leaf) n;
        return tree.classNames().get(leaf.predicted()) + " (" + TreeText.count(leaf.total()) + "/"
                + TreeText.count(leaf.errors()) + ")";
    }

    /** A node's training steps per class, e.g. {@code right 3 / straight 5 / left 404}. */
    public static String counts(DecisionTree tree, TreeNode n) {
        double[] c = n.counts();
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < c.length; k++) {
            parts.add(tree.classNames().get(k) + " " + TreeText.count(c[k]));
        }
        return String.join(" / ", parts);
    }

    /** The label of the edge from {@code s} to its {@code below} (true) or above child. */
    public static String edge(TreeNode.Split s, boolean below) {
        return (below ? "<= " : "> ") + TreeText.num(s.threshold());
    }

    /** A number as the exports print it (6 significant digits, no trailing zeros). */
    public static String number(double v) {
        return TreeText.num(v);
    }
}
