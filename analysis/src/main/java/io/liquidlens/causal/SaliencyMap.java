package io.liquidlens.causal;

import java.util.Arrays;

/**
 * A saliency map: one value per pixel of a frame, row by row. Immutable (the values are copied in and out).
 */
public final class SaliencyMap {
    private final int height;
    private final int width;
    private final double[] values;

    /**
     * @param values height * width values, row-major
     * @throws IllegalArgumentException when the sizes are not positive, the length does not match or a value
     *                                  is not finite
     */
    public SaliencyMap(int height, int width, double[] values) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("a saliency map must be at least 1x1, got " + height + "x" + width);
        }
        if (values.length != height * width) {
            throw new IllegalArgumentException("a " + height + "x" + width + " saliency map holds " + height * width
                    + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("saliency value " + values[i] + " at flat index " + i
                        + "; every value must be finite");
            }
        }
        this.height = height;
        this.width = width;
        this.values = values.clone();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** The value at row {@code y}, column {@code x}. */
    public double value(int y, int x) {
        return values[y * width + x];
    }

    /** A copy of the values, row-major. */
    public double[] values() {
        return values.clone();
    }

    /**
     * The map min-max scaled to [0, 1]; a constant map becomes all zeros (nothing stands out, and SSIM of two
     * such maps is then 1).
     */
    public SaliencyMap normalised() {
        return new SaliencyMap(height, width, minMax(values));
    }

    static double[] minMax(double[] v) {
        double lo = Arrays.stream(v).min().orElseThrow();
        double hi = Arrays.stream(v).max().orElseThrow();
        double[] out = new double[v.length];
        if (hi > lo) {
            for (int i = 0; i < v.length; i++) {
                out[i] = (v[i] - lo) / (hi - lo);
            }
        }
        return out;
    }

    /** Values only (equal maps have equal shape and values). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SaliencyMap m && m.height == height && m.width == width
                && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return height + "x" + width + " saliency map";
    }
}
