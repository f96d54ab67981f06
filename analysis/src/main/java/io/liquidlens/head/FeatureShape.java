package io.liquidlens.head;

import io.liquidlens.Limits;

/**
 * The shape of what flows between two layers: a (C, H, W) feature map in torch's channels-first order,
 * or a flat vector of {@code channels} features (then height = width = 1).
 *
 * @param channels channels of a map, or the length of a flat vector
 * @param height   rows of a map (1 when flat)
 * @param width    columns of a map (1 when flat)
 * @param spatial  true for a (C, H, W) map, false for a flat vector
 */
public record FeatureShape(int channels, int height, int width, boolean spatial) {

    /** Checks that every dimension is positive and that a flat vector has height and width 1. */
    public FeatureShape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("feature shape " + channels + "x" + height + "x" + width
                    + " must be positive");
        }
        values(channels, height, width);
        if (!spatial && (height != 1 || width != 1)) {
            throw new IllegalArgumentException("a flat feature vector has height and width 1");
        }
    }

    /**
     * {@code channels * height * width} counted in long, so a huge layer is named as such instead of
     * wrapping around to a negative size.
     *
     * @throws IllegalArgumentException when the product is over {@link Limits#FRAME_VALUES}
     */
    public static int values(int channels, int height, int width) {
        long values = (long) channels * height * width;
        if (values > Limits.FRAME_VALUES) {
            throw new IllegalArgumentException("a " + channels + "x" + height + "x" + width + " feature map holds "
                    + values + " values, over the limit of " + Limits.FRAME_VALUES + " per frame"
                    + " (docs/FORMATS.md#limits)");
        }
        return (int) values;
    }

    /** A (C, H, W) feature map. */
    public static FeatureShape spatial(int channels, int height, int width) {
        return new FeatureShape(channels, height, width, true);
    }

    /** A flat vector of {@code n} features. */
    public static FeatureShape flat(int n) {
        return new FeatureShape(n, 1, 1, false);
    }

    /** Number of values. */
    public int size() {
        return channels * height * width;
    }

    /** Values per channel of a map (H x W). */
    public int plane() {
        return height * width;
    }

    @Override
    public String toString() {
        return spatial ? channels + "x" + height + "x" + width + " map" : size() + " features";
    }
}
