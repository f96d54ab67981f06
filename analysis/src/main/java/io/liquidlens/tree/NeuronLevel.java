package io.liquidlens.tree;

import io.liquidlens.provenance.Provenance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Neuron-level trees (docs/ANALYSES.md#neuron-level-trees; Wang et al., CoRL 2023): for each neuron a tree from the
 * world features to the classes of its response, trained on the training episodes and tested on the held-out ones (the
 * policy level's split by episode), its rules as boxes in world space, how concentrated they are, and which neurons'
 * rules conflict.
 */
public final class NeuronLevel {
    private final TreeLearner learner;

    /** Trees learned with {@code learner} (e.g. {@code new J48Learner()}). */
    public NeuronLevel(TreeLearner learner) {
        this.learner = learner;
    }

    /** Learns every neuron's tree from {@code data}. */
    public NeuronLevelResult run(NeuronData data, NeuronTreeOptions options, Provenance provenance,
                                 TreeProgress progress) {
        int count = data.neuronNames().size();
        EpisodeSplit split = EpisodeSplit.of(data.forNeuron(0, options.bins()), options.heldOut(),
                TreeOptions.defaults().folds(), options.seed());
        int[] train = split.rows(false);
        int[] test = split.rows(true);
        if (train.length == 0) {
            throw new IllegalArgumentException("no training rows once the held-out episodes are removed");
        }
        int[] learnFrom = TrainingRows.capped(train, options.maxRows());
        List<NeuronTree> trees = new ArrayList<>();
        int[][] ruleOf = new int[count][];
        for (int k = 0; k < count; k++) {
            progress.progress("training neuron trees", k, count);
            TreeDataset d = data.forNeuron(k, options.bins());
            DecisionTree tree = learner.learn(d, learnFrom, options.j48());
            List<TreeRule> boxes = TreeRule.of(tree);
            ruleOf[k] = new int[d.rows()];
            int[] steps = new int[boxes.size()];
            for (int r = 0; r < d.rows(); r++) {
                ruleOf[k][r] = ruleOf(boxes, d.row(r));
                steps[ruleOf[k][r]]++;
            }
            List<TreeRule> rules = new ArrayList<>();
            for (TreeRule b : boxes) {
                rules.add(b.withSteps(steps[b.leaf()]));
            }
            trees.add(new NeuronTree(data.neuronNames().get(k), data.neuronLabels().get(k), d.bins(), tree,
                    Faithfulness.of(tree, d, test), Faithfulness.of(tree, d, train), rules,
                    concentration(ruleOf[k], d.labels(), boxes.size(), d.classNames().size())));
        }
        progress.progress("training neuron trees", count, count);
        return new NeuronLevelResult(data, split, trees, conflicts(trees, ruleOf, options.conflicts()), options,
                provenance);
    }

    private static int ruleOf(List<TreeRule> rules, double[] row) {
        return TreeRule.covering(rules, row).leaf();
    }

    /**
     * How concentrated a neuron's rules are: {@code 1 - H(rule | class) / log(leaves)}, the entropy of which rule a
     * step falls in given the neuron's class at that step, over all steps, normalised by its largest value (steps
     * spread evenly over every rule). 1 when each class of the response is covered by a single rule (a neuron that
     * is high iff d > 0.2 gives 1), 0 when knowing the class tells nothing about the rule; 1 for a tree of one leaf.
     *
     * <p>Why this and not the share of steps in the k largest rules: Wang et al. read each neuron's response as
     * naming a decision path (they train a classifier from the response to the path, and score concentration of
     * decisions from it), so the question is how well a response level pins down one rule. The share of steps in
     * the top rules instead punishes a neuron that is cleanly high in one region and low in the other, since its
     * steps are split over two rules, and needs a k chosen for it.
     */
    static double concentration(int[] ruleOfRow, int[] labels, int rules, int classes) {
        if (rules < 2 || ruleOfRow.length == 0) {
            return 1;
        }
        int[][] joint = new int[classes][rules];
        int[] perClass = new int[classes];
        for (int r = 0; r < ruleOfRow.length; r++) {
            joint[labels[r]][ruleOfRow[r]]++;
            perClass[labels[r]]++;
        }
        double h = 0;
        for (int c = 0; c < classes; c++) {
            for (int l = 0; l < rules; l++) {
                if (joint[c][l] > 0) {
                    double p = (double) joint[c][l] / perClass[c];
                    h -= (double) joint[c][l] / ruleOfRow.length * Math.log(p);
                }
            }
        }
        return Math.max(0, 1 - h / Math.log(rules));
    }

    /**
     * For each pair of neurons, the steps where a rule of one predicting its lowest class and a rule of the other
     * predicting its highest both hold; per pair the rule pair with the most such steps, the pairs ranked by it. Only
     * informative rules count ({@link NeuronTree#informative}).
     */
    static List<RuleConflict> conflicts(List<NeuronTree> trees, int[][] ruleOf, int top) {
        List<RuleConflict> out = new ArrayList<>();
        for (int a = 0; a < trees.size(); a++) {
            for (int b = a + 1; b < trees.size(); b++) {
                RuleConflict c = conflict(trees.get(a), trees.get(b), a, b, ruleOf[a], ruleOf[b]);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        out.sort(Comparator.comparingInt(RuleConflict::steps).reversed()
                .thenComparing(Comparator.comparingInt(RuleConflict::pairSteps).reversed())
                .thenComparingInt(RuleConflict::first).thenComparingInt(RuleConflict::second));
        return out.subList(0, Math.min(top, out.size()));
    }

    private static RuleConflict conflict(NeuronTree ta, NeuronTree tb, int a, int b, int[] ra, int[] rb) {
        int la = ta.rules().size();
        int lb = tb.rules().size();
        int[][] joint = new int[la][lb];
        for (int r = 0; r < ra.length; r++) {
            joint[ra[r]][rb[r]]++;
        }
        int highA = ta.bins().classNames().size() - 1;
        int highB = tb.bins().classNames().size() - 1;
        int best = 0;
        int bestA = -1;
        int bestB = -1;
        int total = 0;
        for (int i = 0; i < la; i++) {
            int pa = ta.rules().get(i).predicted();
            if (!ta.informative(i)) {
                continue;
            }
            for (int j = 0; j < lb; j++) {
                int pb = tb.rules().get(j).predicted();
                boolean opposite = (pa == 0 && pb == highB || pa == highA && pb == 0) && tb.informative(j);
                if (opposite && joint[i][j] > 0) {
                    total += joint[i][j];
                    if (joint[i][j] > best) {
                        best = joint[i][j];
                        bestA = i;
                        bestB = j;
                    }
                }
            }
        }
        return best == 0 ? null : new RuleConflict(a, bestA, b, bestB, best, total);
    }
}
