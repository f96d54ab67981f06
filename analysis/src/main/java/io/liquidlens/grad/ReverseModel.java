package io.liquidlens.grad;

import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.NdArray;
import io.liquidlens.spec.ModelSpec;
import java.util.Map;

/**
 * What training needs of a model in reverse mode, whether its steps are feature vectors
 * ({@link SequenceGradient}) or image frames through a perception head ({@link FrameSequenceGradient}):
 * its parameters, the shape of one step's input, and the loss and gradient of a batch.
 */
public interface ReverseModel {

    /**
     * The reverse-mode model of a state dict: frames -> head -> cells when {@code head} is given (the dict
     * then holds the head's tensors too; the head trains in float32, {@link FrameSequenceGradient#forTraining}),
     * otherwise the cells alone.
     *
     * @throws IllegalArgumentException naming the offending tensor
     */
    static ReverseModel fromStateDict(ModelSpec spec, HeadSpec head, Map<String, NdArray> stateDict) {
        return head == null ? SequenceGradient.fromStateDict(spec, stateDict)
                : FrameSequenceGradient.forTraining(spec, head, stateDict);
    }

    /** Every parameter (an optimizer updates the values in place, then calls {@link #prepare()}). */
    ParamSet params();

    /** Re-derives cached values after the parameter values changed. Not thread-safe. */
    void prepare();

    /** The shape of one step's input: (S) for feature vectors, (H, W, C) for image frames. */
    int[] stepShape();

    /** Outputs per step M' (after the projection, if any). */
    int outputSize();

    /**
     * Forward over a batch of (sub)sequences, a loss on every step's outputs, and the gradient of the total
     * loss (the sum over samples and steps) with respect to every parameter, added to {@code grad}. Samples
     * run in parallel in fixed chunks summed in order, so the result does not depend on the number of cores.
     *
     * @param inputs    (B, L, ...stepShape), batch-first
     * @param timespans (B, L) or (B, L, 1), or null for 1
     * @param hx0       (B, N) or null for zeros
     * @param loss      the per-step loss and its slope (thread-safe)
     * @param grad      gradient vector of {@link #params()}'s layout, accumulated into
     * @return the total loss
     * @throws IllegalArgumentException for shapes that do not fit or non-finite values
     */
    double lossAndGradient(NdArray inputs, NdArray timespans, NdArray hx0, StepLoss loss, double[] grad);
}
