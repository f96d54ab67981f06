package io.liquidlens.grad;

/**
 * A loss on the outputs of one step of one sample, with its slope. Used by
 * {@link SequenceGradient#lossAndGradient}; called from several threads at once, so implementations must
 * be stateless or thread-safe.
 */
@FunctionalInterface
public interface StepLoss {

    /**
     * Returns this step's loss and writes dLoss/dy into {@code dy[dyo .. dyo + M')}.
     *
     * @param sample index of the sample in the batch
     * @param step   index of the step in the sequence
     * @param y      the step's outputs (after the projection, if any) at {@code y[yo .. yo + M')}
     */
    double evaluate(int sample, int step, double[] y, int yo, double[] dy, int dyo);
}
