package io.liquidlens.tree;

/**
 * Learns a decision tree from some rows of a data set. Implementations are deterministic: the same rows and
 * options give the same tree.
 */
@FunctionalInterface
public interface TreeLearner {

    /**
     * Learns a tree from the rows {@code rows} of {@code data} (indices into it, in that order).
     *
     * @throws IllegalArgumentException when the rows cannot be learned from (e.g. none)
     */
    DecisionTree learn(TreeDataset data, int[] rows, J48Options options);
}
