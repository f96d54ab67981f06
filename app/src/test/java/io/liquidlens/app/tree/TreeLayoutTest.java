package io.liquidlens.app.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.TreeNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tidy layout: leaves one column apart from the {@code <=} side, each split midway over its children. */
class TreeLayoutTest {
    private static TreeNode.Leaf leaf(int k) {
        double[] c = new double[3];
        c[k] = 4;
        return new TreeNode.Leaf(k, c);
    }

    @Test
    void leavesTakeEvenColumnsAndSplitsSitOverTheMiddleOfTheirChildren() {
        TreeNode.Leaf a = leaf(0);
        TreeNode.Leaf b = leaf(1);
        TreeNode.Leaf c = leaf(2);
        TreeNode.Leaf sameAsA = leaf(0);
        TreeNode.Split inner = new TreeNode.Split(1, "f1", 0.2, a, b, new double[] {4, 4, 0});
        TreeNode.Split right = new TreeNode.Split(1, "f1", 0.7, c, sameAsA, new double[] {4, 0, 4});
        TreeNode.Split root = new TreeNode.Split(0, "f0", 0.5, inner, right, new double[] {8, 4, 4});
        TreeLayout layout = TreeLayout.of(new DecisionTree(root, List.of("f0", "f1"), List.of("r", "s", "l")));

        assertThat(layout.columns()).isEqualTo(4);
        assertThat(layout.levels()).isEqualTo(3);
        assertThat(layout.placeOf(a).column()).isEqualTo(0);
        assertThat(layout.placeOf(b).column()).isEqualTo(1);
        assertThat(layout.placeOf(c).column()).isEqualTo(2);
        // an equal leaf elsewhere keeps its own place
        assertThat(layout.placeOf(sameAsA).column()).isEqualTo(3);
        assertThat(layout.placeOf(inner).column()).isEqualTo(0.5);
        assertThat(layout.placeOf(right).column()).isEqualTo(2.5);
        assertThat(layout.placeOf(root).column()).isEqualTo(1.5);
        assertThat(layout.placeOf(root).level()).isZero();
        assertThat(layout.placeOf(b).level()).isEqualTo(2);
        assertThat(layout.edges()).hasSize(6).filteredOn(TreeLayout.Edge::below).hasSize(3);
    }
}
