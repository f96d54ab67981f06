package io.liquidlens.app.workspace;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.ProgressWork;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.ModelSummary;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.Intervention.ClampNeuron;
import io.liquidlens.sim.SynapseActivity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The workbench's state: the loaded model, the loaded rollout, the model's activity over it, one time
 * cursor and the neuron selection, plus what the status line says.
 *
 * <p>Loading and simulating run as one {@link LatestTask} on the {@link TaskExecutor}: a newer open or clamp
 * cancels the one before. Everything a new model or rollout needs (reading, checking that the model fits the
 * rollout, simulating: {@link WorkspaceLoading}) happens in that background task, and only then are model,
 * rollout and activity swapped together ({@link WorkspaceState}). A file that cannot be read, a model that does not
 * fit the rollout, a failed or cancelled simulation: each leaves the previous state untouched (the very same
 * objects) and, except for a cancel, reports one line in {@link #lastErrorProperty()}.
 *
 * <p>Order of a swap, so listeners never see a new model with an old activity: {@code activity} becomes null,
 * the cursor is reset (when the rollout changed), then {@code synapses}, {@code model}, {@code summary},
 * {@code rollout}, {@code rolloutFile}, {@code clamps}, {@code unclampedActivity}, and {@code activity} last.
 * Views that need model and activity together listen to {@link #activityProperty()}.
 *
 * <p>Clamps ({@link #clamps()}) hold neurons at fixed values: the rollout is simulated again with them and the
 * activity is the clamped one; the unclamped one stays in {@link #unclampedActivityProperty()} for comparison.
 * Opening a model or a rollout drops every clamp.
 *
 * <p>A model opened over a rollout it cannot run on opens alone, the rollout set aside; a rollout the model cannot
 * run on is not opened. Either way {@link #noticeProperty()} says so and offers pairs that fit (sample and recent
 * rollouts for the model, recent and sample models for the rollout); {@link #accept(Offer)} opens one.
 */
public final class WorkspaceViewModel {
    /** The title of an error while opening a model or a rollout. */
    public static final String NOT_OPENED = "Not opened";
    private static final String NOTHING_LOADED = "No model loaded. File > Open...";

    private final RecentFiles recent;
    private final ReadOnlyObjectWrapper<LoadedModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(NOTHING_LOADED);
    private final ObjectProperty<String> lastError = new SimpleObjectProperty<>();
    /** What failed, as the title of the error the view shows for {@link #lastError} ("Not opened", ...). */
    private String lastErrorTitle = NOT_OPENED;
    private final ReadOnlyObjectWrapper<Rollout> rollout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> rolloutFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Activity> activity = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SynapseActivity> synapses = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<ClampNeuron>> clamps = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Activity> unclamped = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(Notice.NONE);
    private List<Path> sampleModels = List.of();
    private final TimeCursor cursor = new TimeCursor();
    private final NeuronSelection selection = new NeuronSelection();
    /** Every open and clamp: a newer one cancels the one before, whose late result is dropped. */
    private final LatestTask task;
    private final NeuronClamps neuronClamps = new NeuronClamps(this, this::simulateClamped);

    /** A workspace whose recent-files lists live only in memory. */
    public WorkspaceViewModel(TaskExecutor executor) {
        this(executor, RecentFiles.inMemory());
    }

    /** A workspace that records what it opens in {@code recent}. */
    public WorkspaceViewModel(TaskExecutor executor, RecentFiles recent) {
        this.task = new LatestTask(executor);
        this.recent = recent;
    }

    /**
     * Loads a model folder (or its model.json) in the background; with a rollout loaded, checks that the model
     * fits it and simulates it before anything is replaced.
     */
    public void openModel(Path folder) {
        WorkspaceState old = current();
        List<Path> recentRollouts = List.copyOf(recent.rollouts());
        start("Loading " + folder + " ...", "Loading model",
                sink -> WorkspaceLoading.model(old, folder, recentRollouts, sink),
                unlessExplained(folder + ": could not be loaded"));
    }

    /**
     * Reads a rollout ({@code .npz}, or a folder of them: its first episode in name order) in the background
     * and, with a model loaded, checks that it fits and simulates the model over it; the cursor then goes to
     * the first step.
     */
    public void openRollout(Path fileOrFolder) {
        WorkspaceState old = current();
        List<Path> candidates = new ArrayList<>(recent.models());
        candidates.addAll(sampleModels);
        start("Reading " + fileOrFolder + " ...", "Reading rollout",
                sink -> WorkspaceLoading.rollout(old, fileOrFolder, List.copyOf(candidates), sink),
                unlessExplained(fileOrFolder + ": could not be read"));
    }

    /**
     * Opens a model and a rollout together (start-up, command line): one task, one swap. A model that loads
     * but a rollout that cannot be read or does not fit still opens the model alone and reports the rollout's
     * problem. {@code rolloutFile} may be null.
     */
    public void open(Path modelFolder, Path rolloutFile) {
        if (rolloutFile == null) {
            openModel(modelFolder);
            return;
        }
        start("Loading " + modelFolder + " ...", "Loading model",
                sink -> WorkspaceLoading.both(modelFolder, rolloutFile, sink),
                unlessExplained(modelFolder + ": could not be loaded"));
    }

    /** Opens the model and the rollout {@code offer} pairs, as File > Open... does. */
    public void accept(Offer offer) {
        open(offer.model(), offer.rollout());
    }

    /** The shipped sample models, offered (after the recent ones) when a rollout does not fit the loaded model. */
    public void setSampleModels(List<Path> folders) {
        sampleModels = List.copyOf(folders);
    }

    /**
     * Opens what was dropped on the window: a folder holding {@code model.json} (or that file) as a model, an
     * {@code .npz} file or a folder of them as a rollout. Anything else is reported in one line.
     */
    public void openDropped(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path.resolve("model.json")) || name.equals("model.json")) {
            openModel(path);
        } else if (name.endsWith(".npz") || Files.isDirectory(path)) {
            openRollout(path);
        } else {
            fail(NOT_OPENED, path + ": neither a model folder (with model.json) nor a rollout (.npz)");
        }
    }

    /** The clamps: holding neurons at values, releasing them. */
    public NeuronClamps clamps() {
        return neuronClamps;
    }

    private void simulateClamped(List<ClampNeuron> next) {
        WorkspaceState old = current();
        if (old.model() == null || old.rollout() == null || old.unclamped() == null) {
            return;
        }
        if (next.isEmpty()) {
            apply(old.withClamps(List.of(), old.unclamped()));
            return;
        }
        List<ClampNeuron> wanted = List.copyOf(next);
        start("Simulating with " + NeuronClamps.describe(wanted, old.model()) + " ...", "Simulating with clamps",
                sink -> WorkspaceLoading.clamped(old, wanted, sink), error -> error instanceof LiquidLensException
                        ? error.getMessage() : "cannot clamp: " + error.getMessage());
    }

    /** Cancels whatever is loading or simulating; the current model, rollout and activity stay. */
    public void cancel() {
        task.cancel();
        status.set("Cancelled. " + describeCurrent());
    }

    /**
     * Shows {@code startMessage} and runs {@code work} as the one load or simulation of the workspace (a newer
     * one replaces it); its state is applied whole, or its failure explained in one line.
     */
    private void start(String startMessage, String title, ProgressWork<WorkspaceState> work,
                       Function<Throwable, String> explain) {
        status.set(startMessage);
        task.start(title, work, this::apply, error -> {
            fail(NOT_OPENED, LatestTask.oneLine(explain.apply(error)));
            status.set(describeCurrent());
        });
    }

    /** A failure's own message when it is one of ours (it names the file), else {@code what} and the failure. */
    private static Function<Throwable, String> unlessExplained(String what) {
        return error -> error instanceof LiquidLensException ? error.getMessage() : what + " (" + error + ")";
    }

    private void apply(WorkspaceState next) {
        if (next.sameAs(current())) {
            notice.set(next.notice());
            status.set(describeCurrent());
            return;
        }
        boolean newRollout = next.rollout() != rollout.get();
        boolean newModel = next.model() != model.get();
        activity.set(null);
        if (newRollout) {
            cursor.reset(next.rollout() == null ? 0 : next.rollout().steps());
        }
        if (newModel) {
            selection.clear();
        }
        synapses.set(next.synapses());
        model.set(next.model());
        summary.set(next.summary());
        rollout.set(next.rollout());
        rolloutFile.set(next.rolloutFile());
        clamps.set(next.clamps());
        unclamped.set(next.unclamped());
        activity.set(next.activity());
        if (newModel && next.model() != null) {
            recent.addModel(next.model().folder());
        }
        if (newRollout && next.rolloutFile() != null) {
            recent.addRollout(next.rolloutFile());
        }
        if ((newModel || newRollout) && next.model() != null && next.rolloutFile() != null) {
            recent.addPair(next.model().folder(), next.rolloutFile());
        }
        notice.set(next.notice());
        status.set(describeCurrent());
        if (next.warning() != null) {
            fail("Opened, with a warning", LatestTask.oneLine(next.warning()));
        }
    }

    private WorkspaceState current() {
        return new WorkspaceState(model.get(), summary.get(), synapses.get(), rollout.get(), rolloutFile.get(),
                activity.get(), null, clamps.get(), unclamped.get(), notice.get());
    }

    private String describeCurrent() {
        return current().describe();
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

    /** The recently opened models and rollouts (File > Recent). */
    public RecentFiles recent() {
        return recent;
    }

    /** The neurons held at fixed values in the shown activity, in the order clamped (empty: none). */
    public ReadOnlyObjectProperty<List<ClampNeuron>> clampsProperty() {
        return clamps.getReadOnlyProperty();
    }

    /** The model's activity over the rollout without any clamp (equal to the activity while nothing is clamped). */
    public ReadOnlyObjectProperty<Activity> unclampedActivityProperty() {
        return unclamped.getReadOnlyProperty();
    }

    /** What the last open said beside the state (a rollout set aside or not opened) and the pairs it offers. */
    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
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

    /** The title of the last error: what failed ("Not opened", "Invalid clamp value", ...). */
    public String lastErrorTitle() {
        return lastErrorTitle;
    }

    /** Reports {@code message} (one line) as the last error, titled {@code title}: what failed. */
    public void fail(String title, String message) {
        lastErrorTitle = title;
        lastError.set(message);
    }
}
