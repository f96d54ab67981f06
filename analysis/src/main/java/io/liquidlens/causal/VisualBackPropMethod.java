package io.liquidlens.causal;

/**
 * {@link VisualBackProp} as a {@link SaliencyMethod}: the mask of the step's frame through the float32 head.
 * It looks at the head only, so it is the same for every output and does not depend on earlier steps.
 */
public record VisualBackPropMethod() implements SaliencyMethod {
    @Override
    public SaliencyMap map(SaliencyModel.Step step, int output) {
        SaliencyMethod.requireOutput(step, output);
        var head = step.model().perceptionHead().orElseThrow(() -> new IllegalArgumentException(
                "VisualBackProp needs a camera model with a conv head; this model takes vectors of "
                        + step.model().stepSize() + " features"));
        double[] x = step.recorded();
        float[] frame = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            frame[i] = (float) x[i];
        }
        return new VisualBackProp(head).mask(frame);
    }
}
