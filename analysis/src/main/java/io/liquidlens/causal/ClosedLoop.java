package io.liquidlens.causal;

import io.liquidlens.lanekeeping.Episode;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.Episodes;
import io.liquidlens.lanekeeping.EvaluationResult;
import io.liquidlens.lanekeeping.ModelDriver;
import io.liquidlens.lanekeeping.Sensors;
import io.liquidlens.model.LoadedModel;

/**
 * The closed-loop stress test (docs/ANALYSES.md#closed-loop-stress-test, NCP paper Fig. 4a): a camera model drives
 * held-out roads of the sample world while the camera adds a condition's distractors, and its crashes are counted.
 * Every model driven with the same seed meets the same roads, starts and distractors.
 */
public final class ClosedLoop {

    private ClosedLoop() {
    }

    /**
     * Drives {@code episodes} held-out episodes of {@code steps} steps from {@code seed} under {@code condition},
     * on every core.
     *
     * @throws io.liquidlens.LiquidLensException naming the model when it does not take camera frames
     */
    public static ClosedLoopResult drive(LoadedModel model, Condition condition, int episodes, int steps, long seed) {
        return drive(model, condition, episodes, steps, seed, () -> { });
    }

    /** As {@link #drive(LoadedModel, Condition, int, int, long)}, calling {@code afterEach} as each episode ends. */
    public static ClosedLoopResult drive(LoadedModel model, Condition condition, int episodes, int steps, long seed,
                                         Runnable afterEach) {
        EpisodeOptions options = EpisodeOptions.defaults(steps);
        // checked once here, so a model that cannot drive fails before any thread starts
        ModelDriver.of(model, Sensors.camera(condition.distractors()));
        EvaluationResult r = Episodes.evaluate(() -> new Episode(options, Sensors.camera(condition.distractors())),
                () -> ModelDriver.of(model, Sensors.camera(condition.distractors())), seed, episodes, afterEach);
        return new ClosedLoopResult(episodes, steps, seed, r.crashes(), r.meanAbsD(), r.maxAbsD());
    }
}
