package io.liquidlens.causal;

import java.io.Serializable;
import java.util.List;

/**
 * What a {@link FrameUnit} measured: one model under one condition on a run of consecutive report frames, or why
 * it could not. Plain arrays, so that it travels between processes bit for bit.
 *
 * @param values        the frames' measures, one row per {@link FrameMeasure} component in its order
 * @param overlays      the overlay frames that fell in the block (camera models)
 * @param failedRollout the rollout a condition could not be applied to, or -1
 * @param failure       why the block could not be measured (bad input, the same every time), or null
 */
record FrameBlock(double[][] values, List<Overlay> overlays, int failedRollout, String failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int SERIES = 7;

    static FrameBlock failed(int rollout, String why) {
        return new FrameBlock(new double[SERIES][0], List.of(), rollout, why);
    }

    /**
     * One overlay frame: its index among the report's frames, the clean and perturbed maps (row-major, {@code
     * height x width}) and the perturbed frame (H, W, C).
     */
    record Overlay(int frame, int height, int width, double[] cleanMap, int[] shape, float[] perturbedFrame,
                   double[] map) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
