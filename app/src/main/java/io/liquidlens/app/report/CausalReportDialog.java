package io.liquidlens.app.report;

import io.liquidlens.io.InputRole;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The "Causality report..." dialog: models (the loaded one and any others), rollouts, perturbations, episodes and
 * the out folder, bound to a {@link CausalReportViewModel}. "Run" starts the report; the dialog does not wait for it.
 */
public final class CausalReportDialog extends Dialog<ButtonType> {
    /** Ids of the fields, for tests. */
    public static final String PERTURBATIONS_ID = "report-perturbations";
    public static final String OUT_ID = "report-out";
    public static final String INPUT_ROLES_ID = "report-input-roles";
    /** The button that starts the report. */
    public static final ButtonType RUN = new ButtonType("Run", ButtonBar.ButtonData.OK_DONE);

    /** A dialog over {@code report}, owned by {@code owner} (may be null). */
    public CausalReportDialog(CausalReportViewModel report, Window owner) {
        setTitle("Causality report");
        setHeaderText("Saliency, output and closed-loop driving under perturbations (liquidlens report)");
        if (owner != null) {
            initOwner(owner);
        }
        ListView<Path> models = new ListView<>(report.models());
        models.setPrefHeight(90);
        Button addModel = new Button("Add model folder...");
        addModel.setOnAction(e -> chooseFolder("Add a model folder", null).ifPresent(report.models()::add));
        Button removeModel = new Button("Remove");
        removeModel.disableProperty().bind(models.getSelectionModel().selectedItemProperty().isNull());
        removeModel.setOnAction(e -> report.models().remove(models.getSelectionModel().getSelectedItem()));

        TextField rollouts = pathField(report.rolloutsProperty().get());
        rollouts.textProperty().addListener((obs, old, now) -> report.rolloutsProperty().set(toPath(now)));
        Button chooseRollouts = new Button("Choose...");
        chooseRollouts.setOnAction(e -> chooseFolder("Rollout folder", report.rolloutsProperty().get())
                .ifPresent(p -> rollouts.setText(p.toString())));

        TextField perturbations = new TextField();
        perturbations.setId(PERTURBATIONS_ID);
        perturbations.textProperty().bindBidirectional(report.perturbationsProperty());
        perturbations.setPromptText("e.g. noise=0.1,0.2;objects=2;shadows=0.5");

        Spinner<Integer> episodes = spinner(0, 1000, report.episodesProperty().get());
        report.episodesProperty().bind(episodes.valueProperty());
        Spinner<Integer> steps = spinner(1, 100_000, report.episodeStepsProperty().get());
        report.episodeStepsProperty().bind(steps.valueProperty());
        Spinner<Integer> frames = spinner(1, 100_000, report.framesProperty().get());
        report.framesProperty().bind(frames.valueProperty());
        CheckBox interventions = new CheckBox("rank decision neurons by clamping them");
        interventions.selectedProperty().bindBidirectional(report.interventionsProperty());

        TextField out = pathField(report.outProperty().get());
        out.setId(OUT_ID);
        out.textProperty().addListener((obs, old, now) -> report.outProperty().set(toPath(now)));
        Button chooseOut = new Button("Choose...");
        chooseOut.setOnAction(e -> chooseFolder("Report folder (replaced)", report.outProperty().get())
                .ifPresent(p -> out.setText(p.toString())));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        int row = 0;
        grid.addRow(row++, new Label("Models"), new VBox(4, models, new HBox(6, addModel, removeModel)));
        grid.addRow(row++, new Label("Rollouts"), grow(rollouts, chooseRollouts));
        grid.addRow(row++, new Label("Perturbations"), perturbations);
        grid.addRow(row++, new Label("Frames"), frames);
        grid.addRow(row++, new Label("Episodes per condition"), new HBox(6, episodes, new Label("of"), steps,
                new Label("steps")));
        grid.addRow(row++, new Label(""), interventions);
        grid.addRow(row++, new Label("Out folder"), grow(out, chooseOut));
        Label roles = new Label(rolesText(report.inputRolesProperty().get()));
        roles.setId(INPUT_ROLES_ID);
        roles.setWrapText(true);
        grid.addRow(row, new Label("Input roles"), roles);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(RUN, ButtonType.CANCEL);
        getDialogPane().lookupButton(RUN).disableProperty().bind(Bindings.isEmpty(report.models())
                .or(report.rolloutsProperty().isNull()).or(report.outProperty().isNull()));
        setResizable(true);
        // the counts stay in the view model for the next dialog, unbound from this one's spinners
        setOnHidden(e -> {
            report.episodesProperty().unbind();
            report.episodeStepsProperty().unbind();
            report.framesProperty().unbind();
        });
    }

    /** The roles the report sets on top of model.json's, as {@code --input-roles} would give them. */
    static String rolesText(Map<String, InputRole> roles) {
        if (roles == null || roles.isEmpty()) {
            return "as each model.json declares them (change them in the Saliency tab)";
        }
        StringJoiner j = new StringJoiner(",");
        roles.forEach((name, role) -> j.add(name + "=" + role.text()));
        return j + " (set in the Saliency tab, on top of model.json's)";
    }

    private static Node grow(TextField field, Button button) {
        HBox box = new HBox(6, field, button);
        HBox.setHgrow(field, Priority.ALWAYS);
        return box;
    }

    private static TextField pathField(Path initial) {
        TextField f = new TextField(initial == null ? "" : initial.toString());
        f.setPrefColumnCount(32);
        return f;
    }

    private static Spinner<Integer> spinner(int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, Math.max(min, Math.min(max, value)));
        s.setEditable(true);
        s.setPrefWidth(100);
        return s;
    }

    private static Path toPath(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.trim());
    }

    private java.util.Optional<Path> chooseFolder(String title, Path near) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (near != null) {
            File dir = near.toFile().isDirectory() ? near.toFile() : near.toAbsolutePath().getParent().toFile();
            if (dir.isDirectory()) {
                chooser.setInitialDirectory(dir);
            }
        }
        File f = chooser.showDialog(getOwner());
        return java.util.Optional.ofNullable(f).map(File::toPath);
    }
}
