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
 * still applied (a model that opened without its rollout).
 */
record WorkspaceState(LoadedModel model, ModelSummary summary, SynapseActivity synapses, Rollout rollout,
                      Path rolloutFile, Activity activity, String warning, List<ClampNeuron> clamps,
                      Activity unclamped) {

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
        return new WorkspaceState(m.model(), m.summary(), m.synapses(), null, null, null, null, List.of(), null);
    }

    /** A new model or rollout drops every clamp: clamps name neurons of one model on one rollout. */
    WorkspaceState withModel(Loaded m, Activity a) {
        return new WorkspaceState(m.model(), m.summary(), m.synapses(), rollout, rolloutFile, a, null, List.of(), a);
    }

    /** This state with rollout {@code r} read from {@code file}, and the model's activity over it (or null). */
    WorkspaceState withRollout(Rollout r, Path file, Activity a) {
        return new WorkspaceState(model, summary, synapses, r, file, a, null, List.of(), a);
    }

    /** This state, with {@code message} to report once it is applied. */
    WorkspaceState withWarning(String message) {
        return new WorkspaceState(model, summary, synapses, rollout, rolloutFile, activity, message, clamps,
                unclamped);
    }

    /** This state with {@code list} clamped and {@code a} the activity under them; the unclamped one stays. */
    WorkspaceState withClamps(List<ClampNeuron> list, Activity a) {
        return new WorkspaceState(model, summary, synapses, rollout, rolloutFile, a, null, list, unclamped);
    }

    /** The status line for this state: the model, the rollout and whether it was simulated, what is clamped. */
    String describe() {
        String m = model == null ? "No model loaded." : "Model: " + summary.name() + " (" + model.folder() + ")";
        if (rollout == null) {
            return m;
        }
        return m + "  |  Rollout: " + rolloutFile.getFileName() + " (" + rollout.steps() + " steps"
                + (activity == null ? ", not simulated" : "") + ")"
                + (clamps.isEmpty() ? "" : "  |  " + NeuronClamps.describe(clamps, model));
    }
}
