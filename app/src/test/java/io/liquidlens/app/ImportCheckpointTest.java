package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.importing.ImportFormDialog;
import io.liquidlens.app.importing.ImportFormViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TextField;
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
 * File > Import checkpoint... in the whole window: the form on an ncps fixture LTC shows what is assumed, imports
 * into a new folder and opens the model; a file that is no checkpoint is one line in the form; a checkpoint
 * dropped on the window opens the form.
 */
@ExtendWith(ApplicationExtension.class)
class ImportCheckpointTest {
    private static final Path FIXTURE = Path.of(System.getProperty("liquidlens.testdata",
            "../analysis/src/test/resources"), "ncps/fixtures/checkpoints/ltc_autoncp19_1_default.pt");
    private static final List<String> LTC_SETTINGS = List.of("ode_unfolds", "epsilon", "implicit_param_constraints",
            "return_sequences", "batch_first");
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(LaunchOptions.none());
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void theFormShowsTheAssumedSettingsImportsIntoANewFolderAndOpensTheModel(FxRobot robot) throws Exception {
        Path checkpoint = Files.copy(FIXTURE, tmp.resolve("lane.pt"));
        robot.interact(() -> app.importCheckpoint(checkpoint));
        DialogPane pane = awaitForm(robot);
        ImportFormViewModel form = app.importForm();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> form.inspectionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(lookup(pane, ImportFormDialog.READ_ID, Label.class).getText()).startsWith("an LTC of 8 inputs");
        // the form grows on a frame after its rows are filled: give that frame time on a loaded machine
        java.util.function.DoubleSupplier grown = () -> Math.min(pane.prefHeight(pane.getWidth()),
                javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 40) - 0.5;
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> pane.getScene().getHeight() >= grown.getAsDouble());
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says by how much it fell short
        }
        assertThat(pane.getScene().getHeight()).as("the form grew with what it read (it opened before)")
                .isGreaterThanOrEqualTo(grown.getAsDouble());
        for (String key : LTC_SETTINGS) {
            assertThat(lookup(pane, ImportFormDialog.ASSUMED_ID_PREFIX + key, Label.class).isVisible())
                    .as("%s marked assumed", key).isTrue();
        }
        TextField unfolds = lookup(pane, ImportFormDialog.SETTING_ID_PREFIX + "ode_unfolds", TextField.class);
        assertThat(unfolds.getText()).isEqualTo("6");
        robot.interact(() -> unfolds.setText("4"));
        assertThat(lookup(pane, ImportFormDialog.ASSUMED_ID_PREFIX + "ode_unfolds", Label.class).isVisible()).isFalse();
        assertThat(lookup(pane, ImportFormDialog.TARGET_ID, TextField.class).getText())
                .isEqualTo(tmp.resolve("lane").toAbsolutePath().toString());
        Path out = tmp.resolve("imported");
        robot.interact(() -> lookup(pane, ImportFormDialog.TARGET_ID, TextField.class).setText(out.toString()));

        robot.interact(() -> ((Button) pane.lookupButton(ImportFormDialog.IMPORT)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().modelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(out.resolve("model.json")).exists();
        assertThat(app.workspace().modelProperty().get().folder().toAbsolutePath().normalize())
                .isEqualTo(out.toAbsolutePath().normalize());
        assertThat(robot.lookup(".dialog-pane").queryAll()).as("the form closed").isEmpty();
    }

    @Test
    void aFileThatIsNoCheckpointIsOneLineInTheForm(FxRobot robot) throws Exception {
        Path bad = Files.writeString(tmp.resolve("broken.pt"), "no tensors here");
        robot.interact(() -> app.importCheckpoint(bad));
        DialogPane pane = awaitForm(robot);
        Label error = lookup(pane, ImportFormDialog.ERROR_ID, Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> error.isVisible());

        assertThat(error.getText()).contains("broken.pt").doesNotContain("\n").doesNotContain("Exception");
        assertThat(((Button) pane.lookupButton(ImportFormDialog.IMPORT)).isDisabled()).isTrue();
        assertThat(app.workspace().modelProperty().get()).isNull();
    }

    @Test
    void aCheckpointDroppedOnTheWindowIsSaidToBeOneAndOpensTheForm(FxRobot robot) throws Exception {
        Path checkpoint = Files.copy(FIXTURE, tmp.resolve("dropped.pt"));
        robot.interact(() -> app.drop(checkpoint));
        awaitForm(robot);

        assertThat(robot.lookup("#" + WorkbenchApp.REPORT_LINE_ID).queryAs(Label.class).getText())
                .isEqualTo("dropped.pt is a checkpoint, not a model folder: import it with the form");
        assertThat(app.importForm().checkpointProperty().get()).isEqualTo(checkpoint);
    }

    @Test
    void theFileMenuOffersImportCheckpoint(FxRobot robot) {
        Menu file = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().get(0);
        assertThat(file.getItems()).anyMatch(i -> ImportCheckpointAction.MENU_ID.equals(i.getId())
                && i.getText().equals("Import checkpoint..."));
    }

    private static DialogPane awaitForm(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#" + ImportFormDialog.READ_ID).queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static <T extends Node> T lookup(DialogPane pane, String id, Class<T> type) {
        return type.cast(pane.lookup("#" + id));
    }
}
