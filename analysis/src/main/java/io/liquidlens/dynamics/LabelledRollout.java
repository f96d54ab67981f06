package io.liquidlens.dynamics;

import io.liquidlens.io.Rollout;
import java.util.Objects;

/**
 * A rollout with the name the user knows it by (its file name), which results and figures show.
 *
 * @param label   e.g. {@code episode-0003.npz}
 * @param rollout the rollout
 */
public record LabelledRollout(String label, Rollout rollout) {

    public LabelledRollout {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(rollout, "rollout");
    }
}
