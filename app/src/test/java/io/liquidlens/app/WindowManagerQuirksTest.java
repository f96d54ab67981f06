package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.layout.Pane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a window manager does to the windows that Monocle does not: it maps a stage at 200 x 200 whatever its scene
 * asked for, and unmaximises the main window while a modal dialog or a file chooser is up. The tests do to the
 * stage what openbox did in the walk-through and check the workbench undoes it.
 */
@ExtendWith(ApplicationExtension.class)
class WindowManagerQuirksTest {
    private Stage stage;
    private KeepMaximised keeper;

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (keeper != null) {
                keeper.uninstall();
            }
            if (stage != null) {
                stage.setMaximized(false);
                stage.close();
            }
        });
    }

    @Test
    void aWindowShrunkWhenMappedGetsBackTheSizeItsSceneAskedFor(FxRobot robot) {
        robot.interact(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Pane(), 950, 600));
            stage.setX(40);
            stage.setY(30);
            WindowSizes.show(stage);
            // what openbox did as the window was mapped
            stage.setWidth(200);
            stage.setHeight(200);
            stage.setX(160);
        });
        settle();

        assertThat(stage.getScene().getWidth()).isEqualTo(950);
        assertThat(stage.getScene().getHeight()).isEqualTo(600);
        assertThat(stage.getX()).isEqualTo(40);
    }

    @Test
    void aWindowLeftMaximisedOpensMaximisedAndUnmaximisesToItsRememberedSize(FxRobot robot) throws Exception {
        Preferences node = Preferences.userRoot().node("liquidlens-test-" + UUID.randomUUID());
        NormalBounds[] normal = new NormalBounds[1];
        try {
            node.putBoolean("maximised", true);
            node.putDouble("x", 40);
            node.putDouble("y", 30);
            node.putDouble("width", 950);
            node.putDouble("height", 600);
            WindowPlacement placement = new WindowPlacement(node);
            robot.interact(() -> {
                stage = new Stage();
                stage.setScene(new Scene(new Pane(), placement.sceneSize().getWidth(),
                        placement.sceneSize().getHeight()));
                placement.apply(stage);
                WindowSizes.show(stage, placement.maximised());
                normal[0] = NormalBounds.install(stage, placement.maximised());
                // what openbox did while mapping the window, before it was maximised
                stage.setWidth(900);
                stage.setHeight(560);
            });
            settle();
            assertThat(stage.isMaximized()).isTrue();

            robot.interact(() -> stage.setMaximized(false));
            Thread.sleep(600);
            settle();
            assertThat(stage.getScene().getWidth()).isEqualTo(950);
            assertThat(stage.getScene().getHeight()).isEqualTo(600);
        } finally {
            robot.interact(() -> {
                if (normal[0] != null) {
                    normal[0].uninstall();
                }
            });
            node.removeNode();
        }
    }

    @Test
    void unmaximisedTheWindowReturnsToWhereItWasNotToWhereTheWindowManagerPutsIt(FxRobot robot) throws Exception {
        NormalBounds[] bounds = new NormalBounds[1];
        robot.interact(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Pane(), 950, 600));
            stage.setX(40);
            stage.setY(30);
            stage.show();
            bounds[0] = NormalBounds.install(stage, false);
            stage.setMaximized(true);
        });
        robot.interact(() -> {
            // what openbox did just after unmaximising
            stage.setMaximized(false);
            stage.setX(0);
            stage.setWidth(1590);
        });
        Thread.sleep(600);
        settle();

        assertThat(stage.getScene().getWidth()).isEqualTo(950);
        assertThat(stage.getX()).isEqualTo(40);
        assertThat(bounds[0].last()).isEqualTo(new javafx.geometry.Rectangle2D(40, 30, 950, 600));
        robot.interact(() -> bounds[0].uninstall());
    }

    @Test
    void theMainWindowIsMaximisedAgainOnceItsModalDialogCloses(FxRobot robot) {
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            showMaximised();
            alert[0] = new Alert(Alert.AlertType.ERROR, "Invalid clamp value");
            alert[0].initOwner(stage);
            alert[0].show();
            // what openbox did while the dialog was up
            stage.setMaximized(false);
        });
        settle();
        assertThat(stage.isMaximized()).as("while the dialog is up").isFalse();

        robot.interact(() -> alert[0].close());
        settle();

        assertThat(stage.isMaximized()).isTrue();
    }

    @Test
    void aDialogMappedSmallerThanItsContentGrowsToIt(FxRobot robot) {
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Pane(), 950, 600));
            stage.show();
            keeper = KeepMaximised.install(stage);
            alert[0] = new Alert(Alert.AlertType.INFORMATION, "A checkpoint ncps wrote, as a model folder: what it"
                    + " holds, the settings no tensor records, the name, inputs and roles, and where to write it.");
            alert[0].initOwner(stage);
            alert[0].show();
            // what openbox did with the import form
            Window dialog = alert[0].getDialogPane().getScene().getWindow();
            dialog.setWidth(200);
            dialog.setHeight(200);
        });
        settle();

        Window dialog = alert[0].getDialogPane().getScene().getWindow();
        double preferred = alert[0].getDialogPane().prefWidth(-1);
        assertThat(preferred).as("the test's premise").isGreaterThan(250);
        assertThat(dialog.getScene().getWidth()).isGreaterThanOrEqualTo(preferred - 0.5);
        assertThat(dialog.getScene().getHeight()).isGreaterThanOrEqualTo(
                alert[0].getDialogPane().prefHeight(dialog.getScene().getWidth()) - 0.5);
        robot.interact(() -> alert[0].close());
    }

    @Test
    void aDialogOverTheMaximisedWindowIsCentredOnTheScreenNotLeftAboveIt(FxRobot robot) {
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            showMaximised();
            alert[0] = new Alert(Alert.AlertType.INFORMATION, "About LiquidLens");
            alert[0].initOwner(stage);
            alert[0].show();
            // where openbox put it as it unmaximised the owner: the title bar above the screen
            alert[0].setX(0);
            alert[0].setY(-19);
        });
        settle();

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Window dialog = alert[0].getDialogPane().getScene().getWindow();
        assertThat(dialog.getY()).isGreaterThan(screen.getMinY());
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(screen.getMinX() + screen.getWidth() / 2,
                org.assertj.core.api.Assertions.within(2.0));
        robot.interact(() -> alert[0].close());
    }

    @Test
    void anErrorShownAsAFormClosesStillEndsWithTheWindowMaximised(FxRobot robot) {
        Alert[] error = new Alert[1];
        robot.interact(() -> {
            showMaximised();
            Alert form = new Alert(Alert.AlertType.CONFIRMATION, "Clamp to value");
            form.initOwner(stage);
            form.show();
            stage.setMaximized(false);
            form.close();
            error[0] = new Alert(Alert.AlertType.ERROR, "Invalid clamp value");
            error[0].initOwner(stage);
            error[0].show();
        });
        settle();
        assertThat(stage.isMaximized()).as("while the error is up").isFalse();

        robot.interact(() -> error[0].close());
        settle();

        assertThat(stage.isMaximized()).isTrue();
    }

    @Test
    void theMainWindowIsMaximisedAgainAfterAFileChooser(FxRobot robot) {
        robot.interact(() -> {
            showMaximised();
            keeper.around(() -> {
                stage.setMaximized(false);
                return null;
            });
        });
        settle();

        assertThat(stage.isMaximized()).isTrue();
    }

    @Test
    void aWindowTheUserUnmaximisedStaysSoWhenAWindowThatBlocksNothingCloses(FxRobot robot) {
        Stage[] sheet = new Stage[1];
        robot.interact(() -> {
            showMaximised();
            sheet[0] = new Stage();
            sheet[0].initOwner(stage);
            sheet[0].initModality(Modality.NONE);
            sheet[0].setScene(new Scene(new Pane(), 300, 200));
            sheet[0].show();
            stage.setMaximized(false);
        });
        robot.interact(() -> sheet[0].close());
        settle();

        assertThat(stage.isMaximized()).isFalse();
    }

    /** Lets the follow-ups the workbench leaves for the next frames run. */
    private static void settle() {
        WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showMaximised() {
        stage = new Stage();
        stage.setScene(new Scene(new Pane(), 950, 600));
        stage.show();
        stage.setMaximized(true);
        keeper = KeepMaximised.install(stage);
    }
}
