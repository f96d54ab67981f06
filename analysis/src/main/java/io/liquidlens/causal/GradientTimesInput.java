package io.liquidlens.causal;

/**
 * |x_t * d y_t / d x_t|: the gradient weighted by the input, so that inputs at 0 get nothing (integrated
 * gradients from a zero baseline with a single, end-point sample).
 */
public record GradientTimesInput() implements SaliencyMethod {
    @Override
    public SaliencyMap map(SaliencyModel.Step step, int output) {
        SaliencyMethod.requireOutput(step, output);
        double[] x = step.recorded();
        double[] g = step.gradients(new double[][] {x}, output)[0];
        for (int i = 0; i < g.length; i++) {
            g[i] *= x[i];
        }
        return step.model().magnitudes(g);
    }
}
