package io.liquidlens.app.graph;

import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ActivityScales;
import io.liquidlens.sim.SynapseActivity;

/**
 * The graph's levels at the time cursor: every vertex's fill from its state (each neuron against its own range
 * over the rollout) and every synapse's level from the current it carries. The drawing scales of a rollout are
 * computed once in the background; until they arrive, and whenever the activity does not fit the drawn wiring,
 * vertices are neutral and synapses idle.
 */
final class ActivityLevels {
    /** Synapse level drawn while there is no activity to show. */
    static final int IDLE_LINK_LEVEL = ActivityColors.SYNAPSE_LEVELS / 3;

    private final WorkspaceViewModel workspace;
    private final WiringGraph graph;
    private final LatestTask scaling;
    private final Runnable onStale;
    private ActivityScales scales;
    private Activity scalesActivity;
    private SynapseActivity scalesSynapses;
    private SynapseActivity shownSynapses;
    private float[] synapseBuffer = new float[0];

    /**
     * Levels of {@code workspace}'s activity on {@code graph}, scales computed through {@code executor};
     * {@code onStale} is told whenever the levels shown are no longer right (new scales, or none).
     */
    ActivityLevels(WorkspaceViewModel workspace, WiringGraph graph, TaskExecutor executor, Runnable onStale) {
        this.workspace = workspace;
        this.graph = graph;
        this.scaling = new LatestTask(executor);
        this.onStale = onStale;
    }

    /** Starts computing the drawing scales of the current activity (nothing is animated until they arrive). */
    void rescale() {
        scaling.cancel();
        scales = null;
        onStale.run();
        Activity activity = workspace.activityProperty().get();
        SynapseActivity synapses = workspace.synapsesProperty().get();
        if (activity == null || synapses == null) {
            return;
        }
        scaling.start("Scaling the activity for the wiring graph", progress -> ActivityScales.of(activity, synapses),
                done -> {
                    scales = done;
                    scalesActivity = activity;
                    scalesSynapses = synapses;
                    onStale.run();
                }, error -> scales = null);
    }

    /** The wiring was drawn anew: {@code synapses} are those of the drawn layout (null: nothing drawn). */
    void drawn(SynapseActivity synapses, int links) {
        shownSynapses = synapses;
        synapseBuffer = new float[links];
    }

    /** Sets every vertex's fill and every synapse's level from the activity at the cursor. */
    void apply() {
        WiringLayout layout = graph.layout();
        if (layout == null) {
            return;
        }
        Activity a = workspace.activityProperty().get();
        ActivityScales sc = scales;
        boolean live = a != null && sc != null && a == scalesActivity && shownSynapses == scalesSynapses
                && a.steps() > 0 && a.neurons() == layout.neurons() && a.features() == layout.inputs();
        if (!live) {
            for (int v = 0; v < layout.vertices().size(); v++) {
                graph.setVertexLevel(v, ActivityColors.NEUTRAL);
            }
            for (int k = 0; k < synapseBuffer.length; k++) {
                graph.setLinkLevel(k, IDLE_LINK_LEVEL);
            }
            return;
        }
        int t = Math.min(workspace.cursor().step(), a.steps() - 1);
        int inputs = layout.inputs();
        for (int s = 0; s < inputs; s++) {
            graph.setVertexLevel(s, ActivityColors.stateLevel(a.input(t, s), sc.inputMin(s), sc.inputMax(s)));
        }
        for (int id = 0; id < layout.neurons(); id++) {
            graph.setVertexLevel(inputs + id,
                    ActivityColors.stateLevel(a.state(t, id), sc.stateMin(id), sc.stateMax(id)));
        }
        shownSynapses.at(a, t, synapseBuffer);
        for (int k = 0; k < synapseBuffer.length; k++) {
            float scale = layout.links().get(k).sensory() ? sc.sensorySynapseScale() : sc.synapseScale();
            graph.setLinkLevel(k, ActivityColors.synapseLevel(synapseBuffer[k], scale));
        }
    }

    /** Stops computing scales; nothing arrives afterwards. */
    void cancel() {
        scaling.cancel();
    }
}
