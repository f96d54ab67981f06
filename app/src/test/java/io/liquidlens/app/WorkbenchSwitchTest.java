package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.workspace.RecentPair;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switching between the camera and the vector samples in one window: a model that does not fit the rollout opens
 * alone and offers its own rollout, a rollout that does not fit offers the models that run on it, Recent reopens a
 * pair, and File > Open... refuses a mismatched pair before OK.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchSwitchTest {
    private static final Path VECTOR_EPISODE = Path.of("..", "sample-traces", "vector-lanekeeping", "clean",
            "episode-0000.npz").toAbsolutePath().normalize();
    private static final Path CAMERA_MODEL = TestModels.CAMERA_SAMPLE.toAbsolutePath().normalize();
    private static final Path CAMERA_EPISODE = TestModels.CAMERA_EPISODE.toAbsolutePath().normalize();
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;
    /** What the views threw on the FX thread while the workspace switched: a view that cannot cope throws. */
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;

    @Start
    void start(Stage stage) {
        previousHandler = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> fxErrors.add(error));
        app = new WorkbenchApp(new LaunchOptions(TestModels.CAMERA_SAMPLE, TestModels.CAMERA_EPISODE, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler(previousHandler));
    }

    @Test
    void theCameraAndVectorSamplesSwitchBothWaysWithoutARestart(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);

        robot.interact(() -> app.workspace().openModel(TestModels.VECTOR_SAMPLE));
        await(() -> modelName().contains("vector sensor"));
        assertThat(app.workspace().rolloutProperty().get()).isNull();
        assertThat(app.workspace().activityProperty().get()).isNull();
        assertThat(robot.lookup(".dialog-pane").queryAll()).isEmpty();
        assertThat(text(robot, "#" + StatusBar.NOTICE_ID)).contains("takes 6 values per step")
                .contains("episode-0000.npz (camera frames 32x96x3) was set aside");
        assertThat(text(robot, "#" + WorkbenchApp.STATUS_ID)).contains("No rollout");
        Hyperlink offer = robot.lookup("#" + StatusBar.OFFER_ID_PREFIX + 0).queryAs(Hyperlink.class);
        assertThat(offer.getText()).isEqualTo("clean/episode-0000.npz");

        robot.clickOn(offer);
        Workbenches.awaitSimulated(app);
        assertThat(rolloutFile()).isEqualTo(VECTOR_EPISODE);
        assertThat(text(robot, "#" + StatusBar.NOTICE_ID)).isEmpty();

        MenuItem cameraPair = recentItem(robot, RecentMenu.PAIR_ID_PREFIX + 1);
        assertThat(app.workspace().recent().pairs()).element(1)
                .isEqualTo(new RecentPair(CAMERA_MODEL, CAMERA_EPISODE));
        robot.interact(cameraPair::fire);
        await(() -> CAMERA_EPISODE.equals(rolloutFile()) && app.workspace().activityProperty().get() != null);
        assertThat(modelName()).startsWith("lane-keeping NCP").doesNotContain("vector");

        robot.interact(() -> app.workspace().openRollout(VECTOR_EPISODE));
        await(() -> !robot.lookup("#" + StatusBar.OFFER_ID_PREFIX + 0).queryAll().isEmpty());
        assertThat(rolloutFile()).isEqualTo(CAMERA_EPISODE);
        assertThat(text(robot, "#" + StatusBar.NOTICE_ID)).contains("was not opened").contains("Models that fit");
        Hyperlink model = robot.lookup("#" + StatusBar.OFFER_ID_PREFIX + 0).queryAs(Hyperlink.class);
        assertThat(model.getText()).isEqualTo("vector-lanekeeping");
        robot.clickOn(model);
        await(() -> modelName().contains("vector sensor") && app.workspace().activityProperty().get() != null);
        assertThat(rolloutFile()).isEqualTo(VECTOR_EPISODE);
        assertThat(app.workspace().lastErrorProperty().get()).isNull();
        assertThat(fxErrors).isEmpty();
    }

    @Test
    void openWithAMismatchedPairKeepsOkDisabledAndSaysWhy(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        MenuItem open = fileMenu(robot).getItems().stream()
                .filter(i -> WorkbenchMenus.OPEN_PAIR_ID.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(open::fire);
        await(() -> !robot.lookup("#" + OpenPairDialog.REASON_ID).queryAll().isEmpty());
        Button ok = (Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK);
        TextField model = robot.lookup("#" + OpenPairDialog.MODEL_FIELD_ID).queryAs(TextField.class);
        TextField rollout = robot.lookup("#" + OpenPairDialog.ROLLOUT_FIELD_ID).queryAs(TextField.class);
        assertThat(Path.of(rollout.getText()).toAbsolutePath().normalize()).isEqualTo(CAMERA_EPISODE);
        await(() -> !ok.isDisabled());

        robot.interact(() -> rollout.setText(VECTOR_EPISODE.toString()));
        await(() -> text(robot, "#" + OpenPairDialog.REASON_ID).contains("values per step"));
        assertThat(ok.isDisabled()).isTrue();
        assertThat(text(robot, "#" + OpenPairDialog.REASON_ID)).contains("episode-0000.npz")
                .contains("6 values per step").contains("takes camera frames 32x96x3").doesNotContain("\n");

        robot.interact(() -> model.setText(TestModels.VECTOR_SAMPLE.toString()));
        await(() -> !ok.isDisabled());
        robot.clickOn(ok);
        await(() -> modelName().contains("vector sensor") && app.workspace().activityProperty().get() != null);
        assertThat(rolloutFile()).isEqualTo(VECTOR_EPISODE);
    }

    private Path rolloutFile() {
        Path file = app.workspace().rolloutFileProperty().get();
        return file == null ? null : file.toAbsolutePath().normalize();
    }

    private String modelName() {
        var s = app.workspace().summaryProperty().get();
        return s == null ? "" : s.name();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private Menu fileMenu(FxRobot robot) {
        return robot.from(app.stage().getScene().getRoot()).lookup(".menu-bar").queryAs(MenuBar.class).getMenus()
                .get(0);
    }

    private MenuItem recentItem(FxRobot robot, String id) {
        Menu recent = (Menu) fileMenu(robot).getItems().stream()
                .filter(i -> WorkbenchApp.RECENT_MENU_ID.equals(i.getId())).findFirst().orElseThrow();
        return recent.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
