package io.liquidlens.app.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.TreeNode;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tree drawing on a 100-leaf tree: fit, the path beside its labels, the overview, collapsing and search. */
@ExtendWith(ApplicationExtension.class)
class TreeCanvasTest {
    private static final int LEAVES = 100;
    private static final double W = 900;
    private static final double H = 520;
    private TreeCanvas canvas;
    private DecisionTree tree;
    private int names;

    @Start
    void start(Stage stage) {
        tree = new DecisionTree(build(LEAVES, 0), List.of("C0", "C1", "C2", "C3", "C4", "C5"),
                List.of("right", "straight", "left"));
        canvas = new TreeCanvas();
        stage.setScene(new Scene(new StackPane(canvas), W, H));
        stage.show();
        canvas.show(tree);
    }

    /** A tree of {@code leaves} leaves, halves split recursively, splits named C0..C5 in turn. */
    private TreeNode build(int leaves, int k) {
        if (leaves == 1) {
            double[] c = {1 + k % 3, 2 + k % 5, 1 + k % 2};
            c[k % 3] += 10;
            return new TreeNode.Leaf(k % 3, c);
        }
        TreeNode below = build(leaves / 2, 2 * k + 1);
        TreeNode above = build(leaves - leaves / 2, 2 * k + 2);
        double[] counts = new double[3];
        for (int i = 0; i < 3; i++) {
            counts[i] = below.counts()[i] + above.counts()[i];
        }
        int feature = names++ % 6;
        return new TreeNode.Split(feature, "C" + feature, 0.1 * k - 0.5, below, above, counts);
    }

    private List<TreeNode> leaves(TreeNode n, List<TreeNode> out) {
        if (n instanceof TreeNode.Split s) {
            leaves(s.below(), out);
            leaves(s.above(), out);
        } else {
            out.add(n);
        }
        return out;
    }

    private List<TreeNode> pathTo(TreeNode target) {
        List<TreeNode> path = new ArrayList<>();
        TreeNode n = tree.root();
        while (true) {
            path.add(n);
            if (n == target || !(n instanceof TreeNode.Split s)) {
                return path;
            }
            n = contains(s.below(), target) ? s.below() : s.above();
        }
    }

    private static boolean contains(TreeNode n, TreeNode target) {
        if (n == target) {
            return true;
        }
        return n instanceof TreeNode.Split s && (contains(s.below(), target) || contains(s.above(), target));
    }

    @Test
    void fitShowsEveryLeafOfALargeTreeInsideThePanel(FxRobot robot) {
        robot.interact(() -> canvas.zoom(3, 10, 10));
        robot.interact(canvas::fit);

        assertThat(canvas.drawnLeaves()).isEqualTo(LEAVES);
        assertThat(canvas.scale()).as("smaller than the old floor of 0.3").isLessThan(0.3);
        for (TreeNode leaf : leaves(tree.root(), new ArrayList<>())) {
            Bounds b = canvas.screenBounds(leaf);
            assertThat(b.getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).isLessThanOrEqualTo(canvas.getWidth());
            assertThat(b.getMinY()).isGreaterThanOrEqualTo(TreeCanvas.LEGEND_H);
            assertThat(b.getMaxY()).isLessThanOrEqualTo(canvas.getHeight());
        }
        assertThat(canvas.minimapBounds()).as("no overview when all is in view").isNull();
    }

    @Test
    void theCursorsPathNeverCrossesAThresholdLabel(FxRobot robot) {
        robot.interact(() -> canvas.zoom(1 / canvas.scale(), W / 2, 30));
        List<TreeNode> all = leaves(tree.root(), new ArrayList<>());
        for (int i = 0; i < all.size(); i += 3) {
            List<TreeNode> path = pathTo(all.get(i));
            robot.interact(() -> canvas.highlight(path));
            assertThat(canvas.drawnPath()).isNotEmpty();
            assertThat(canvas.labelBounds()).as("labels at life size").isNotEmpty();
            for (double[] seg : canvas.pathSegments()) {
                for (Bounds label : canvas.labelBounds()) {
                    assertThat(touches(seg, label, 1.5)).as("path segment %s vs label %s", List.of(seg[0], seg[1],
                            seg[2], seg[3]), label).isFalse();
                }
            }
        }
    }

    /** Whether a stroke of half-width {@code half} along {@code seg} touches {@code box}, sampled every 0.5 px. */
    private static boolean touches(double[] seg, Bounds box, double half) {
        double len = Math.hypot(seg[2] - seg[0], seg[3] - seg[1]);
        int n = Math.max(2, (int) Math.ceil(len * 2));
        for (int k = 0; k <= n; k++) {
            double x = seg[0] + (seg[2] - seg[0]) * k / n;
            double y = seg[1] + (seg[3] - seg[1]) * k / n;
            if (x >= box.getMinX() - half && x <= box.getMaxX() + half && y >= box.getMinY() - half
                    && y <= box.getMaxY() + half) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theOverviewAppearsWhenZoomedInAndAPressInItMovesTheView(FxRobot robot) {
        robot.interact(() -> canvas.zoom(1 / canvas.scale(), 0, 30));
        Bounds overview = canvas.minimapBounds();
        assertThat(overview).isNotNull();
        List<TreeNode> all = leaves(tree.root(), new ArrayList<>());
        TreeNode last = all.get(all.size() - 1);
        assertThat(canvas.screenBounds(last).getMinX()).as("the last leaf is far right").isGreaterThan(W);

        Bounds onScreen = canvas.localToScreen(overview);
        robot.moveTo(new javafx.geometry.Point2D(onScreen.getMaxX() - 1, onScreen.getMaxY() - 1)).press(
                javafx.scene.input.MouseButton.PRIMARY).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        Bounds b = canvas.screenBounds(last);
        assertThat(b.getCenterX()).isBetween(0.0, canvas.getWidth());
        assertThat(b.getCenterY()).isBetween(0.0, canvas.getHeight());
    }

    @Test
    void aClickedSplitCollapsesInPlaceAndExpandsAgain(FxRobot robot) {
        TreeNode.Split left = (TreeNode.Split) ((TreeNode.Split) tree.root()).below();
        Bounds fitted = canvas.screenBounds(left);
        robot.interact(() -> canvas.zoom(1 / canvas.scale(), fitted.getCenterX(), fitted.getCenterY()));
        Bounds before = canvas.screenBounds(left);
        robot.clickOn(new javafx.geometry.Point2D(canvas.localToScreen(before).getCenterX(),
                canvas.localToScreen(before).getCenterY()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(canvas.drawnLeaves()).isEqualTo(LEAVES - TreeLayout.leavesUnder(left));
        assertThat(canvas.screenBounds(left).getCenterX()).isCloseTo(before.getCenterX(),
                org.assertj.core.api.Assertions.within(0.01));
        assertThat(canvas.screenBounds(left.below())).as("hidden").isNull();

        robot.interact(() -> canvas.toggle(left));
        assertThat(canvas.drawnLeaves()).isEqualTo(LEAVES);
        robot.interact(() -> canvas.toggle(left));
        robot.interact(canvas::expandAll);
        assertThat(canvas.drawnLeaves()).isEqualTo(LEAVES);
    }

    @Test
    void searchFramesTheSplitsOnANeuronAndCollapsedSubtreesHoldingOne(FxRobot robot) {
        int[] found = new int[1];
        robot.interact(() -> found[0] = canvas.find("c3"));
        int expected = count(tree.root(), "C3");
        assertThat(found[0]).isEqualTo(expected).isPositive();
        assertThat(canvas.drawnFound()).isEqualTo(expected);

        TreeNode.Split left = (TreeNode.Split) ((TreeNode.Split) tree.root()).below();
        robot.interact(() -> canvas.toggle(left));
        int hidden = count(left, "C3") - (left.featureName().equals("C3") ? 1 : 0);
        assertThat(hidden).isPositive();
        assertThat(canvas.drawnFound()).as("the collapsed split stands for the matches it hides")
                .isEqualTo(expected - count(left, "C3") + 1);
        robot.interact(() -> canvas.find(""));
        assertThat(canvas.drawnFound()).isZero();
    }

    private static int count(TreeNode n, String name) {
        if (n instanceof TreeNode.Split s) {
            return (s.featureName().equals(name) ? 1 : 0) + count(s.below(), name) + count(s.above(), name);
        }
        return 0;
    }
}
