package io.liquidlens.app.input;

import io.liquidlens.io.ByteFrames;

/**
 * Turns a rollout's camera frames and label maps into ARGB pixels (no JavaFX, so it can be checked alone).
 * Frame values live in [0, 1]; anything outside is clipped, and each channel becomes the 8-bit level
 * {@link ByteFrames} stores, so a frame read from an 8-bit rollout shows exactly the recorded colours.
 */
public final class FramePixels {
    /** Label classes the lane-keeping world writes (FORMATS.md "labels"). */
    public static final String[] CLASS_NAMES = {"background", "road", "lane marking", "distractor"};

    /** Overlay colour of each class: semi-transparent so the frame stays visible underneath. */
    private static final int[] CLASS_COLOURS = {
        argb(90, 40, 90, 220),   // background: blue
        argb(100, 60, 200, 60),  // road: green
        argb(170, 255, 230, 0),  // lane marking: yellow
        argb(170, 230, 30, 30),  // distractor: red
    };
    private static final int OTHER_CLASS = argb(150, 230, 0, 230);

    private FramePixels() {
    }

    /** Packs alpha, red, green and blue (each 0..255) into one ARGB int. */
    public static int argb(int a, int r, int g, int b) {
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** The overlay colour of label class {@code cls} (classes beyond the known four share magenta). */
    public static int classColour(int cls) {
        return cls >= 0 && cls < CLASS_COLOURS.length ? CLASS_COLOURS[cls] : OTHER_CLASS;
    }

    /**
     * Writes frame {@code t} of {@code frames} ((T, H, W, C) floats, row-major) into {@code out} (H * W opaque
     * ARGB pixels). One channel is drawn grey; with two or more than three channels the first three (or the
     * first two and zero) are taken as red, green, blue.
     */
    public static void frame(float[] frames, int t, int height, int width, int channels, int[] out) {
        int pixels = height * width;
        int base = t * pixels * channels;
        for (int p = 0; p < pixels; p++) {
            int at = base + p * channels;
            int r = ByteFrames.level(frames[at]);
            int g = channels > 1 ? ByteFrames.level(frames[at + 1]) : r;
            int b = channels > 2 ? ByteFrames.level(frames[at + 2]) : channels == 1 ? r : 0;
            out[p] = argb(255, r, g, b);
        }
    }

    /** Writes label map {@code t} of {@code labels} ((T, H, W) classes) into {@code out} as overlay colours. */
    public static void labels(byte[] labels, int t, int height, int width, int[] out) {
        int pixels = height * width;
        int base = t * pixels;
        for (int p = 0; p < pixels; p++) {
            out[p] = classColour(labels[base + p] & 0xff);
        }
    }

    /** Premultiplies ARGB {@code pixels} in place (each colour channel scaled by alpha), as JavaFX stores them. */
    public static void premultiply(int[] pixels) {
        for (int i = 0; i < pixels.length; i++) {
            int v = pixels[i];
            int a = v >>> 24;
            if (a == 255) {
                continue;
            }
            int r = ((v >> 16) & 0xff) * a / 255;
            int g = ((v >> 8) & 0xff) * a / 255;
            int b = (v & 0xff) * a / 255;
            pixels[i] = argb(a, r, g, b);
        }
    }

    /**
     * Enlarges {@code src} ({@code width} x {@code height} pixels) {@code k} times by repeating every pixel as a
     * k x k block into {@code dst} ((width k) x (height k) pixels). Done here rather than by the renderer,
     * because not every JavaFX pipeline honours "no smoothing" (the software one blends regardless).
     */
    public static void enlarge(int[] src, int width, int height, int k, int[] dst) {
        int wide = width * k;
        for (int y = 0; y < height; y++) {
            int row = y * k * wide;
            for (int x = 0; x < width; x++) {
                int v = src[y * width + x];
                int at = row + x * k;
                for (int i = 0; i < k; i++) {
                    dst[at + i] = v;
                }
            }
            for (int r = 1; r < k; r++) {
                System.arraycopy(dst, row, dst, row + r * wide, wide);
            }
        }
    }
}
