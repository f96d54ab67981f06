package io.liquidlens.causal;

import java.util.ArrayList;
import java.util.List;

/**
 * Occlusion (Zeiler and Fergus 2014): a patch of the step's input is set to {@code fill} (every colour
 * channel of a frame's pixels), and each map cell gets the mean of |y_t - y_t(occluded)| over the patches
 * covering it. Vector inputs are a 1 x S strip, so a patch spans {@code patch} consecutive features.
 * Cells no patch reaches (when the stride skips them) stay 0. The occluded inputs are evaluated together
 * ({@link SaliencyModel.Step#outputs}), so a camera model runs them through its head as batches of frames.
 *
 * @param patch  side of the square patch (its width for vectors), at least 1
 * @param stride distance between patches, at least 1
 * @param fill   the value the patch is set to
 */
public record Occlusion(int patch, int stride, double fill) implements SaliencyMethod {
    /** Occluded inputs made and evaluated at once: 64 camera frames hold under 5 MB in double precision. */
    private static final int CHUNK = 64;

    public Occlusion {
        if (patch < 1) {
            throw new IllegalArgumentException("occlusion needs patch >= 1, got " + patch);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("occlusion needs stride >= 1, got " + stride);
        }
        if (!Double.isFinite(fill)) {
            throw new IllegalArgumentException("occlusion needs a finite fill value, got " + fill);
        }
    }

    @Override
    public SaliencyMap map(SaliencyModel.Step step, int output) {
        SaliencyMethod.requireOutput(step, output);
        SaliencyModel model = step.model();
        int h = model.mapHeight();
        int w = model.mapWidth();
        int channels = model.stepSize() / (h * w);
        int ph = Math.min(patch, h); // a vector strip is one row high
        int pw = Math.min(patch, w);
        double[] x = step.recorded();
        List<int[]> corners = new ArrayList<>();
        for (int top = 0; top + ph <= h; top += stride) {
            for (int left = 0; left + pw <= w; left += stride) {
                corners.add(new int[] {top, left});
            }
        }
        // the unoccluded input goes through the same batched path as the occluded ones, so their rounding matches
        double y = step.outputs(new double[][] {x}, output)[0];
        double[] sum = new double[h * w];
        int[] count = new int[h * w];
        for (int from = 0; from < corners.size(); from += CHUNK) {
            List<int[]> chunk = corners.subList(from, Math.min(corners.size(), from + CHUNK));
            double[][] inputs = new double[chunk.size()][];
            for (int k = 0; k < chunk.size(); k++) {
                inputs[k] = x.clone();
                int[] corner = chunk.get(k);
                for (int r = corner[0]; r < corner[0] + ph; r++) {
                    for (int q = corner[1]; q < corner[1] + pw; q++) {
                        for (int c = 0; c < channels; c++) {
                            inputs[k][(r * w + q) * channels + c] = fill;
                        }
                    }
                }
            }
            double[] ys = step.outputs(inputs, output);
            for (int k = 0; k < chunk.size(); k++) {
                double change = Math.abs(y - ys[k]);
                int[] corner = chunk.get(k);
                for (int r = corner[0]; r < corner[0] + ph; r++) {
                    for (int q = corner[1]; q < corner[1] + pw; q++) {
                        sum[r * w + q] += change;
                        count[r * w + q]++;
                    }
                }
            }
        }
        for (int p = 0; p < sum.length; p++) {
            if (count[p] > 0) {
                sum[p] /= count[p];
            }
        }
        return new SaliencyMap(h, w, sum);
    }
}
