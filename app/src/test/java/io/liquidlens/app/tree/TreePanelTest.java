package io.liquidlens.app.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.LaunchOptions;
import io.liquidlens.app.TestModels;
import io.liquidlens.app.ThrowawayPrefs;
import io.liquidlens.app.WorkbenchApp;
import io.liquidlens.app.Workbenches;
import io.liquidlens.tree.TreeDataset;
import io.liquidlens.tree.TreeNode;
import io.liquidlens.tree.TreeResult;
import io.liquidlens.tree.service.TreeExports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Tree tab on the camera sample's clean episode: Extract draws the analysis' tree, the cursor's step lights the
 * path {@code DecisionTree.path} gives for its row, and the extraction runs as a background task that Cancel stops.
 */
@ExtendWith(ApplicationExtension.class)
class TreePanelTest {
    private static final Path EPISODE = TestModels.CAMERA_EPISODE;
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(new LaunchOptions(TestModels.CAMERA_SAMPLE, EPISODE, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    private <T extends Node> T find(FxRobot robot, String id, Class<T> type) {
        return robot.from(app.stage().getScene().getRoot()).lookup("#" + id).queryAs(type);
    }

    private TreePanelView openTreeTab(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        TabPane tabs = find(robot, "side-tabs", TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        return find(robot, TreePanelView.ID, TreePanelView.class);
    }

    @Test
    void theExtractedTreeIsDrawnAndTheCursorsStepLightsItsPath(FxRobot robot) throws Exception {
        TreePanelView panel = openTreeTab(robot);
        robot.clickOn("#" + TreePanelView.EXTRACT_ID);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> panel.model().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TreeResult result = panel.model().resultProperty().get();
        TreeDataset data = result.data();

        assertThat(panel.canvas().drawnLeaves()).isEqualTo(result.tree().leaves()).isGreaterThan(1);
        assertThat(app.stage().getScene().getFocusOwner()).as("Extract, disabled while it runs, handed the focus to"
                + " the find field, where space and arrows type instead of playing")
                .isNotInstanceOf(javafx.scene.control.TextInputControl.class);
        assertThat(find(robot, TreePanelView.SUMMARY_ID, Label.class).getText())
                .contains(result.tree().leaves() + " leaves").contains(String.format("fidelity %.4f", result.fidelity()));

        Path dot = tmp.resolve("tree.dot");
        robot.interact(() -> panel.model().export(TreeExports.DOT, dot));
        assertThat(Files.readString(dot)).startsWith("digraph tree {").contains(result.tree().leaves() + " leaves");
        Path pdf = tmp.resolve("tree.pdf");
        robot.interact(() -> panel.model().export(TreeExports.PDF, pdf));
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        // two steps whose rows end in different leaves
        int first = 0;
        TreeNode.Leaf firstLeaf = result.tree().leafOf(data.row(first));
        int second = -1;
        for (int r = 1; r < data.rows() && second < 0; r++) {
            if (result.tree().leafOf(data.row(r)) != firstLeaf) {
                second = r;
            }
        }
        assertThat(second).as("a row reaching another leaf").isPositive();
        for (int row : new int[] {second, first}) {
            int step = data.step()[row];
            robot.interact(() -> app.workspace().cursor().moveTo(step));
            WaitForAsyncUtils.waitForFxEvents();
            List<TreeNode> expected = result.tree().path(data.row(row));
            List<TreeNode> drawn = panel.canvas().drawnPath();
            assertThat(drawn).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(drawn.get(i)).as("node %d of step %d's path", i, step).isSameAs(expected.get(i));
            }
            String leafClass = data.classNames().get(((TreeNode.Leaf) expected.get(expected.size() - 1)).predicted());
            String networkClass = data.classNames().get(data.labels()[row]);
            assertThat(find(robot, TreePanelView.DECISION_ID, Label.class).getText())
                    .startsWith("step " + step + " ")
                    .contains("tree: " + leafClass + " · network: " + networkClass + " (");
        }
    }

    @Test
    void extractionRunsInTheBackgroundWithProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        TreePanelView panel = openTreeTab(robot);
        boolean[] seen = new boolean[4];
        robot.interact(() -> {
            find(robot, TreePanelView.EXTRACT_ID, Button.class).fire();
            // back on the FX thread at once: the work has not run here, and the status bar shows it running
            seen[0] = panel.model().extractingProperty().get();
            seen[1] = panel.model().resultProperty().get() == null;
            seen[2] = find(robot, WorkbenchApp.PROGRESS_ID, Node.class).isVisible();
            find(robot, TreePanelView.CANCEL_ID, Button.class).fire();
            seen[3] = panel.model().extractingProperty().get();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(seen).containsExactly(true, true, true, false);
        assertThat(panel.model().resultProperty().get()).isNull();
        assertThat(find(robot, TreePanelView.SUMMARY_ID, Label.class).getText()).startsWith("Cancelled.");
        assertThat(find(robot, WorkbenchApp.PROGRESS_ID, Node.class).isVisible()).isFalse();
    }
}
