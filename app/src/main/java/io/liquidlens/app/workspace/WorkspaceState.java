package io.liquidlens.app.workspace;

import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.ModelSummary;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.Intervention.ClampNeuron;
import io.liquidlens.sim.SynapseActivity;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the workspace swaps at once: built in the background from the state before, then applied whole, so
 * a failure leaves the very same objects in place. {@code warning} is a problem to report with a state that was
 * still applied (a model that opened without its rollout, in a dialog); {@code notice} is what the status bar says
 * about the open beside the state (a rollout set aside) with the pairs it offers instead.
 */
record WorkspaceState(LoadedModel model, ModelSummary summary, SynapseActivity synapses, Rollout rollout,
                      Path rolloutFile, Activity activity, String warning, List<ClampNeuron> clamps,
                      Activity unclamped, Notice notice) {

    /** A loaded model with what the workspace derives from it once. */
    record Loaded(LoadedModel model, ModelSummary summary, SynapseActivity synapses) {
        /** Loads the model folder (or its model.json) {@code folder}. */
        static Loaded of(Path folder) {
            LoadedModel loaded = LoadedModel.load(folder);
            return new Loaded(loaded, ModelSummary.of(loaded), SynapseActivity.of(loaded.network()));
        }
    }

    /** {@code m} alone, without a rollout. */
    static WorkspaceState of(Loaded m) {
        return new WorkspaceState(m.model(), m.summary(), m.synapses(), null, null, null, null, List.of(), null,
                Notice.NONE);
    }

    /** A new model or rollout drops every clamp: clamps name neurons of one model on one rollout. */
    WorkspaceState withModel(Loaded m, Activity a) {
        return new WorkspaceState(m.model(), m.summary(), m.synapses(), rollout, rolloutFile, a, null, List.of(), a,
                Notice.NONE);
    }

    /** This state with rollout {@code r} read from {@code file}, and the model's activity over it (or null). */
    WorkspaceState withRollout(Rollout r, Path file, Activity a) {
        return new WorkspaceState(model, summary, synapses, r, file, a, null, List.of(), a, Notice.NONE);
    }

    /** This state, with {@code message} to report once it is applied. */
    WorkspaceState withWarning(String message) {
        return new WorkspaceState(model, summary, synapses, rollout, rolloutFile, activity, message, clamps,
                unclamped, notice);
    }

    /** This state with {@code list} clamped and {@code a} the activity under them; the unclamped one stays. */
    WorkspaceState withClamps(List<ClampNeuron> list, Activity a) {
        return new WorkspaceState(model, summary, synapses, rollout, rolloutFile, a, null, list, unclamped,
                Notice.NONE);
    }

    /** This state, with {@code next} for the status bar once it is applied. */
    WorkspaceState withNotice(Notice next) {
        return new WorkspaceState(model, summary, synapses, rollout, rolloutFile, activity, warning, clamps,
                unclamped, next);
    }

    /** The same model, rollout, activity and clamps as {@code other}: applying it changes only what is said. */
    boolean sameAs(WorkspaceState other) {
        return model == other.model && rollout == other.rollout && activity == other.activity
                && clamps.equals(other.clamps) && unclamped == other.unclamped;
    }

    /** The status line for this state: the model, the rollout and whether it was simulated, what is clamped. */
    String describe() {
        // normalised: a folder given as app/../sample-models/... reads as where it is
        String m = model == null ? "No model loaded."
                : "Model: " + summary.name() + " (" + model.folder().toAbsolutePath().normalize() + ")";
        if (rollout == null) {
            return model == null ? m : m + "  |  No rollout (File > Open rollout...)";
        }
        return m + "  |  Rollout: " + rolloutFile.getFileName() + " (" + rollout.steps() + " steps"
                + (activity == null ? ", not simulated" : "") + ")"
                + (clamps.isEmpty() ? "" : "  |  " + NeuronClamps.describe(clamps, model));
    }
}
