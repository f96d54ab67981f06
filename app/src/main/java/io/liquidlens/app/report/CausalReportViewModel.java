package io.liquidlens.app.report;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.causal.AuditOptions;
import io.liquidlens.causal.AuditRequest;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Conditions;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.io.InputRole;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.report.CausalReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the "Causality report..." dialog asks for and the task that writes the report: the same steps as
 * {@code liquidlens report} (its CLI twin, whose options these are), run in the background with the auditor's
 * progress and a cancel. On success {@link #writtenProperty()} holds the report's {@code index.html}; a failure is
 * one line in {@link #errorProperty()}.
 */
public final class CausalReportViewModel {
    private static final String COMMAND = "LiquidLens workbench report";
    private final LatestTask task;
    private final ObservableList<Path> models = FXCollections.observableArrayList();
    private final ObjectProperty<Path> rollouts = new SimpleObjectProperty<>();
    private final StringProperty perturbations = new SimpleStringProperty(Conditions.DEFAULT);
    private final IntegerProperty frames = new SimpleIntegerProperty(200);
    private final IntegerProperty episodes = new SimpleIntegerProperty(10);
    private final IntegerProperty episodeSteps = new SimpleIntegerProperty(500);
    private final BooleanProperty interventions = new SimpleBooleanProperty(true);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>();
    private final ObjectProperty<Map<String, InputRole>> inputRoles = new SimpleObjectProperty<>(Map.of());
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();

    /** A report view model running its task through {@code executor}. */
    public CausalReportViewModel(TaskExecutor executor) {
        this.task = new LatestTask(executor);
    }

    /**
     * Starts the report in the background (replacing one that runs); a bad field is reported in one line before
     * anything runs.
     */
    public void run() {
        Request request;
        try {
            request = request();
        } catch (IllegalArgumentException | LiquidLensException e) {
            error.set(LatestTask.oneLine(e.getMessage()));
            return;
        }
        written.set(null);
        error.set(null);
        task.start("Causality report", sink -> {
            sink.message("Reading models and rollouts");
            return write(request, sink);
        }, written::set, failure -> error.set(LatestTask.oneLine(failure instanceof LiquidLensException
                || failure instanceof IllegalArgumentException ? failure.getMessage()
                : "causality report failed: " + failure)));
    }

    /** Stops a running report; nothing is written (the writer replaces the out folder only at the end). */
    public void cancel() {
        task.cancel();
    }

    private record Request(List<Path> models, Path rollouts, String spec, AuditOptions options, Path out,
                           Map<String, InputRole> roles) {
    }

    private Request request() {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models: give at least one model folder");
        }
        if (rollouts.get() == null) {
            throw new IllegalArgumentException("rollouts: choose a rollout file or folder");
        }
        if (out.get() == null) {
            throw new IllegalArgumentException("out: choose the folder the report is written to");
        }
        String spec = perturbations.get() == null ? "" : perturbations.get().trim();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("perturbations: give at least one condition, e.g. " + Conditions.DEFAULT);
        }
        // checked here, so a bad count is reported before anything runs; the method is picked in the task
        AuditOptions options = new AuditOptions(SaliencySpec.of(SaliencyChoice.VBP), 0, frames.get(), 2, episodes.get(),
                episodeSteps.get(), seed.get(), interventions.get());
        Map<String, InputRole> roles = inputRoles.get() == null ? Map.of() : Map.copyOf(inputRoles.get());
        return new Request(List.copyOf(models), rollouts.get(), spec, options, out.get(), roles);
    }

    /** Loads, audits and writes as {@code liquidlens report} does; the report's {@code index.html}. */
    private static Path write(Request r, io.liquidlens.app.task.ProgressSink sink) {
        AuditOptions v = r.options();
        AuditOptions o = new AuditOptions(AuditRequest.defaultMethodFor(r.models()), v.output(),
                v.frames(), v.overlays(), v.episodes(), v.episodeSteps(), v.seed(), v.interventions());
        sink.message("Measuring " + r.models().size() + " model(s)");
        // the field's untouched default is the camera protocol; left as it is, each model kind gets its own default
        String spec = r.spec().equals(Conditions.DEFAULT) ? null : r.spec();
        AuditRequest request = new AuditRequest(r.models(), List.of(r.rollouts()), spec, List.of(), o, List.of(),
                r.roles());
        try (OutputClaim claim = request.claim(COMMAND, r.out())) {
            CausalAudit audit = request.run(COMMAND, sink);
            sink.checkCancelled();
            sink.message("Writing " + r.out());
            CausalReportWriter.write(audit, r.out());
        }
        return r.out().resolve("index.html");
    }

    /** The model folders, compared in this order (the loaded one first). */
    public ObservableList<Path> models() {
        return models;
    }

    /** The recorded rollouts: an .npz file or a folder of them (read whole). */
    public ObjectProperty<Path> rolloutsProperty() {
        return rollouts;
    }

    /** The conditions, as {@code --perturbations} takes them. */
    public StringProperty perturbationsProperty() {
        return perturbations;
    }

    /** Frames measured per model and condition. */
    public IntegerProperty framesProperty() {
        return frames;
    }

    /** Closed-loop episodes per model and condition (0: none). */
    public IntegerProperty episodesProperty() {
        return episodes;
    }

    /** Steps per closed-loop episode. */
    public IntegerProperty episodeStepsProperty() {
        return episodeSteps;
    }

    /** Whether the decision neurons are ranked by clamping them. */
    public BooleanProperty interventionsProperty() {
        return interventions;
    }

    /** The seed of every perturbation and closed-loop road. */
    public IntegerProperty seedProperty() {
        return seed;
    }

    /** The folder the report is written to (replaced). */
    public ObjectProperty<Path> outProperty() {
        return out;
    }

    /**
     * Vector models: input roles set on top of those each model.json declares, as {@code --input-roles} sets them
     * (the Saliency tab's changes); empty for none.
     */
    public ObjectProperty<Map<String, InputRole>> inputRolesProperty() {
        return inputRoles;
    }

    /** True while the report runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return task.runningProperty();
    }

    /** The written report's index.html, once a run succeeded. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** The last problem, one line (the window shows it in the status bar and clears it). */
    public ObjectProperty<String> errorProperty() {
        return error;
    }
}
