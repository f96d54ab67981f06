package io.liquidlens.app.dynamics;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.dynamics.Dynamics;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.LabelledRollout;
import io.liquidlens.dynamics.NeuronDynamics;
import io.liquidlens.dynamics.RolloutDynamics;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activity;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.SetChangeListener;

/**
 * The Dynamics panel's state: the dynamics of the workspace's model over its rollout (as {@code liquidlens
 * dynamics} computes them, with the default options, from the workspace's own activity: {@link
 * Dynamics#analyseSimulated}), computed as one {@link LatestTask} once per (model, rollout), and what the panels draw from it: the series that colours the map and the scatter of a neuron
 * against the output. Both follow the selection: the neuron clicked last (else the lowest selected id), or PC1 when
 * none is selected.
 *
 * <p>The analysis reads the activity without clamps: the dynamics are the model's own, so holding a neuron does
 * not recompute them. While the panel is not {@linkplain #activeProperty() active} (its tab hidden) nothing is
 * computed; it computes when shown.
 */
public final class DynamicsPanelViewModel {
    private static final String NOTHING = "Open a model and a rollout to see what the neurons do over time.";
    /** The output the scatter and the steering classes read (the lane-keeping models steer with one). */
    private static final int OUTPUT = 0;
    /** What the map and scatter show when no neuron is selected. */
    static final String NO_NEURON = "PC1 (none selected)";

    /** The analysis the panel runs; tests put a stand-in here. */
    interface Analysis {
        DynamicsResult run(LoadedModel model, String modelLabel, Rollout rollout, String rolloutLabel,
                           Activity activity, ProgressSink sink);
    }

    /**
     * {@code liquidlens dynamics} on one rollout with the default options, from the workspace's activity (the model
     * is not run over the rollout again; only the sensitivity's noisy copies are simulated).
     */
    static final Analysis DYNAMICS = (model, modelLabel, rollout, rolloutLabel, activity, sink) ->
            Dynamics.analyseSimulated(model.network(), modelLabel, List.of(new LabelledRollout(rolloutLabel, rollout)),
                    List.of(activity), DynamicsOptions.defaults(), sink);

    private final WorkspaceViewModel workspace;
    private final Analysis analysis;
    private final LatestTask task;
    private final BooleanProperty active = new SimpleBooleanProperty(true);
    private final ObjectProperty<MapColour> mapColour = new SimpleObjectProperty<>(MapColour.STATE);
    private final ReadOnlyObjectWrapper<DynamicsResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ColourSeries> colours = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ScatterSeries> scatter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper mapMissing = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(NOTHING);
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    /** The model and rollout the result (or the running task) is for; null after a cancel. */
    private LoadedModel forModel;
    private Rollout forRollout;
    /** The steering classes of the result's steps (null without a result or an output). */
    private ScatterSeries.Steering steering;

    /** A panel over {@code workspace}'s model and rollout; the analysis runs on {@code executor}. */
    public DynamicsPanelViewModel(WorkspaceViewModel workspace, TaskExecutor executor) {
        this(workspace, executor, DYNAMICS);
    }

    DynamicsPanelViewModel(WorkspaceViewModel workspace, TaskExecutor executor, Analysis analysis) {
        this.workspace = workspace;
        this.analysis = analysis;
        this.task = new LatestTask(executor);
        workspace.activityProperty().addListener((obs, old, now) -> inputsChanged());
        active.addListener((obs, old, now) -> inputsChanged());
        workspace.selection().selected().addListener((SetChangeListener<Integer>) change -> recolour());
        workspace.selection().focusedProperty().addListener((obs, old, now) -> recolour());
        mapColour.addListener((obs, old, now) -> recolour());
        inputsChanged();
    }

    /** The activity changed: a new model or rollout drops the result and, while shown, computes the new one. */
    private void inputsChanged() {
        LoadedModel m = workspace.modelProperty().get();
        Rollout r = workspace.rolloutProperty().get();
        if (m != forModel || r != forRollout) {
            task.cancel();
            forModel = null;
            forRollout = null;
            result.set(null);
            error.set(null);
            recolour();
            status.set(NOTHING);
        }
        if (active.get() && forModel == null && m != null && r != null
                && workspace.activityProperty().get() != null) {
            compute();
        }
    }

    /** Computes the dynamics of the workspace's model over its rollout (again, after a cancel). */
    public void compute() {
        LoadedModel m = workspace.modelProperty().get();
        Rollout r = workspace.rolloutProperty().get();
        if (m == null || r == null || workspace.activityProperty().get() == null) {
            status.set(NOTHING);
            return;
        }
        Activity own = workspace.unclampedActivityProperty().get();
        Activity activity = own != null ? own : workspace.activityProperty().get();
        String modelLabel = label(m.folder(), "model");
        String rolloutLabel = label(workspace.rolloutFileProperty().get(), "rollout");
        forModel = m;
        forRollout = r;
        result.set(null);
        error.set(null);
        recolour();
        status.set("computing... (PCA of " + modelLabel + " over " + rolloutLabel + ", then its sensitivity)");
        task.start("Dynamics of " + modelLabel + " on " + rolloutLabel,
                sink -> computed(analysis.run(m, modelLabel, r, rolloutLabel, activity, sink)), done -> {
                    steering = done.steering();
                    result.set(done.result());
                    status.set(describe(done.result()));
                    recolour();
                }, failure -> {
                    forModel = null;
                    forRollout = null;
                    error.set(LatestTask.oneLine(failure instanceof LiquidLensException
                            || failure instanceof IllegalArgumentException ? failure.getMessage()
                            : failure.toString()));
                    status.set("Not computed: " + error.get());
                });
    }

    /**
     * The result and its steering classes, on the worker thread: the classes depend on the output only, so a new
     * selection does not sort a long rollout's outputs again on the JavaFX thread.
     */
    private static Computed computed(DynamicsResult d) {
        Activity a = d.rollouts().get(0).activity();
        return new Computed(d, a.outputs() <= OUTPUT || a.steps() == 0 ? null
                : ScatterSeries.Steering.of(a.outputSeries(OUTPUT)));
    }

    /** What the task hands back. */
    private record Computed(DynamicsResult result, ScatterSeries.Steering steering) {
    }

    /** Stops the computation, if one runs; {@link #compute()} starts it again. */
    public void cancel() {
        if (task.runningProperty().get()) {
            task.cancel();
            forModel = null;
            forRollout = null;
            status.set("Cancelled. Compute (or open another rollout) to compute again.");
        }
    }

    /** The map's colours, the scatter and the map's missing-columns line, from the result and the selection. */
    private void recolour() {
        DynamicsResult d = result.get();
        if (d == null || d.rollouts().isEmpty()) {
            colours.set(null);
            scatter.set(null);
            mapMissing.set(null);
            return;
        }
        RolloutDynamics r = d.rollouts().get(0);
        Activity a = r.activity();
        Integer neuron = shownNeuron(a.neurons());
        String name = neuron == null ? null : neuronName(d, neuron);
        MapColour source = neuron == null ? MapColour.PC1 : mapColour.get();
        colours.set(switch (source) {
            case STATE -> ColourSeries.of("state of " + name, a.stateSeries(neuron));
            case TAU -> ColourSeries.of("tau of " + name, a.tauSeries(neuron));
            case PC1 -> ColourSeries.of(mapColour.get() == MapColour.PC1 ? "PC1" : NO_NEURON,
                    r.pc1());
        });
        scatter.set(steering == null ? null : ScatterSeries.of(neuron == null ? NO_NEURON : "state of " + name,
                neuron == null ? r.pc1() : a.stateSeries(neuron), a.outputSeries(OUTPUT), steering));
        mapMissing.set(r.hasMap() ? null : missingColumns(r));
    }

    /** The neuron the map and the scatter show: the one clicked last, else the lowest selected id, else null. */
    private Integer shownNeuron(int neurons) {
        Integer focused = workspace.selection().focusedProperty().get();
        if (focused != null && focused >= 0 && focused < neurons
                && workspace.selection().selected().contains(focused)) {
            return focused;
        }
        return workspace.selection().selected().stream().filter(i -> i >= 0 && i < neurons).min(Integer::compare)
                .orElse(null);
    }

    private static String neuronName(DynamicsResult d, int neuron) {
        // the short label (C3), as the graph draws it: the names go on small axes and titles
        return d.neurons().stream().filter(n -> n.neuron() == neuron).map(NeuronDynamics::label).findFirst()
                .orElse("neuron " + neuron);
    }

    /** The one line the map shows instead of the drive when the rollout does not record where the agent was. */
    static String missingColumns(RolloutDynamics r) {
        String missing = r.x() == null && r.y() == null ? "columns x, y" : r.x() == null ? "column x" : "column y";
        return r.label() + " has no world " + missing + ", so its drive cannot be drawn on the map";
    }

    /** The line under the panels: PC1's share first, as the NCP paper reports it. */
    static String describe(DynamicsResult d) {
        int columns = d.pca().neurons().length;
        int steps = d.pca().samples();
        String sensitivity = Double.isNaN(d.sensitivity().max()) ? ""
                : String.format(Locale.ROOT, " · sensitivity to input noise: max %.3g, median %.3g",
                d.sensitivity().max(), d.sensitivity().median());
        return String.format(Locale.ROOT, "PC1 explains %.1f%% of the variance of %d neurons (%s)"
                        + " over %d steps%s", 100 * d.pca().pc1Share(), columns, d.pcaColumns(), steps, sensitivity);
    }

    private static String label(Path path, String otherwise) {
        return path == null || path.getFileName() == null ? otherwise : path.getFileName().toString();
    }

    /** True while the panel is shown; nothing is computed while it is not. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** What colours the map when a neuron is selected (PC1 when none is). */
    public ObjectProperty<MapColour> mapColourProperty() {
        return mapColour;
    }

    /** The dynamics of the workspace's model over its rollout, or null until computed. */
    public ReadOnlyObjectProperty<DynamicsResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The series that colours the map, or null without a result. */
    public ReadOnlyObjectProperty<ColourSeries> coloursProperty() {
        return colours.getReadOnlyProperty();
    }

    /** The neuron (or PC1) against the output, or null without a result or without an output. */
    public ReadOnlyObjectProperty<ScatterSeries> scatterProperty() {
        return scatter.getReadOnlyProperty();
    }

    /** Why the map cannot be drawn (the world columns the rollout lacks), one line, or null when it can. */
    public ReadOnlyStringProperty mapMissingProperty() {
        return mapMissing.getReadOnlyProperty();
    }

    /** True while the dynamics are being computed. */
    public ReadOnlyBooleanProperty computingProperty() {
        return task.runningProperty();
    }

    /** What the panel shows or is doing, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last problem, one line, or null. */
    public ObjectProperty<String> errorProperty() {
        return error;
    }

    /** The workspace the panel follows (its cursor moves the markers). */
    public WorkspaceViewModel workspace() {
        return workspace;
    }
}
