package io.liquidlens.app;

import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.PairFit;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * File &gt; Open...: a model folder and a rollout in one dialog, each typed or browsed for. OK stays disabled until
 * a background check has found that the model runs on the rollout, and one line says why not meanwhile. OK opens
 * the two together. The dialog does not block the window behind it.
 */
final class OpenPairDialog {
    static final String MODEL_FIELD_ID = "open-model-path";
    static final String ROLLOUT_FIELD_ID = "open-rollout-path";
    static final String REASON_ID = "open-reason";
    /** A check starts once typing has paused this long, not on every key: each check loads a model. */
    private static final Duration TYPING_PAUSE = Duration.millis(250);

    private final WorkspaceViewModel workspace;
    private final FileDialogs files;
    private final LatestTask check;
    private final Window owner;

    /** The dialog over {@code workspace}, checking pairs on {@code executor}, owned by {@code owner}. */
    OpenPairDialog(WorkspaceViewModel workspace, FileDialogs files, TaskExecutor executor, Window owner) {
        this.workspace = workspace;
        this.files = files;
        this.check = new LatestTask(executor);
        this.owner = owner;
    }

    /** Shows a new dialog filled with the workspace's model and rollout; returns at once. */
    void show() {
        TextField model = field(MODEL_FIELD_ID, workspace.modelProperty().get() == null ? null
                : workspace.modelProperty().get().folder());
        TextField rollout = field(ROLLOUT_FIELD_ID, workspace.rolloutFileProperty().get());
        Label reason = new Label();
        reason.setId(REASON_ID);
        reason.setWrapText(true);
        reason.setMaxWidth(560);
        Button browseModel = new Button("Browse...");
        browseModel.setOnAction(e -> files.folder("Open a model folder (model.json + weights)",
                workspace.recent().models()).ifPresent(p -> model.setText(p.toString())));
        Button browseRollout = new Button("Browse...");
        browseRollout.setOnAction(e -> files.rollout(workspace.recent().rollouts())
                .ifPresent(p -> rollout.setText(p.toString())));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Model folder"), model, browseModel);
        grid.addRow(1, new Label("Rollout (.npz)"), rollout, browseRollout);
        grid.add(reason, 0, 2, 3, 1);
        GridPane.setHgrow(model, Priority.ALWAYS);
        GridPane.setHgrow(rollout, Priority.ALWAYS);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open a model and a rollout");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> validate(model.getText(), rollout.getText(), ok, reason));
        Runnable edited = () -> {
            ok.setDisable(true);
            check.cancel();
            reason.setText("Checking that the model runs on the rollout ...");
            typing.playFromStart();
        };
        model.textProperty().addListener((obs, old, now) -> edited.run());
        rollout.textProperty().addListener((obs, old, now) -> edited.run());
        validate(model.getText(), rollout.getText(), ok, reason);
        dialog.setOnHidden(e -> {
            typing.stop();
            check.cancel();
        });
        dialog.resultProperty().addListener((obs, old, result) -> {
            if (result == ButtonType.OK) {
                workspace.open(Path.of(model.getText().strip()), Path.of(rollout.getText().strip()));
            }
        });
        dialog.show();
    }

    private void validate(String modelText, String rolloutText, Button ok, Label reason) {
        ok.setDisable(true);
        check.cancel();
        if (modelText.isBlank() || rolloutText.isBlank()) {
            reason.setText("Choose a model folder (with model.json) and a rollout (.npz or a folder of them).");
            return;
        }
        Optional<Path> model = path(modelText);
        Optional<Path> rollout = path(rolloutText);
        if (model.isEmpty() || rollout.isEmpty()) {
            reason.setText((model.isEmpty() ? modelText : rolloutText).strip() + " is not a path.");
            return;
        }
        reason.setText("Checking that the model runs on the rollout ...");
        check.start("Checking the pair", sink -> PairFit.problem(model.get(), rollout.get()), problem -> {
            reason.setText(problem.orElse("The model runs on this rollout."));
            ok.setDisable(problem.isPresent());
        }, error -> reason.setText(LatestTask.oneLine("cannot check the pair: " + error.getMessage())));
    }

    /** The path typed, or nothing when it is not a path. */
    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static TextField field(String id, Path initial) {
        TextField f = new TextField(initial == null ? "" : initial.toString());
        f.setId(id);
        f.setPrefColumnCount(40);
        return f;
    }
}
