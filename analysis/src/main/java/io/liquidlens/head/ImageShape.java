package io.liquidlens.head;

/**
 * The shape of one image frame as rollouts hold it: (height, width, channels), channels last.
 *
 * @param height   rows
 * @param width    columns
 * @param channels colour channels (3 for RGB, 1 for grey)
 */
public record ImageShape(int height, int width, int channels) {

    /** Checks that every dimension is positive. */
    public ImageShape {
        if (height < 1 || width < 1 || channels < 1) {
            throw new IllegalArgumentException("image shape [" + height + ", " + width + ", " + channels
                    + "] must be positive in every dimension");
        }
        FeatureShape.values(channels, height, width);
    }

    /** Number of values in one frame. */
    public int size() {
        return height * width * channels;
    }

    /** The same frame in torch's channels-first layout. */
    public FeatureShape asFeatures() {
        return FeatureShape.spatial(channels, height, width);
    }

    /** The shape as [H, W, C], as in {@code inputs.shape} of {@code model.json}. */
    public int[] toArray() {
        return new int[] {height, width, channels};
    }

    @Override
    public String toString() {
        return "[" + height + ", " + width + ", " + channels + "]";
    }
}
