package io.liquidlens.app;

import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The line at the bottom of the window, always one line high: what the workspace holds, the outcome of the last
 * report or drive (each with a tooltip holding the whole text when it is cut off), and, while background work runs,
 * the latest task's name and progress, a labelled Cancel, and the list of every running task ({@link TasksButton}).
 */
final class StatusBar {
    /** The bar's height in pixels: a line of text, a progress bar or a button fit. */
    static final double HEIGHT = 30;
    private final Label reportLine = new Label();
    private final HBox bar;

    /** A status bar over {@code workspace} and {@code executor}'s running task; cancel runs {@code cancel}. */
    StatusBar(WorkspaceViewModel workspace, FxTaskExecutor executor, Runnable cancel) {
        reportLine.setId(WorkbenchApp.REPORT_LINE_ID);
        Label status = new Label();
        status.setId(WorkbenchApp.STATUS_ID);
        status.textProperty().bind(workspace.statusProperty());
        status.setMinWidth(80);
        withTooltip(status);
        withTooltip(reportLine);
        Label activity = new Label();
        activity.textProperty().bind(executor.activityProperty());
        activity.setMaxWidth(260);
        withTooltip(activity);
        ProgressBar progress = new ProgressBar();
        progress.setId(WorkbenchApp.PROGRESS_ID);
        progress.progressProperty().bind(executor.progressProperty());
        Button cancelButton = new Button("Cancel");
        cancelButton.setId(WorkbenchApp.CANCEL_ID);
        cancelButton.setFocusTraversable(false);
        cancelButton.setMinWidth(Button.USE_PREF_SIZE);
        cancelButton.setOnAction(e -> cancel.run());
        for (Node n : List.of(activity, progress, cancelButton)) {
            n.visibleProperty().bind(executor.busyProperty());
            n.managedProperty().bind(executor.busyProperty());
        }
        progress.setPrefWidth(120);
        progress.setMinWidth(Button.USE_PREF_SIZE);
        reportLine.setMaxWidth(420);
        bar = new HBox(8, status, reportLine, activity, progress, cancelButton, new TasksButton(executor).node());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        // one height whatever appears in it, so nothing above moves when a task starts
        bar.setMinHeight(HEIGHT);
        bar.setPrefHeight(HEIGHT);
        bar.setMaxHeight(HEIGHT);
    }

    /** A tooltip with the label's whole text, for when the label is cut off. */
    private static void withTooltip(Label label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
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
