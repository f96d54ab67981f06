package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.playback.PlaybackBar;
import io.liquidlens.app.workspace.RecentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
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

/** The workbench started on a model and a rollout (the command line), headless: playback, shortcuts, refusals. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchSessionTest {
    private static final int STEPS = 300;
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;
    private Path model;
    private Path rollout;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        model = TestModels.ltcFixture(tmp.resolve("model"));
        rollout = TestModels.rollout(tmp.resolve("episode.npz"), STEPS, 8, 7);
        app = new WorkbenchApp(new LaunchOptions(model, rollout, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    private void awaitSimulated() throws Exception {
        Workbenches.awaitSimulated(app);
    }

    private int step() {
        return app.workspace().cursor().step();
    }

    @Test
    void theSessionIsSimulatedAndTheStatusCountsItsSteps(FxRobot robot) throws Exception {
        awaitSimulated();
        assertThat(robot.from(app.stage().getScene().getRoot()).lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class).getText())
                .contains("fixture NCP").contains("episode.npz").contains(STEPS + " steps");
        assertThat(robot.from(app.stage().getScene().getRoot()).lookup("#" + PlaybackBar.STEP_LABEL_ID).queryAs(Label.class).getText())
                .isEqualToNormalizingWhitespace("step 0 of 0-" + (STEPS - 1));
        assertThat(app.workspace().activityProperty().get().steps()).isEqualTo(STEPS);
    }

    @Test
    void playAdvancesTheCursorAndPauseStopsIt(FxRobot robot) throws Exception {
        awaitSimulated();
        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> step() >= 10);
        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.playback().isPlaying()).isFalse();
        int paused = step();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(step()).isEqualTo(paused).isLessThan(STEPS - 1);
    }

    @Test
    void keyboardShortcutsMoveTheCursor(FxRobot robot) throws Exception {
        awaitSimulated();
        robot.clickOn("#" + WorkbenchApp.STATUS_ID); // focus the window, not a control
        robot.push(KeyCode.RIGHT);
        assertThat(step()).isEqualTo(1);
        robot.push(KeyCode.SHIFT, KeyCode.RIGHT);
        assertThat(step()).isEqualTo(11);
        robot.push(KeyCode.LEFT);
        assertThat(step()).isEqualTo(10);
        robot.push(KeyCode.END);
        assertThat(step()).isEqualTo(STEPS - 1);
        robot.push(KeyCode.HOME);
        assertThat(step()).isZero();
        robot.push(KeyCode.SPACE);
        assertThat(app.playback().isPlaying()).isTrue();
        robot.push(KeyCode.SPACE);
        assertThat(app.playback().isPlaying()).isFalse();
    }

    @Test
    void theScrubberFollowsTheCursorAndMovesIt(FxRobot robot) throws Exception {
        awaitSimulated();
        Slider scrubber = robot.from(app.stage().getScene().getRoot()).lookup("#" + PlaybackBar.SCRUBBER_ID).queryAs(Slider.class);
        assertThat(scrubber.getMax()).isEqualTo(STEPS - 1);
        robot.interact(() -> app.workspace().cursor().moveTo(123));
        assertThat(scrubber.getValue()).isEqualTo(123);
        robot.interact(() -> scrubber.setValue(42.4));
        assertThat(step()).isEqualTo(42);
        assertThat(robot.from(app.stage().getScene().getRoot()).lookup("#" + PlaybackBar.STEP_LABEL_ID).queryAs(Label.class).getText())
                .isEqualToNormalizingWhitespace("step 42 of 0-" + (STEPS - 1));
    }

    @Test
    void aBadRolloutShowsAnErrorDialogAndLeavesModelRolloutAndActivityAlone(FxRobot robot) throws Exception {
        awaitSimulated();
        var m = app.workspace().modelProperty().get();
        var r = app.workspace().rolloutProperty().get();
        var a = app.workspace().activityProperty().get();
        Path junk = Files.writeString(tmp.resolve("broken.npz"), "not a zip file");
        robot.interact(() -> app.workspace().openRollout(junk));
        DialogPane dialog = awaitDialog(robot);
        assertThat(dialog.getContentText()).contains("broken.npz").doesNotContain("\n");
        assertThat(app.workspace().modelProperty().get()).isSameAs(m);
        assertThat(app.workspace().rolloutProperty().get()).isSameAs(r);
        assertThat(app.workspace().activityProperty().get()).isSameAs(a);
    }

    @Test
    void aModelThatDoesNotFitTheRolloutOpensAloneWithTheRolloutSetAsideAndNoDialog(FxRobot robot)
            throws Exception {
        awaitSimulated();
        robot.interact(() -> app.workspace().openModel(TestModels.VECTOR_SAMPLE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().rolloutProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").queryAll()).isEmpty();
        assertThat(app.workspace().summaryProperty().get().name()).contains("vector sensor");
        assertThat(robot.lookup("#" + StatusBar.NOTICE_ID).queryAs(Label.class).getText())
                .contains("takes 6 values per step").contains("episode.npz (8 values per step) was set aside");
    }

    @Test
    void openedFilesAreListedUnderRecentAndPersisted(FxRobot robot) throws Exception {
        awaitSimulated();
        Path expectedModel = model.toAbsolutePath().normalize();
        Path expectedRollout = rollout.toAbsolutePath().normalize();
        assertThat(new RecentFiles(PREFS.node()).models()).first().isEqualTo(expectedModel);
        assertThat(new RecentFiles(PREFS.node()).rollouts()).first().isEqualTo(expectedRollout);
        MenuBar bar = robot.from(app.stage().getScene().getRoot()).lookup(".menu-bar").queryAs(MenuBar.class);
        var recent = bar.getMenus().get(0).getItems().stream()
                .filter(i -> WorkbenchApp.RECENT_MENU_ID.equals(i.getId())).findFirst().orElseThrow();
        var items = ((javafx.scene.control.Menu) recent).getItems();
        assertThat(items.stream().filter(i -> "recent-model-0".equals(i.getId())).map(MenuItem::getText))
                .containsExactly(expectedModel.toString());
        assertThat(items.stream().filter(i -> "recent-rollout-0".equals(i.getId())).map(MenuItem::getText))
                .containsExactly(expectedRollout.toString());
    }

    private static DialogPane awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }
}
