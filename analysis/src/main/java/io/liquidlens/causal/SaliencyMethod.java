package io.liquidlens.causal;

import io.liquidlens.io.Rollout;

/**
 * A way to say which parts of one step's input an output at that step depends on. Every method looks at the
 * step-t input only; earlier steps stay at their recorded values (their effect arrives through the state,
 * which is held fixed). Maps have the frame's H x W for camera models (the colour channels of a pixel summed
 * as absolute values) and 1 x S for vector models.
 */
public interface SaliencyMethod {

    /** The map of output {@code output} at {@code step} of {@code rollout} with respect to that step's input. */
    default SaliencyMap map(SaliencyModel model, Rollout rollout, int step, int output) {
        return map(model.at(rollout, step), output);
    }

    /**
     * As {@link #map(SaliencyModel, Rollout, int, int)} on a prepared step, so that several methods share one
     * run of the steps before it.
     *
     * @throws IllegalArgumentException when {@code output} is not one of the model's outputs, or the method
     *                                  does not apply to the model (VisualBackProp on a vector model)
     */
    SaliencyMap map(SaliencyModel.Step step, int output);

    /** The check every method makes on the output index. */
    static void requireOutput(SaliencyModel.Step step, int output) {
        int m = step.model().outputSize();
        if (output < 0 || output >= m) {
            throw new IllegalArgumentException("output " + output + " is not one of the model's " + m
                    + " outputs (0.." + (m - 1) + ")");
        }
    }
}
