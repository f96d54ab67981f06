package io.liquidlens.tree;

import java.util.Arrays;

/**
 * A node of a {@link DecisionTree}: a numeric split or a leaf. Both keep the class counts of the training
 * rows that reached them (weights, as J48 counts them), so exports can show how pure each node is.
 */
public sealed interface TreeNode permits TreeNode.Split, TreeNode.Leaf {

    /** Training rows per class that reached this node. */
    double[] counts();

    /** The training rows that reached this node. */
    default double total() {
        double t = 0;
        for (double c : counts()) {
            t += c;
        }
        return t;
    }

    /** The class with the most training rows here (the first such on a tie). */
    default int majority() {
        double[] c = counts();
        int best = 0;
        for (int k = 1; k < c.length; k++) {
            if (c[k] > c[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * Rows with {@code feature <= threshold} go to {@code below}, the others to {@code above}.
     *
     * @param feature     the column index in the data set's feature list
     * @param featureName that column's name (e.g. {@code command 2 (id 3)})
     * @param threshold   the split point
     * @param below       the subtree for values at or below the threshold
     * @param above       the subtree for values above it
     * @param counts      training rows per class that reached the split
     */
    record Split(int feature, String featureName, double threshold, TreeNode below, TreeNode above, double[] counts)
            implements TreeNode {

        /** Copies the counts. */
        public Split {
            counts = counts.clone();
        }

        @Override
        public double[] counts() {
            return counts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Split s && s.feature == feature && s.featureName.equals(featureName)
                    && Double.compare(s.threshold, threshold) == 0 && s.below.equals(below) && s.above.equals(above)
                    && Arrays.equals(s.counts, counts);
        }

        @Override
        public int hashCode() {
            return ((Integer.hashCode(feature) * 31 + Double.hashCode(threshold)) * 31 + below.hashCode()) * 31
                    + above.hashCode();
        }
    }

    /**
     * A leaf.
     *
     * @param predicted the class the leaf assigns (the majority of its counts; for a leaf no training row reached,
     *                  the majority at its parent, as J48 decides)
     * @param counts    training rows per class that reached the leaf
     */
    record Leaf(int predicted, double[] counts) implements TreeNode {

        /** Copies the counts. */
        public Leaf {
            if (predicted < 0 || predicted >= counts.length) {
                throw new IllegalArgumentException("predicted class " + predicted + " of " + counts.length);
            }
            counts = counts.clone();
        }

        @Override
        public double[] counts() {
            return counts.clone();
        }

        /** Training rows here that are not of the predicted class (J48's second number, as in {@code (412/9)}). */
        public double errors() {
            return total() - counts[predicted];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Leaf l && l.predicted == predicted && Arrays.equals(l.counts, counts);
        }

        @Override
        public int hashCode() {
            return predicted * 31 + Arrays.hashCode(counts);
        }
    }
}
