package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.workspace.ModelPanelView;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The Help menu (F1 sheet, About), the Clamp menu, and playback keys that never take a key from the control that
 * uses it.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchHelpAndKeysTest {
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        Path model = TestModels.ltcFixture(tmp.resolve("model"));
        Path rollout = TestModels.rollout(tmp.resolve("episode.npz"), 200, 8, 3);
        app = new WorkbenchApp(new LaunchOptions(model, rollout, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void f1OpensTheShortcutSheetAndAboutNamesTheLicence(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        robot.clickOn("#" + WorkbenchApp.STATUS_ID);
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && HelpMenu.SHORTCUTS_TITLE.equals(s.getTitle()) && s.isShowing()));
        assertThat(robot.from(app.help().sheet().getScene().getRoot()).lookup(".label").queryAllAs(Label.class))
                .extracting(Label::getText).contains("Space", "Home / End", "F1");
        robot.interact(() -> app.help().sheet().requestFocus());
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.help().sheet().isShowing()).as("Esc closes the sheet").isFalse();

        robot.interact(() -> app.help().about());
        DialogPane about = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).startsWith("LiquidLens ");
        Label aboutText = (Label) about.getContent();
        assertThat(aboutText.getText()).contains("GPL 3.0 or later").contains("Weka");
        assertThat(((Text) aboutText.lookup(".text")).getText()).as("shown whole, not cut off with ...")
                .isEqualTo(aboutText.getText());
        assertThat(about.getScene().getWindow().getWidth()).as("as wide as the wrapped text, not as one line of it")
                .isLessThan(600);
    }

    @Test
    void spaceOnAFocusedCheckBoxTicksItInsteadOfPlaying(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        Workbenches.showSideTab(robot, "Tree");
        CheckBox inter = robot.lookup("#tree-inter").queryAs(CheckBox.class);
        boolean before = inter.isSelected();
        robot.interact(inter::requestFocus);
        assertThat(inter.isFocused()).isTrue();
        robot.push(KeyCode.SPACE);

        assertThat(inter.isSelected()).isNotEqualTo(before);
        assertThat(app.playback().isPlaying()).isFalse();
    }

    @Test
    void arrowsStillStepWhileTheReadOnlyModelSummaryHasFocus(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        TextArea summary = robot.lookup("#" + ModelPanelView.SUMMARY_ID).queryAs(TextArea.class);
        robot.interact(summary::requestFocus);
        int before = app.workspace().cursor().step();
        robot.push(KeyCode.RIGHT);

        assertThat(app.workspace().cursor().step()).isEqualTo(before + 1);
    }

    @Test
    void theClampMenuClampsTheSelectedNeuronsReleasesThemAndHoldsTheDrive(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu clamp = bar.getMenus().stream()
                .filter(m -> WorkbenchMenus.CLAMP_MENU_ID.equals(m.getId())).findFirst().orElseThrow();
        assertThat(clamp.getItems()).extracting(javafx.scene.control.MenuItem::getText)
                .contains("Drive with clamp...");
        assertThat(bar.getMenus().stream().filter(m -> m.getText().equals("Report")).findFirst().orElseThrow()
                .getItems()).extracting(javafx.scene.control.MenuItem::getText).doesNotContain("Drive with clamp...");

        robot.interact(() -> {
            app.workspace().selection().selectOnly(4);
            clamp.getItems().get(0).fire();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.workspace().clampsProperty().get().isEmpty());
        assertThat(app.workspace().clamps().isClamped(4)).isTrue();
        robot.interact(() -> clamp.getItems().get(2).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().clampsProperty().get().isEmpty());
    }

    @Test
    void downOnAFocusedDropDownOpensItAndNeverSwitchesTheTab(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        var tabs = Workbenches.showSideTab(robot, "Saliency");
        var method = robot.lookup("#saliency-method").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(method::requestFocus);
        robot.push(KeyCode.DOWN);

        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Saliency");
        assertThat(method.isShowing()).isTrue();
        robot.push(KeyCode.ESCAPE);
        int before = app.workspace().cursor().step();
        robot.push(KeyCode.RIGHT);
        assertThat(app.workspace().cursor().step()).as("a closed drop-down leaves the arrows to playback")
                .isEqualTo(before + 1);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Saliency");
    }
}
