package io.liquidlens.app;

import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line at the bottom of the window: what the workspace holds, the outcome of the last report or drive, and,
 * only while a background task runs, its name, its progress and a cancel button.
 */
final class StatusBar {
    private final Label reportLine = new Label();
    private final HBox bar;

    /** A status bar over {@code workspace} and {@code executor}'s running task; cancel runs {@code cancel}. */
    StatusBar(WorkspaceViewModel workspace, FxTaskExecutor executor, Runnable cancel) {
        reportLine.setId(WorkbenchApp.REPORT_LINE_ID);
        Label status = new Label();
        status.setId(WorkbenchApp.STATUS_ID);
        status.textProperty().bind(workspace.statusProperty());
        Label activity = new Label();
        activity.textProperty().bind(executor.activityProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId(WorkbenchApp.PROGRESS_ID);
        progress.progressProperty().bind(executor.progressProperty());
        Button cancelButton = new Button("Cancel");
        cancelButton.setId(WorkbenchApp.CANCEL_ID);
        cancelButton.setFocusTraversable(false);
        cancelButton.setOnAction(e -> cancel.run());
        for (Node n : List.of(activity, progress, cancelButton)) {
            n.visibleProperty().bind(executor.busyProperty());
            n.managedProperty().bind(executor.busyProperty());
        }
        reportLine.setMaxWidth(420);
        bar = new HBox(8, status, reportLine, activity, progress, cancelButton);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setPadding(new Insets(4, 8, 4, 8));
    }

    /** Shows {@code line} as the outcome of the last report or drive. */
    void say(String line) {
        reportLine.setText(line);
    }

    /** The bar, for the bottom of the window. */
    Node node() {
        return bar;
    }
}
