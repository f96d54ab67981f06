package io.liquidlens.causal;

/**
 * Occlusion (Zeiler and Fergus 2014): a patch of the step's input is set to {@code fill} (every colour
 * channel of a frame's pixels), and each map cell gets the mean of |y_t - y_t(occluded)| over the patches
 * covering it. Vector inputs are a 1 x S strip, so a patch spans {@code patch} consecutive features.
 * Cells no patch reaches (when the stride skips them) stay 0.
 *
 * @param patch  side of the square patch (its width for vectors), at least 1
 * @param stride distance between patches, at least 1
 * @param fill   the value the patch is set to
 */
public record Occlusion(int patch, int stride, double fill) implements SaliencyMethod {
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
        double y = step.output(x, output);
        double[] sum = new double[h * w];
        int[] count = new int[h * w];
        double[] occluded = new double[x.length];
        for (int top = 0; top + ph <= h; top += stride) {
            for (int left = 0; left + pw <= w; left += stride) {
                System.arraycopy(x, 0, occluded, 0, x.length);
                for (int r = top; r < top + ph; r++) {
                    for (int q = left; q < left + pw; q++) {
                        for (int c = 0; c < channels; c++) {
                            occluded[(r * w + q) * channels + c] = fill;
                        }
                    }
                }
                double change = Math.abs(y - step.output(occluded, output));
                for (int r = top; r < top + ph; r++) {
                    for (int q = left; q < left + pw; q++) {
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
