package io.liquidlens.app;

import io.liquidlens.app.drive.DriveViewModel;
import io.liquidlens.app.drive.DrivenPathsView;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * "Drive with clamp...": asks for the held-out episode's seed and steps, drives it with the workspace's clamps and
 * without them in the background, then shows both paths in their own window; the outcome is one status line.
 */
final class DriveWithClampAction {
    private final DriveViewModel drive;
    private final WorkspaceViewModel workspace;
    private final Stage owner;
    private final Consumer<String> say;
    private Stage pathsWindow;

    /**
     * Drives {@code workspace}'s model through {@code drive}; dialogs belong to {@code owner}, {@code say} shows
     * the outcome.
     */
    DriveWithClampAction(DriveViewModel drive, WorkspaceViewModel workspace, Stage owner, Consumer<String> say) {
        this.drive = drive;
        this.workspace = workspace;
        this.owner = owner;
        this.say = say;
        drive.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                say.accept(message);
                drive.errorProperty().set(null);
            }
        });
        drive.pathsProperty().addListener((obs, old, paths) -> {
            if (paths != null) {
                say.accept("Driven: " + paths.clampedCrashes() + " crash(es) with " + paths.clamps() + ", "
                        + paths.ownCrashes() + " without");
                showPaths();
            }
        });
    }

    /** Asks for seed and steps, then starts the drive. */
    void open() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Drive with clamp");
        String clamps = workspace.clamps().describe();
        dialog.setHeaderText("One held-out sample-world episode, closed loop, " + (clamps.isEmpty()
                ? "with nothing clamped" : "with " + clamps) + ", against the unclamped network");
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, drive.seedProperty().get());
        seed.setEditable(true);
        Spinner<Integer> steps = new Spinner<>(1, 100_000, drive.stepsProperty().get());
        steps.setEditable(true);
        dialog.getDialogPane().setContent(new HBox(8, new Label("seed"), seed, new Label("steps"), steps));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.initOwner(owner);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            drive.seedProperty().set(seed.getValue());
            drive.stepsProperty().set(steps.getValue());
            say.accept("Driving ...");
            drive.drive();
        });
    }

    private void showPaths() {
        if (pathsWindow == null) {
            pathsWindow = new Stage();
            pathsWindow.setTitle("The car's path with and without the clamps");
            pathsWindow.initOwner(owner);
            pathsWindow.setScene(new Scene(new DrivenPathsView(drive), 720, 480));
        }
        if (pathsWindow.isShowing()) {
            pathsWindow.toFront();
        } else {
            WindowSizes.show(pathsWindow);
        }
    }
}
