package io.liquidlens.tree.weka;

import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.J48Options;
import io.liquidlens.tree.TreeDataset;
import io.liquidlens.tree.TreeLearner;
import io.liquidlens.tree.TreeNode;
import weka.classifiers.trees.j48.BinC45Split;
import weka.classifiers.trees.j48.C45Split;
import weka.classifiers.trees.j48.ClassifierSplitModel;
import weka.classifiers.trees.j48.ClassifierTree;
import weka.classifiers.trees.j48.Distribution;
import weka.core.Instances;

/**
 * Weka's J48 (C4.5 release 8) through its API, converted into our {@link DecisionTree}.
 *
 * <p>The conversion classifies exactly as J48 does (a test checks every row): a numeric split sends
 * {@code value <= splitPoint} to its first son; a leaf assigns the class of highest probability in its
 * distribution, the first on a tie (J48 compares with Weka's tolerance of 1e-6); a leaf no training row reached
 * takes the parent split's class (J48 falls back to the parent's distribution there).
 */
public final class J48Learner implements TreeLearner {
    /** Weka's {@code Utils.SMALL}: J48 counts a probability as larger only beyond this. */
    private static final double SMALL = 1e-6;

    /** A learner; stateless, so one may be shared. */
    public J48Learner() {
        WekaSetup.ensure();
    }

    @Override
    public DecisionTree learn(TreeDataset data, int[] rows, J48Options options) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows to learn a tree from");
        }
        Instances train = WekaTables.of(data, rows, "liquidlens-tree");
        ExposedJ48 j48 = configured(options);
        try {
            j48.buildClassifier(train);
        } catch (Exception e) {
            throw new IllegalStateException("J48 failed: " + e.getMessage(), e);
        }
        return new DecisionTree(convert(j48.root(), data, null), data.featureNames(), data.classNames());
    }

    static ExposedJ48 configured(J48Options o) {
        ExposedJ48 j48 = new ExposedJ48();
        j48.setConfidenceFactor((float) o.confidence());
        j48.setMinNumObj(o.minLeaf());
        j48.setUnpruned(o.unpruned());
        j48.setBinarySplits(o.binarySplits());
        j48.setReducedErrorPruning(o.reducedErrorPruning());
        j48.setNumFolds(o.pruningFolds());
        j48.setSeed(1);
        return j48;
    }

    private static TreeNode convert(ClassifierTree node, TreeDataset data, double[] parentCounts) {
        ClassifierSplitModel model = node.getLocalModel();
        double[] counts = perClass(model.distribution(), data.classNames().size());
        if (node.isLeaf()) {
            boolean empty = total(counts) <= 0;
            int predicted = argmax(empty && parentCounts != null ? parentCounts : counts);
            return new TreeNode.Leaf(predicted, counts);
        }
        int att;
        double point;
        if (model instanceof C45Split c) {
            att = c.attIndex();
            point = c.splitPoint();
        } else if (model instanceof BinC45Split b) {
            att = b.attIndex();
            point = b.splitPoint();
        } else {
            throw new IllegalStateException("unexpected J48 split " + model.getClass().getName());
        }
        ClassifierTree[] sons = node.getSons();
        if (sons.length != 2) {
            throw new IllegalStateException("a numeric split with " + sons.length + " branches");
        }
        return new TreeNode.Split(att, data.featureNames().get(att), point, convert(sons[0], data, counts),
                convert(sons[1], data, counts), counts);
    }

    private static double[] perClass(Distribution d, int classes) {
        double[] c = new double[classes];
        for (int k = 0; k < classes; k++) {
            c[k] = d.perClass(k);
        }
        return c;
    }

    private static double total(double[] c) {
        double t = 0;
        for (double v : c) {
            t += v;
        }
        return t;
    }

    /** The class J48 picks from these counts: the highest probability, the first unless another beats it by 1e-6. */
    private static int argmax(double[] counts) {
        double t = total(counts);
        int best = 0;
        double bestP = -1;
        for (int k = 0; k < counts.length; k++) {
            double p = t > 0 ? counts[k] / t : 0;
            if (p > bestP + SMALL) {
                best = k;
                bestP = p;
            }
        }
        return best;
    }
}
