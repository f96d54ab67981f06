package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import java.util.Arrays;

/** Shorter rollouts for quick tests: the first steps of a recorded one, every per-step array cut alike. */
public final class RolloutSlices {
    private RolloutSlices() {
    }

    /** The first {@code steps} steps of {@code r}; extras (such as the provenance) are kept whole. */
    public static Rollout head(Rollout r, int steps) {
        return new Rollout(cut(r.inputs(), steps), cut(r.timespans(), steps), cut(r.actions(), steps),
                cut(r.states(), steps), cut(r.world(), steps), r.worldNames(), cut(r.position(), steps),
                cut(r.labels(), steps), r.extras());
    }

    private static NdArray cut(NdArray a, int steps) {
        if (a == null) {
            return null;
        }
        int[] shape = a.shape().clone();
        int per = a.size() / shape[0];
        shape[0] = steps;
        if (a.dtype().isFloating()) {
            return NdArray.ofFloats(a.dtype(), shape, Arrays.copyOf(a.toFloatArray(), steps * per));
        }
        return NdArray.ofLongs(a.dtype(), shape, Arrays.copyOf(a.toLongArray(), steps * per));
    }
}
