package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.workspace.ModelPanelView;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The workbench window on Monocle (headless). */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp();
        app.start(stage);
    }

    @Test
    void windowOpensWithAStatusLine(FxRobot robot) {
        Label status = robot.lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class);
        assertThat(status.getText()).contains("No model loaded");
        assertThat(robot.window(0).isShowing()).isTrue();
    }

    @Test
    void openingAModelShowsItsSizeTableWithoutBlockingTheWindow(FxRobot robot) throws Exception {
        Path folder = TestModels.ltcFixture(tmp.resolve("m"));
        robot.interact(() -> app.workspace().openModel(folder));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + ModelPanelView.SUMMARY_ID).queryAll().isEmpty());
        TextArea summary = robot.lookup("#" + ModelPanelView.SUMMARY_ID).queryAs(TextArea.class);
        assertThat(summary.getText()).contains("11 inter, 7 command, 1 motor").contains("Size table");
        assertThat(robot.lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class).getText()).contains("fixture NCP");
    }

    @Test
    void aBadModelShowsAnErrorDialogAndKeepsTheLoadedModel(FxRobot robot) throws Exception {
        Path folder = TestModels.ltcFixture(tmp.resolve("m"));
        robot.interact(() -> app.workspace().openModel(folder));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().modelProperty().get() != null);
        var loaded = app.workspace().modelProperty().get();
        robot.interact(() -> app.workspace().openModel(tmp.resolve("not-a-model")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains("not-a-model");
        assertThat(app.workspace().modelProperty().get()).isSameAs(loaded);
    }
}
