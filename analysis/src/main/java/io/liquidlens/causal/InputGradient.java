package io.liquidlens.causal;

/** |d y_t / d x_t|: the exact gradient of the output with respect to the step's input, in absolute value. */
public record InputGradient() implements SaliencyMethod {
    @Override
    public SaliencyMap map(SaliencyModel.Step step, int output) {
        SaliencyMethod.requireOutput(step, output);
        return step.model().magnitudes(step.gradients(new double[][] {step.recorded()}, output)[0]);
    }
}
