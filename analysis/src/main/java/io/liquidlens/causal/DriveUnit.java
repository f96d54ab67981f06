package io.liquidlens.causal;

import java.io.Serializable;

/**
 * One work unit of a report's closed loop: model {@code model} driving {@code episodes} held-out episodes under
 * condition {@code condition}, with the model read from the file its plan names, so that it can run in any
 * process. Each episode is seeded on its own from the plan's seed, so the result is the in-process run's.
 */
record DriveUnit(FramePlan plan, int model, int condition, int episodes, int steps) implements Serializable {
    private static final long serialVersionUID = 1L;

    ClosedLoopResult drive() {
        FrameWorkspace w = FrameWorkspace.of(plan);
        return ClosedLoop.drive(w.model(model), w.conditions().get(condition), episodes, steps, plan.seed());
    }
}
