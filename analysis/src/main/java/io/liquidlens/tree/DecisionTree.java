package io.liquidlens.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A learned decision tree over numeric features, independent of the library that learned it: it classifies
 * a row, gives the path a row takes (for a live "which rule fires now" view) and its size.
 *
 * @param root         the root node
 * @param featureNames the feature of each column index the splits refer to
 * @param classNames   the class of each label index
 */
public record DecisionTree(TreeNode root, List<String> featureNames, List<String> classNames) {

    /** Copies the lists. */
    public DecisionTree {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    /** The class index this tree gives {@code row} (one value per feature). */
    public int classify(double[] row) {
        return leafOf(row).predicted();
    }

    /** The leaf {@code row} reaches. */
    public TreeNode.Leaf leafOf(double[] row) {
        TreeNode n = root;
        while (n instanceof TreeNode.Split s) {
            n = row[s.feature()] <= s.threshold() ? s.below() : s.above();
        }
        return (TreeNode.Leaf) n;
    }

    /** The nodes from the root to the leaf {@code row} reaches, both included. */
    public List<TreeNode> path(double[] row) {
        List<TreeNode> out = new ArrayList<>();
        TreeNode n = root;
        out.add(n);
        while (n instanceof TreeNode.Split s) {
            n = row[s.feature()] <= s.threshold() ? s.below() : s.above();
            out.add(n);
        }
        return out;
    }

    /** Every node, splits and leaves (J48's "size of the tree"). */
    public int size() {
        return count(root, false);
    }

    /** The leaves (J48's "number of leaves"). */
    public int leaves() {
        return count(root, true);
    }

    /** Splits on the longest root-to-leaf path: 0 for a single leaf. */
    public int depth() {
        return depth(root);
    }

    private static int count(TreeNode n, boolean leavesOnly) {
        if (n instanceof TreeNode.Split s) {
            return (leavesOnly ? 0 : 1) + count(s.below(), leavesOnly) + count(s.above(), leavesOnly);
        }
        return 1;
    }

    private static int depth(TreeNode n) {
        if (n instanceof TreeNode.Split s) {
            return 1 + Math.max(depth(s.below()), depth(s.above()));
        }
        return 0;
    }
}
