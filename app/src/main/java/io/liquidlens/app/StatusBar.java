package io.liquidlens.app;

import io.liquidlens.app.task.FxTaskExecutor;
import io.liquidlens.app.workspace.Notice;
import io.liquidlens.app.workspace.Offer;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The bottom of the window: the status line, always one line high: what the workspace holds, the outcome of the
 * last report or drive (each with a tooltip holding the whole text when it is cut off), and, while background work
 * runs, the latest task's name and progress, a labelled Cancel and the list of every running task ({@link
 * TasksButton}); below it, only while there is one, what the last open said (a rollout set aside) with a link per
 * pair it offers. The offers are links, not a dialog, so nothing waits on them.
 */
final class StatusBar {
    /** The status line's height in pixels: a line of text, a progress bar or a button fit. */
    static final double HEIGHT = 30;
    /** The link of offer {@code i} has the id {@code OFFER_ID_PREFIX + i}. */
    static final String OFFER_ID_PREFIX = "offer-";
    static final String NOTICE_ID = "notice";

    private final Label reportLine = new Label();
    private final Label noticeLine = new Label();
    private final HBox offers = new HBox(4);
    private final HBox noticeRow = new HBox(8, noticeLine, offers);
    private final VBox bar;

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
        keepReadable(reportLine, 240);
        keepReadable(activity, 220);
        noticeLine.setId(NOTICE_ID);
        workspace.noticeProperty().addListener((obs, old, now) -> show(now, workspace));
        show(workspace.noticeProperty().get(), workspace);
        HBox line = new HBox(8, status, reportLine, activity, progress, cancelButton, new TasksButton(executor).node());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        line.setAlignment(Pos.CENTER_LEFT);
        // one height whatever appears in it, so nothing above moves when a task starts
        line.setMinHeight(HEIGHT);
        line.setPrefHeight(HEIGHT);
        line.setMaxHeight(HEIGHT);
        noticeRow.setAlignment(Pos.CENTER_LEFT);
        bar = new VBox(0, line, noticeRow);
        bar.setPadding(new Insets(0, 8, 2, 8));
    }

    /**
     * Keeps {@code label} whole up to {@code width} while it says something: what is running and what was done
     * give way last; the model and rollout line (with its tooltip) is cut first. They were cut to "Causality
     * report runnin..." and "Measuring 1 mod..." beside a long model path.
     */
    private static void keepReadable(Label label, double width) {
        label.minWidthProperty().bind(Bindings.createDoubleBinding(() -> label.getText() == null
                || label.getText().isEmpty() ? 0 : Math.min(width, label.prefWidth(-1)), label.textProperty()));
    }

    /** A tooltip with the label's whole text, for when the label is cut off. */
    private static void withTooltip(Label label) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(label.textProperty());
        label.setTooltip(tip);
    }

    private void show(Notice notice, WorkspaceViewModel workspace) {
        noticeLine.setText(notice.line());
        // a second row only while there is something to say, so the window does not lose a line for nothing
        noticeRow.setVisible(!notice.line().isEmpty());
        noticeRow.setManaged(!notice.line().isEmpty());
        offers.getChildren().clear();
        for (int i = 0; i < notice.offers().size(); i++) {
            Offer offer = notice.offers().get(i);
            Hyperlink link = new Hyperlink(offer.label());
            link.setId(OFFER_ID_PREFIX + i);
            link.setMnemonicParsing(false);
            // the line before gives way, never a link: an elided link would not say what it opens
            link.setMinWidth(Region.USE_PREF_SIZE);
            link.setTooltip(new Tooltip("Open " + offer.model() + " with " + offer.rollout()));
            link.setOnAction(e -> workspace.accept(offer));
            offers.getChildren().add(link);
        }
    }

    /** Shows {@code line} as the outcome of the last report or drive. */
    void say(String line) {
        reportLine.setText(line);
    }

    /** The bar, for the bottom of the window: the status line, and the notice with its offers below it. */
    Node node() {
        return bar;
    }
}
