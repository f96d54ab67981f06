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

    /** Rule {@code r} in words. */
    public String ruleText(int r) {
        return rules.get(r).text(tree.featureNames(), tree.classNames());
    }
}
