package io.liquidlens.app.saliency;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.LaunchOptions;
import io.liquidlens.app.TestModels;
import io.liquidlens.app.ThrowawayPrefs;
import io.liquidlens.app.WorkbenchApp;
import io.liquidlens.app.Workbenches;
import io.liquidlens.io.InputRole;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Saliency tab on the vector sample: each input's role, changed in its picker, moves the shares shown. */
@ExtendWith(ApplicationExtension.class)
class SaliencyRolesTest {
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
    void changingAnInputsRoleInItsPickerMovesTheSharesShown(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        Workbenches.showSideTab(robot, "Saliency");
        SaliencyPanelView panel = robot.lookup("#" + SaliencyPanelView.ID).queryAs(SaliencyPanelView.class);
        robot.interact(() -> app.workspace().cursor().moveTo(20));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            StepMaps m = panel.model().mapsProperty().get();
            return m != null && m.step() == 20;
        });
        WaitForAsyncUtils.waitForFxEvents();
        // the vector map as one labelled bar per input, with the map's own value
        var rows = panel.cleanBars().getChildren();
        assertThat(rows).hasSize(6);
        var firstRow = (javafx.scene.layout.HBox) rows.get(0);
        assertThat(((Label) firstRow.getChildren().get(0)).getText()).isEqualTo("d_lane");
        double dValue = panel.model().mapsProperty().get().cleanMap().values()[0];
        assertThat(((Label) firstRow.getChildren().get(2)).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3g", dValue));
        assertThat(robot.lookup("#" + SaliencyPanelView.SCALE_ID).tryQuery()).isPresent();
        Label shares = robot.lookup("#" + SaliencyPanelView.SHARES_ID).queryAs(Label.class);
        String before = shares.getText();
        assertThat(before).startsWith("share of saliency by role at step 20: clean task ");
        ChoiceBox<InputRole> d = robot.lookup("#" + SaliencyPanelView.ROLE_ID_PREFIX + "d_lane").queryAs(ChoiceBox.class);
        assertThat(d.getValue()).isEqualTo(InputRole.TASK);
        double distractorBefore = panel.model().roles().cleanProperty().get().distractor();

        robot.interact(() -> d.setValue(InputRole.DISTRACTOR));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shares.getText()).isNotEqualTo(before).startsWith("share of saliency by role at step 20");
        assertThat(panel.model().roles().cleanProperty().get().distractor()).isGreaterThan(distractorBefore + 0.01);
        assertThat(panel.model().roles().changed()).containsOnlyKeys("d_lane");
    }
}
