package io.liquidlens.app;

import io.liquidlens.app.report.CausalReportDialog;
import io.liquidlens.app.report.CausalReportViewModel;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.InputRole;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * "Causality report...": the dialog, filled with the loaded model and the loaded rollout's folder; "Run" starts
 * the report in the background. A failure is one status line; success offers to open index.html in the browser.
 */
final class CausalityReportAction {
    private final CausalReportViewModel report;
    private final WorkspaceViewModel workspace;
    private final Stage owner;
    private final Consumer<String> say;
    /** The input roles the Saliency tab changed for the session, passed on to the report. */
    private final Supplier<Map<String, InputRole>> roles;
    /** What is done with a written report's index.html: offered to open. Replaced in tests. */
    private Consumer<Path> opener;

    /**
     * Runs {@code report} on what {@code workspace} holds; dialogs belong to {@code owner}, {@code say} shows the
     * outcome, {@code browse} opens a URI in the browser and {@code roles} gives the input roles the session changed.
     */
    CausalityReportAction(CausalReportViewModel report, WorkspaceViewModel workspace, Stage owner,
                          Consumer<String> say, Consumer<String> browse, Supplier<Map<String, InputRole>> roles) {
        this.report = report;
        this.roles = roles;
        this.workspace = workspace;
        this.owner = owner;
        this.say = say;
        this.opener = index -> offerToOpen(index, browse);
        report.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                say.accept("Causality report: " + message);
                report.errorProperty().set(null);
            }
        });
        report.writtenProperty().addListener((obs, old, index) -> {
            if (index != null) {
                say.accept("Causality report written: " + index);
                opener.accept(index);
            }
        });
    }

    /** Opens the dialog; "Run" starts the report (progress and cancel in the status bar). */
    void open() {
        fill();
        CausalReportDialog dialog = new CausalReportDialog(report, owner);
        dialog.showAndWait().filter(b -> b == CausalReportDialog.RUN).ifPresent(b -> {
            say.accept("Causality report running ...");
            report.run();
        });
    }

    /** What the dialog opens with: the loaded model, the loaded rollout's folder and the session's input roles. */
    void fill() {
        if (workspace.modelProperty().get() != null && report.models().isEmpty()) {
            report.models().add(workspace.modelProperty().get().folder());
        }
        Path rollout = workspace.rolloutFileProperty().get();
        if (rollout != null && report.rolloutsProperty().get() == null) {
            report.rolloutsProperty().set(rollout.toAbsolutePath().getParent());
        }
        report.inputRolesProperty().set(roles.get());
    }

    /** Stops a running report and says so. */
    void cancel() {
        if (report.runningProperty().get()) {
            report.cancel();
            say.accept("Causality report cancelled");
        }
    }

    /** Replaces what happens with a written report (tests, where no dialog can open). */
    void setOpener(Consumer<Path> opener) {
        this.opener = opener;
    }

    /**
     * Says where the report is, with the path to copy, and offers the browser; the path stays in view because a
     * browser that is not set up opens nothing and says nothing.
     */
    private void offerToOpen(Path index, Consumer<String> browse) {
        Alert open = new Alert(Alert.AlertType.INFORMATION);
        open.setTitle("Causality report written");
        open.setHeaderText("Causality report written to " + index.getParent().getFileName());
        open.getDialogPane().setContent(HelpMenu.copyableLine(index.toAbsolutePath().toString()));
        ButtonType browser = new ButtonType("Open in browser");
        open.getButtonTypes().setAll(browser, ButtonType.CLOSE);
        open.initOwner(owner);
        open.showAndWait().filter(browser::equals).ifPresent(b -> browse.accept(index.toUri().toString()));
    }
}
