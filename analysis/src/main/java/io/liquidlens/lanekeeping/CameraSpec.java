package io.liquidlens.lanekeeping;

import io.liquidlens.LiquidLensException;

/**
 * What the car's camera sees with: image size and colour, where it is mounted and how it looks at the road.
 * A pinhole camera with square pixels, mounted above the car's reference point and looking along the
 * car's heading, pitched down.
 *
 * <p>The default is 32 x 96 RGB ({@code channels = 3}). Colour is kept because it is what separates the
 * scene's classes cheaply: green grass, grey asphalt, white markings and the saturated colours of the
 * roadside objects. In grey several distractors would have the same intensity as the road or the grass,
 * so a network could not tell them apart from a single pixel, and the saliency analyses would measure the
 * renderer's palette rather than the network's attention. RGB also matches the NCP paper's camera input
 * and the head shape the benchmarks use (32 x 96 x 3). Grey ({@code channels = 1}, Rec. 601 luma) is
 * available for smaller, faster models.
 *
 * @param height      image rows (8 to 1024)
 * @param width       image columns (8 to 4096)
 * @param channels    3 for RGB or 1 for grey; frames are channels last, values in [0, 1]
 * @param mountHeight height of the lens above the road surface, metres (over 0, at most 100)
 * @param pitch       downward tilt of the optical axis, radians (0 to 1.2); with the defaults the horizon
 *                    lies about 9 rows below the top of the image
 * @param fieldOfView horizontal field of view, radians (0.17 to 2.62, about 10 to 150 degrees)
 */
public record CameraSpec(int height, int width, int channels, double mountHeight, double pitch,
                         double fieldOfView) {

    /** Validates every field; a bad one gives a one-line message naming it, its range and the value. */
    public CameraSpec {
        check(height >= 8 && height <= 1024, "height", "an integer in [8, 1024]", height);
        check(width >= 8 && width <= 4096, "width", "an integer in [8, 4096]", width);
        check(channels == 1 || channels == 3, "channels", "1 (grey) or 3 (RGB)", channels);
        check(mountHeight > 0 && mountHeight <= 100, "mountHeight", "in (0, 100] metres", mountHeight);
        check(pitch >= 0 && pitch <= 1.2, "pitch", "in [0, 1.2] radians", pitch);
        check(fieldOfView >= 0.17 && fieldOfView <= 2.62, "fieldOfView", "in [0.17, 2.62] radians",
                fieldOfView);
    }

    /**
     * 32 x 96 RGB, lens 1.4 m above the road, pitched down 6 degrees, 60 degrees wide: the horizon near row 7
     * and the ground from about 4.7 m ahead (bottom row) to the haze, with the rows spread so that the
     * road 10 to 40 m ahead, where bends show, gets a third of the ground rows.
     */
    public static CameraSpec defaults() {
        return new CameraSpec(32, 96, 3, 1.4, Math.toRadians(6), Math.toRadians(60));
    }

    /** The same camera with another image size. */
    public CameraSpec withSize(int newHeight, int newWidth) {
        return new CameraSpec(newHeight, newWidth, channels, mountHeight, pitch, fieldOfView);
    }

    /** The same camera with another number of channels (1 or 3). */
    public CameraSpec withChannels(int newChannels) {
        return new CameraSpec(height, width, newChannels, mountHeight, pitch, fieldOfView);
    }

    /** Values in one frame: height * width * channels. */
    public int imageSize() {
        return height * width * channels;
    }

    /** Pixels in one frame: height * width (the size of the label map). */
    public int pixels() {
        return height * width;
    }

    /** Focal length in pixels: half the width over the tangent of half the field of view. */
    public double focalLength() {
        return 0.5 * width / Math.tan(0.5 * fieldOfView);
    }

    /**
     * The image row (fractional, 0 at the top edge) where a flat road meets the sky: the vanishing point of
     * lines along the viewing direction.
     */
    public double horizonRow() {
        return 0.5 * height - focalLength() * Math.tan(pitch);
    }

    private static void check(boolean ok, String field, String range, Object value) {
        if (!ok) {
            throw new LiquidLensException("camera: '" + field + "' must be " + range + ", got " + value);
        }
    }
}
