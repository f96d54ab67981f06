package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Started as the jar starts without arguments: the bundled NCP sample (and its clean rollout, when present). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchStartupTest {
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;
    private LaunchOptions defaults;

    @Start
    void start(Stage stage) {
        defaults = Launcher.defaults();
        app = new WorkbenchApp(defaults);
        app.start(stage);
    }

    @org.junit.jupiter.api.AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void theWindowIsUpAtOnceAndOpensTheSampleModelInTheBackground(FxRobot robot) throws Exception {
        assertThat(app.stage().isShowing()).isTrue();
        javafx.scene.Node veil = robot.lookup("#" + LoadingVeil.ID).query();
        boolean[] veiled = new boolean[1];
        robot.interact(() -> veiled[0] = veil.isVisible());
        assertThat(veiled[0]).as("the sample loads behind a progress indicator").isTrue();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.workspace().modelProperty().get() != null
                && (defaults.rollout() == null || app.workspace().activityProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.from(app.stage().getScene().getRoot()).lookup("#" + WorkbenchApp.STATUS_ID)
                .queryAs(Label.class).getText();
        assertThat(status).contains("lane-keeping NCP");
        assertThat(app.stage().getTitle()).contains("lane-keeping NCP");
        if (defaults.rollout() != null) {
            assertThat(status).contains(app.workspace().activityProperty().get().steps() + " steps");
        }
        assertThat(app.workspace().lastErrorProperty().get()).isNull();
        assertThat(veil.isVisible()).isFalse();
    }
}
