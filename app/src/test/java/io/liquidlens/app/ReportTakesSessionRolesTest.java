package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.liquidlens.app.saliency.SaliencyPanelView;
import io.liquidlens.io.InputRole;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A role changed in the Saliency tab is what "Causality report..." hands the report, as --input-roles would. */
@ExtendWith(ApplicationExtension.class)
class ReportTakesSessionRolesTest {
    private static final Path EPISODE = TestModels.VECTOR_EPISODE;
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(new LaunchOptions(TestModels.VECTOR_SAMPLE, EPISODE, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportGetsTheRolesChangedInTheSaliencyTab(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        Workbenches.showSideTab(robot, "Saliency");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + SaliencyPanelView.ROLE_ID_PREFIX + "noise_2").queryAll().isEmpty());
        robot.interact(app::fillReport);
        assertThat(app.report().inputRolesProperty().get()).isEmpty();

        ChoiceBox<InputRole> noise = robot.lookup("#" + SaliencyPanelView.ROLE_ID_PREFIX + "noise_2")
                .queryAs(ChoiceBox.class);
        robot.interact(() -> noise.setValue(InputRole.OTHER));
        robot.interact(app::fillReport);

        assertThat(app.report().inputRolesProperty().get()).containsExactly(entry("noise_2", InputRole.OTHER));
        assertThat(app.report().models()).hasSize(1);
    }
}
