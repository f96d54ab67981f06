package io.liquidlens.app;

import io.liquidlens.app.task.FxTaskExecutor;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "2 tasks" in the status bar while work runs in the background: a click lists every running task with its full
 * name, latest message, progress, the time left at its pace so far, and its own labelled Cancel.
 */
final class TasksButton {
    /** Node id of the button, and style class of each listed task's row (tests). */
    static final String ID = "tasks-button";
    static final String ROW_CLASS = "task-row";

    private final FxTaskExecutor executor;
    private final Button button = new Button();
    private final ContextMenu list = new ContextMenu();

    TasksButton(FxTaskExecutor executor) {
        this.executor = executor;
        button.setId(ID);
        button.setFocusTraversable(false);
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.textProperty().bind(Bindings.size(executor.running()).asString("%d running \u25be"));
        button.visibleProperty().bind(Bindings.isNotEmpty(executor.running()));
        button.managedProperty().bind(button.visibleProperty());
        button.setTooltip(new Tooltip("Background work: names, progress, time left, Cancel"));
        button.setOnAction(e -> {
            fill();
            list.show(button, javafx.geometry.Side.TOP, 0, 0);
        });
        executor.running().addListener((ListChangeListener<FxTaskExecutor.Running>) c -> {
            if (list.isShowing()) {
                fill();
                if (executor.running().isEmpty()) {
                    list.hide();
                }
            }
        });
    }

    Button node() {
        return button;
    }

    /** The list of tasks (tests). */
    ContextMenu list() {
        return list;
    }

    /** One row per running task. */
    private void fill() {
        list.getItems().clear();
        for (FxTaskExecutor.Running r : executor.running()) {
            Label title = new Label(r.title());
            title.setStyle("-fx-font-weight: bold;");
            Label message = new Label();
            message.textProperty().bind(r.messageProperty());
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(160);
            bar.progressProperty().bind(r.progressProperty());
            Label left = new Label(timeLeft(r));
            r.progressProperty().addListener((o, a, b) -> left.setText(timeLeft(r)));
            Button cancel = new Button("Cancel");
            cancel.setMinWidth(Button.USE_PREF_SIZE);
            cancel.setOnAction(e -> r.cancel());
            HBox line = new HBox(8, bar, left, cancel);
            line.setAlignment(Pos.CENTER_LEFT);
            VBox row = new VBox(2, title, message, line);
            row.getStyleClass().add(ROW_CLASS);
            CustomMenuItem item = new CustomMenuItem(row, false);
            list.getItems().add(item);
        }
    }

    private static String timeLeft(FxTaskExecutor.Running r) {
        double s = r.secondsLeft(System.nanoTime());
        if (Double.isNaN(s)) {
            return "time left: estimating";
        }
        return s < 90 ? String.format(Locale.ROOT, "about %.0f s left", Math.max(1, s))
                : String.format(Locale.ROOT, "about %.0f min left", s / 60);
    }
}
