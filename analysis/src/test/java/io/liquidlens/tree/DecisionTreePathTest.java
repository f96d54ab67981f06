package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The path a row takes through a tree, as the workbench highlights it at the time cursor. */
class DecisionTreePathTest {
    private static final TreeNode.Leaf RIGHT = new TreeNode.Leaf(0, new double[] {5, 0, 1});
    private static final TreeNode.Leaf LEFT = new TreeNode.Leaf(2, new double[] {0, 1, 7});
    private static final TreeNode.Leaf STRAIGHT = new TreeNode.Leaf(1, new double[] {1, 4, 0});
    private static final TreeNode.Split INNER = new TreeNode.Split(1, "command 1 (id 2)", -0.2, RIGHT, LEFT,
            new double[] {5, 1, 8});
    private static final DecisionTree TREE = new DecisionTree(
            new TreeNode.Split(0, "command 0 (id 1)", 0.5, INNER, STRAIGHT, new double[] {6, 5, 8}),
            List.of("command 0 (id 1)", "command 1 (id 2)"), List.of("right", "straight", "left"));

    @Test
    void pathGoesFromTheRootToTheLeafTheRowReaches() {
        assertThat(TREE.path(new double[] {0.1, 0.3})).containsExactly(TREE.root(), INNER, LEFT);
        assertThat(TREE.path(new double[] {0.1, -0.9})).containsExactly(TREE.root(), INNER, RIGHT);
        assertThat(TREE.path(new double[] {0.9, 0})).containsExactly(TREE.root(), STRAIGHT);
    }

    @Test
    void aValueEqualToTheThresholdGoesBelow() {
        assertThat(TREE.path(new double[] {0.5, -0.2})).last().isSameAs(RIGHT);
    }

    @Test
    void thePathEndsAtTheLeafThatClassifies() {
        double[] row = {0.1, 0.3};
        assertThat(TREE.path(row)).last().isSameAs(TREE.leafOf(row));
        assertThat(TREE.classify(row)).isEqualTo(2);
    }

    @Test
    void rowOfFindsAStepsRowAndNothingForAStepWithoutOne() {
        TreeDataset data = SyntheticData.rule(2, 10, 0, 1);
        assertThat(data.rowOf(1, 3)).isEqualTo(13);
        assertThat(data.rowOf(0, 0)).isZero();
        assertThat(data.rowOf(0, 10)).isEqualTo(-1);
        assertThat(data.rowOf(2, 0)).isEqualTo(-1);
    }
}
