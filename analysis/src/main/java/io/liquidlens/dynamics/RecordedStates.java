package io.liquidlens.dynamics;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.Activity;
import java.util.Optional;

/**
 * A rollout's recorded {@code states} set against the model's own. The dynamics always use the states the model
 * computes, because the recorded ones belong to whichever model drove the rollout (several models are compared on
 * the same rollouts); but when the rollout was recorded by this very model the two must agree, and a user who
 * compares a PyTorch recording with LiquidLens should hear when they do not.
 */
final class RecordedStates {
    /** The largest difference still read as the same states: float32 rounding over a long rollout stays far below. */
    static final double TOLERANCE = 1e-4;

    private RecordedStates() {
    }

    /** Where one rollout's recorded states differ most from the model's own. */
    record Mismatch(String label, double worst, int step) {
    }

    /**
     * The largest difference when {@code labelled}'s recorded states have the model's shape and differ from
     * {@code simulated} by more than {@link #TOLERANCE}; nothing when they agree, have another shape (another
     * model's) or are absent.
     */
    static Optional<Mismatch> compare(LiquidModel model, LabelledRollout labelled, Activity simulated) {
        NdArray recorded = labelled.rollout().states();
        int n = model.stateSize();
        if (recorded == null || recorded.rank() != 2 || recorded.dim(0) != simulated.steps() || recorded.dim(1) != n) {
            return Optional.empty();
        }
        float[] values = recorded.toFloatArray();
        int[] ids = model.stateNeuronIds();
        double worst = 0;
        int worstStep = 0;
        for (int t = 0; t < simulated.steps(); t++) {
            for (int p = 0; p < n; p++) {
                // recorded in the model's state order, as record writes them; the activity by wiring id
                double d = Math.abs((double) values[t * n + p] - simulated.state(t, ids[p]));
                if (!(d <= worst)) {
                    worst = d;
                    worstStep = t;
                }
            }
        }
        if (worst <= TOLERANCE) {
            return Optional.empty();
        }
        return Optional.of(new Mismatch(labelled.label(), worst, worstStep));
    }

    /** One note for all the rollouts whose recorded states are not this model's, so many rollouts give one line. */
    static Optional<String> note(java.util.List<Mismatch> mismatches, int rollouts) {
        if (mismatches.isEmpty()) {
            return Optional.empty();
        }
        Mismatch worst = mismatches.stream().max(java.util.Comparator.comparingDouble(Mismatch::worst)).orElseThrow();
        String which = mismatches.size() == 1 ? worst.label() + ": its recorded states differ"
                : mismatches.size() + " of " + rollouts + " rollouts' recorded states differ";
        return Optional.of(String.format(java.util.Locale.ROOT, "%s from this model's by up to %.3g (%sstep %d);"
                + " recorded by another model or another version of it, so the dynamics use this model's own states",
                which, worst.worst(), mismatches.size() == 1 ? "" : worst.label() + ", ", worst.step()));
    }
}
