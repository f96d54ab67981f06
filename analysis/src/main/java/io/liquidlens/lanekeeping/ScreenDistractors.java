package io.liquidlens.lanekeeping;

import io.liquidlens.LiquidLensException;

/**
 * The distractors drawn in screen space (occlusion patches, brightness, pixel noise), as a pure function of
 * a frame and a seed. The camera applies them to every frame it renders with the seed
 * {@link #frameSeed(long, long) frameSeed(distractors.seed(), frame)}; analyses apply them to frames that
 * were recorded clean (for example the same noise for every model in a robustness test).
 *
 * <p>Order: occlusion patches (labelled 3), then brightness (clamped to [0, 1], as a camera saturates), then
 * noise (clipped only if {@link Distractors#clip()}). Each effect draws from its own stream derived from
 * the seed, so switching one effect on or off never changes the values another one draws.
 */
public final class ScreenDistractors {
    private static final long OCCLUSION = 1;
    private static final long BRIGHTNESS = 2;
    private static final long NOISE = 3;

    private ScreenDistractors() {
    }

    /** The seed of frame number {@code frame} of a run whose distractors have seed {@code seed}. */
    public static long frameSeed(long seed, long frame) {
        return Hashing.derive(Hashing.mix(seed), frame);
    }

    /**
     * Applies the screen-space distractors of {@code distractors} (its objects and shadows are ignored: they
     * live in the world) to one frame in place.
     *
     * @param distractors which effects, how strong (its own seed is not used)
     * @param seed        the seed of this frame; the same seed gives the same result
     * @param image       frames, channels last, values normally in [0, 1]
     * @param imageOffset index of the frame's first value in {@code image}
     * @param labels      label maps, or {@code null} to leave labels alone; occluded pixels become 3
     * @param labelOffset index of the frame's first label in {@code labels}
     * @param height      rows
     * @param width       columns
     * @param channels    values per pixel (1 or 3; with 3 the patch colours are RGB)
     */
    public static void apply(Distractors distractors, long seed, float[] image, int imageOffset, byte[] labels,
                             int labelOffset, int height, int width, int channels) {
        if (height <= 0 || width <= 0 || channels <= 0 || imageOffset < 0
                || imageOffset + (long) height * width * channels > image.length) {
            throw new LiquidLensException("distractors: a " + height + " x " + width + " x " + channels
                    + " frame at " + imageOffset + " does not fit an image buffer of " + image.length + " values");
        }
        if (labels != null && (labelOffset < 0 || labelOffset + (long) height * width > labels.length)) {
            throw new LiquidLensException("distractors: a " + height + " x " + width + " label map at " + labelOffset
                    + " does not fit a label buffer of " + labels.length);
        }
        apply(distractors, seed, image, imageOffset, labels, labelOffset, height, width, channels,
                new Hashing.Stream(0));
    }

    static void apply(Distractors distractors, long seed, float[] image, int imageOffset, byte[] labels,
                      int labelOffset, int height, int width, int channels, Hashing.Stream stream) {
        int size = height * width * channels;
        if (distractors.occlusion() > 0) {
            stream.reset(Hashing.derive(seed, OCCLUSION));
            for (int k = 0; k < distractors.occlusion(); k++) {
                occlude(stream, image, imageOffset, labels, labelOffset, height, width, channels);
            }
        }
        if (distractors.brightness() > 0) {
            stream.reset(Hashing.derive(seed, BRIGHTNESS));
            double a = distractors.brightness();
            float gain = (float) stream.uniform(1 - a, 1 + a);
            float offset = (float) stream.uniform(-a / 4, a / 4);
            for (int i = imageOffset; i < imageOffset + size; i++) {
                image[i] = Math.min(1f, Math.max(0f, gain * image[i] + offset));
            }
        }
        if (distractors.noise() > 0) {
            stream.reset(Hashing.derive(seed, NOISE));
            double sigma = Math.sqrt(distractors.noise());
            boolean clip = distractors.clip();
            for (int i = imageOffset; i < imageOffset + size; i++) {
                float v = (float) (image[i] + sigma * stream.nextGaussian());
                image[i] = clip ? Math.min(1f, Math.max(0f, v)) : v;
            }
        }
    }

    private static void occlude(Hashing.Stream stream, float[] image, int imageOffset, byte[] labels,
                                int labelOffset, int height, int width, int channels) {
        int w = Math.max(1, (int) Math.round(width * stream.uniform(0.08, 0.30)));
        int h = Math.max(1, (int) Math.round(height * stream.uniform(0.15, 0.45)));
        int col0 = (int) (stream.nextDouble() * (width - w + 1));
        int row0 = (int) (stream.nextDouble() * (height - h + 1));
        float r = (float) stream.nextDouble();
        float g = (float) stream.nextDouble();
        float b = (float) stream.nextDouble();
        float grey = Palette.luma(r, g, b);
        for (int row = row0; row < row0 + h; row++) {
            for (int col = col0; col < col0 + w; col++) {
                int p = row * width + col;
                int i = imageOffset + p * channels;
                if (channels == 3) {
                    image[i] = r;
                    image[i + 1] = g;
                    image[i + 2] = b;
                } else {
                    for (int c = 0; c < channels; c++) {
                        image[i + c] = grey;
                    }
                }
                if (labels != null) {
                    labels[labelOffset + p] = Labels.DISTRACTOR;
                }
            }
        }
    }
}
