package io.liquidlens.tree;

import java.util.List;

/**
 * One neuron's tree: from the world features to the classes of its response.
 *
 * @param name          the neuron's name ({@code command 3 (id 4)})
 * @param label         its label ({@code C3}), the DOT file's name
 * @param bins          how its response became classes
 * @param tree          the tree trained on the training episodes
 * @param heldOut       its agreement with the neuron's class on the held-out episodes: the reported fidelity
 * @param training      the same on the training episodes
 * @param rules         one rule per leaf, with the steps of the whole data set each covers
 * @param concentration how concentrated the neuron's rules are ({@link NeuronLevel#concentration}), in [0, 1]
 */
public record NeuronTree(String name, String label, LabelBins bins, DecisionTree tree, Faithfulness heldOut,
                         Faithfulness training, List<TreeRule> rules, double concentration) {

    /** Copies the rules. */
    public NeuronTree {
        rules = List.copyOf(rules);
    }

    /** The held-out fidelity in [0, 1]. */
    public double fidelity() {
        return heldOut.fidelity();
    }

    /**
     * True when rule {@code r} says something: it has a condition, and its class is more common among the training
     * steps it covers than among all training steps (its class's base rate). A single leaf, or a leaf no better
     * than guessing its class everywhere, says nothing about where the neuron is high or low, so it conflicts with
     * nothing.
     */
    public boolean informative(int r) {
        TreeRule rule = rules.get(r);
        double[] all = tree.root().counts();
        double baseRate = all[rule.predicted()] / tree.root().total();
        return !rule.unconditional() && rule.trainingAccuracy() > baseRate;
    }

    /** Rule {@code r} in words. */
    public String ruleText(int r) {
        return rules.get(r).text(tree.featureNames(), tree.classNames());
    }
}
