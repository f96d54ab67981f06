package io.liquidlens.tree.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.tree.TreeNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tidy layout's promises, checked on trees whose boxes have awkward widths. */
class TreeLayoutTest {

    private static TreeNode leaf(int rows) {
        return new TreeNode.Leaf(0, new double[] {rows, 0});
    }

    private static TreeNode split(String name, TreeNode below, TreeNode above) {
        double[] c = {below.counts()[0] + above.counts()[0], 0};
        return new TreeNode.Split(0, name, 0.5, below, above, c);
    }

    /** Box width from the node's row count, so each test chooses its widths. */
    private static double width(TreeNode n) {
        return n instanceof TreeNode.Split s ? s.featureName().length() * 10 : n.counts()[0];
    }

    private static void assertTidy(TreeLayout layout, double gap) {
        List<TreeLayout.Placed> nodes = layout.nodes();
        for (TreeLayout.Placed a : nodes) {
            assertThat(a.x() - width(a.node()) / 2).as("inside the drawing").isGreaterThanOrEqualTo(-1e-9);
            assertThat(a.x() + width(a.node()) / 2).as("inside the drawing").isLessThanOrEqualTo(layout.width() + 1e-9);
            for (TreeLayout.Placed b : nodes) {
                if (a != b && a.depth() == b.depth() && a.x() < b.x()) {
                    assertThat(a.x() + width(a.node()) / 2 + gap).as("boxes of a row keep the gap")
                            .isLessThanOrEqualTo(b.x() - width(b.node()) / 2 + 1e-9);
                }
            }
        }
    }

    @Test
    void parentsSitCentredOverTheirChildrenAndLeavesKeepTreeOrder() {
        TreeNode a = leaf(40);
        TreeNode b = leaf(60);
        TreeNode c = leaf(30);
        TreeNode root = split("r", split("s", a, b), c);
        TreeLayout layout = new TreeLayout(root, TreeLayoutTest::width, 10);
        assertTidy(layout, 10);
        List<TreeLayout.Placed> nodes = layout.nodes();
        assertThat(nodes).hasSize(5);
        assertThat(layout.depth()).isEqualTo(2);
        for (TreeLayout.Placed p : nodes) {
            if (p.node() instanceof TreeNode.Split) {
                List<TreeLayout.Placed> kids = nodes.stream().filter(k -> k.parent() == p).toList();
                assertThat(kids).hasSize(2);
                assertThat(p.x()).isCloseTo((kids.get(0).x() + kids.get(1).x()) / 2, within(1e-9));
            }
        }
        List<Double> leafX = nodes.stream().filter(p -> p.node() instanceof TreeNode.Leaf)
                .map(TreeLayout.Placed::x).toList();
        assertThat(leafX).isSorted();
        assertThat(layout.width()).isEqualTo(40 + 10 + 60 + 10 + 30);
    }

    @Test
    void aSplitWiderThanItsChildrenPushesThemApartWithoutOverlap() {
        TreeNode root = split("a very long neuron name indeed", split("x", leaf(5), leaf(5)), leaf(5));
        TreeLayout layout = new TreeLayout(root, TreeLayoutTest::width, 4);
        assertTidy(layout, 4);
        assertThat(layout.width()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aSingleLeafIsItsOwnDrawing() {
        TreeLayout layout = new TreeLayout(leaf(50), TreeLayoutTest::width, 10);
        assertThat(layout.nodes()).singleElement().satisfies(p -> assertThat(p.x()).isEqualTo(25));
        assertThat(layout.depth()).isZero();
    }
}
