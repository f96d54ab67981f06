package io.liquidlens.causal;

import io.liquidlens.Limits;
import io.liquidlens.lanekeeping.CarSpec;
import io.liquidlens.lanekeeping.EpisodeOptions;

/**
 * How a causality report is measured.
 *
 * @param method          the saliency method
 * @param output          the explained output's index
 * @param frames          recorded frames measured per model and condition (spread evenly over the rollouts;
 *                        all of them when there are fewer); the NCP paper used about 200
 * @param overlays        frames per model and condition kept as overlay figures
 * @param episodes        closed-loop episodes per model and condition (0 = no closed loop)
 * @param episodeSteps    steps per closed-loop episode
 * @param seed            seed of every perturbation, of the closed-loop roads and of SmoothGrad's noise
 * @param interventions   whether to rank the decision neurons by clamping them
 */
public record AuditOptions(SaliencySpec method, int output, int frames, int overlays, int episodes,
                           int episodeSteps, long seed, boolean interventions) {

    /** Checks every count; a bad one gives a message naming the field, its range and the value. */
    public AuditOptions {
        if (method == null) {
            throw new IllegalArgumentException("method is required");
        }
        atLeast("output", output, 0);
        atLeast("frames", frames, 1);
        atLeast("overlays", overlays, 0);
        atLeast("episodes", episodes, 0);
        atLeast("episode steps", episodeSteps, 1);
        Limits.atMost("frames", frames, Limits.FRAMES);
        Limits.atMost("overlays", overlays, Limits.OVERLAYS);
        Limits.atMost("episodes", episodes, Limits.EPISODES);
        Limits.atMost("episode steps", episodeSteps, Limits.STEPS);
        if (episodeSteps > EpisodeOptions.maxSteps(CarSpec.defaults())) {
            throw new IllegalArgumentException(EpisodeOptions.tooLong("episode steps",
                    episodeSteps, "the default speed", CarSpec.defaults()));
        }
    }

    /** VisualBackProp, output 0, 200 frames, 2 overlays, 10 episodes of 500 steps, seed 0, interventions on. */
    public static AuditOptions defaults() {
        return new AuditOptions(SaliencySpec.of(SaliencyChoice.VBP), 0, 200, 2, 10, 500, 0, true);
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " must be >= " + min + ", got " + value);
        }
    }
}
