package io.liquidlens.causal;

import io.liquidlens.io.Rollout;
import java.util.List;

/**
 * A saliency method's {@link SaliencyShare} at each chosen step of a labelled rollout: how much of the map of
 * the explained output falls on distractors and how much on the road.
 *
 * @param method the saliency method with its options (its record form)
 * @param output the explained output
 * @param steps  the steps measured, in the order given
 * @param shares one per step
 */
public record SaliencyShares(String method, int output, List<Integer> steps, List<SaliencyShare> shares) {

    public SaliencyShares {
        steps = List.copyOf(steps);
        shares = List.copyOf(shares);
    }

    /**
     * Measures {@code method} on {@code model} at {@code steps} of {@code rollout} (a recorded camera rollout,
     * or a {@link Perturbation.SampleWorld} one, whose labels mark the distractors it drew).
     *
     * @throws IllegalArgumentException when no step is given, a step or the output is outside the model or
     *                                  rollout, the rollout has no labels or the method does not apply
     */
    public static SaliencyShares measure(SaliencyModel model, Rollout rollout, SaliencyMethod method, int output,
                                         List<Integer> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("saliency shares need at least one step");
        }
        FrameLabels labels = null;
        SaliencyShare[] out = new SaliencyShare[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            int step = steps.get(k);
            if (step < 0 || step >= rollout.steps()) {
                throw new IllegalArgumentException("step " + step + " is not one of the rollout's " + rollout.steps()
                        + " steps (0.." + (rollout.steps() - 1) + ")");
            }
            SaliencyMap map = method.map(model, rollout, step, output);
            if (labels == null) {
                labels = FrameLabels.of(SaliencyShare.checkedLabels(rollout, map));
            }
            out[k] = SaliencyShare.of(map, labels, step);
        }
        return new SaliencyShares(method.toString(), output, steps, List.of(out));
    }

    /** The mean distractor share over the steps whose map had mass (NaN when none had). */
    public double meanDistractor() {
        return shares.stream().filter(SaliencyShare::defined).mapToDouble(SaliencyShare::distractor).average()
                .orElse(Double.NaN);
    }

    /** The mean task share over the steps whose map had mass (NaN when none had). */
    public double meanTask() {
        return shares.stream().filter(SaliencyShare::defined).mapToDouble(SaliencyShare::task).average()
                .orElse(Double.NaN);
    }
}
