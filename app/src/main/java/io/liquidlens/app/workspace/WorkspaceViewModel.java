package io.liquidlens.app.workspace;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.ModelSummary;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.sim.SynapseActivity;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The workbench's state: the loaded model and what the status line says. Loading runs through the
 * {@link TaskExecutor}; a model that fails to load leaves the previous one in place and reports one line.
 */
public final class WorkspaceViewModel {
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No model loaded. File > Open model...");
    private final ObjectProperty<String> lastError = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Rollout> rollout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> rolloutFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Activity> activity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SynapseActivity> synapses = new ReadOnlyObjectWrapper<>();
    private final TimeCursor cursor = new TimeCursor();
    private final NeuronSelection selection = new NeuronSelection();
    private BackgroundTask running = BackgroundTask.DONE;

    public WorkspaceViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Loads a model folder (or its model.json) in the background. */
    public void openModel(Path folder) {
        running.cancel();
        status.set("Loading " + folder + " ...");
        running = executor.execute("Loading model", () -> {
            LoadedModel loaded = LoadedModel.load(folder);
            return new Loaded(loaded, ModelSummary.of(loaded));
        }, done -> {
            model.set(done.model());
            summary.set(done.summary());
            activity.set(null);
            synapses.set(SynapseActivity.of(done.model().network()));
            selection.clear();
            status.set(describeCurrent());
            if (rollout.get() != null) {
                simulate();
            }
        }, error -> {
            String message = error instanceof LiquidLensException ? error.getMessage()
                    : folder + ": could not be loaded (" + error + ")";
            lastError.set(message);
            status.set(describeCurrent());
        });
    }

    /**
     * Reads a rollout ({@code .npz}) in the background and, with a model loaded, simulates the model over it;
     * the cursor goes to the first step. A rollout that cannot be read leaves the current one in place.
     */
    public void openRollout(Path file) {
        running.cancel();
        status.set("Reading " + file + " ...");
        running = executor.execute("Reading rollout", () -> Rollouts.read(file), done -> {
            rollout.set(done);
            rolloutFile.set(file);
            activity.set(null);
            cursor.reset(done.steps());
            status.set(describeCurrent());
            if (model.get() != null) {
                simulate();
            }
        }, error -> {
            String message = error instanceof LiquidLensException ? error.getMessage()
                    : file + ": could not be read (" + error + ")";
            lastError.set(message);
            status.set(describeCurrent());
        });
    }

    /** Runs the loaded model over the loaded rollout in the background; the result is {@link #activityProperty()}. */
    private void simulate() {
        LoadedModel m = model.get();
        Rollout r = rollout.get();
        status.set("Simulating " + rolloutFile.get().getFileName() + " ...");
        running = executor.execute("Simulating", () -> Activities.simulate(m.network(), r, ProgressListener.NONE),
                done -> {
                    if (m == model.get() && r == rollout.get()) {
                        activity.set(done);
                        cursor.reset(done.steps());
                        status.set(describeCurrent());
                    }
                }, error -> {
                    lastError.set(rolloutFile.get() + ": " + m.folder() + " cannot run on it: "
                            + (error.getMessage() == null ? error.toString() : error.getMessage()));
                    status.set(describeCurrent());
                });
    }

    /** Cancels whatever is loading; the current model stays. */
    public void cancel() {
        running.cancel();
        running = BackgroundTask.DONE;
        status.set(describeCurrent());
    }

    private String describeCurrent() {
        String m = model.get() == null ? "No model loaded." : "Model: " + summary.get().name() + " (" + model.get().folder() + ")";
        if (rollout.get() == null) {
            return m;
        }
        return m + "  |  Rollout: " + rolloutFile.get().getFileName() + " (" + rollout.get().steps() + " steps"
                + (activity.get() == null ? ", not simulated" : "") + ")";
    }

    public ReadOnlyObjectProperty<LoadedModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The loaded rollout, or null. */
    public ReadOnlyObjectProperty<Rollout> rolloutProperty() {
        return rollout.getReadOnlyProperty();
    }

    /** The file the rollout came from, or null. */
    public ReadOnlyObjectProperty<Path> rolloutFileProperty() {
        return rolloutFile.getReadOnlyProperty();
    }

    /** The model's activity over the rollout (null until both are loaded and simulated). */
    public ReadOnlyObjectProperty<Activity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** The loaded model's synapses and how to compute their activity at a step (null without a model). */
    public ReadOnlyObjectProperty<SynapseActivity> synapsesProperty() {
        return synapses.getReadOnlyProperty();
    }

    /** The time cursor every view follows. */
    public TimeCursor cursor() {
        return cursor;
    }

    /** The neurons selected in any view. */
    public NeuronSelection selection() {
        return selection;
    }

    public ReadOnlyObjectProperty<ModelSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error, one line; the view shows it and clears it. */
    public ObjectProperty<String> lastErrorProperty() {
        return lastError;
    }

    private record Loaded(LoadedModel model, ModelSummary summary) {
    }
}
