package io.liquidlens.causal;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything measured for one model under one condition.
 *
 * @param condition  the condition
 * @param frames     open-loop measures on the recorded frames
 * @param closedLoop closed-loop driving under the condition, or null when not driven (no sample world
 *                   sensor for the model, or closed loop switched off)
 */
public record ConditionResult(Condition condition, FrameMetrics frames, ClosedLoopResult closedLoop) {

    public ConditionResult {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(frames, "frames");
    }

    /** The closed-loop result, when there is one. */
    public Optional<ClosedLoopResult> drive() {
        return Optional.ofNullable(closedLoop);
    }
}
