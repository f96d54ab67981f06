package io.liquidlens.app;

import io.liquidlens.app.saliency.PerturbationChoice;
import io.liquidlens.app.saliency.SaliencyPanelView;
import io.liquidlens.app.tree.TreePanelView;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Not part of the suite (the name does not end in Test): retakes the README's pictures of the workbench from the
 * window as it is now, on the camera sample's clean episode, headless. Run with {@code mvn -o -q -pl app -am test
 * -Dtest=ReadmeScreenshots -Dsurefire.failIfNoSpecifiedTests=false}; it writes {@code docs/workbench.png},
 * {@code docs/tree-panel.png}, {@code docs/saliency-panel.png} and {@code docs/clamp.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private static final Path DOCS = Path.of("..", "docs");
    private WorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(new LaunchOptions(TestModels.CAMERA_SAMPLE, TestModels.CAMERA_EPISODE, 0, 1));
        app.start(stage);
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        Workbenches.screenshot(robot, app, DOCS.resolve(name));
    }

    private void tab(FxRobot robot, int index) {
        TabPane tabs = robot.lookup("#side-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(index));
    }

    @Test
    void retakeThePictures(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        // a left bend: two command neurons selected, their states and taus in the charts
        robot.interact(() -> {
            app.workspace().cursor().moveTo(120);
            app.workspace().selection().selectOnly(3);
            app.workspace().selection().toggle(5);
        });
        shoot(robot, "workbench.png");

        tab(robot, 2);
        TreePanelView tree = robot.lookup("#" + TreePanelView.ID).queryAs(TreePanelView.class);
        robot.interact(() -> {
            app.workspace().selection().selectOnly(0);
            app.workspace().cursor().moveTo(433);
            tree.model().extract();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> tree.model().resultProperty().get() != null);
        shoot(robot, "tree-panel.png");

        tab(robot, 3);
        SaliencyPanelView saliency = robot.lookup("#" + SaliencyPanelView.ID).queryAs(SaliencyPanelView.class);
        robot.interact(() -> {
            app.workspace().cursor().moveTo(285);
            saliency.model().perturbationProperty().set(PerturbationChoice.standard().get(1));
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> saliency.model().mapsProperty().get() != null
                && !saliency.model().computingProperty().get());
        shoot(robot, "saliency-panel.png");

        tab(robot, 0);
        robot.interact(() -> {
            app.workspace().clamps().clampToMax(6);
            app.workspace().selection().selectOnly(6);
            app.workspace().cursor().moveTo(200);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.workspace().unclampedActivityProperty().get() != null
                && app.workspace().activityProperty().get() != app.workspace().unclampedActivityProperty().get());
        shoot(robot, "clamp.png");
        Workbenches.close(robot, app);
    }
}
