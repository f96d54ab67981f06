package io.liquidlens.app.saliency;

import io.liquidlens.app.input.FramePixels;
import io.liquidlens.causal.SaliencyMap;

/**
 * Turns a saliency map into ARGB pixels (no JavaFX, so it can be checked alone): a blue-cyan-green-yellow-red
 * colour map of the min-max normalised map ({@link SaliencyMap#normalised()}), laid over the camera frame with an
 * opacity that grows with the value, so the road stays visible where the model does not look.
 */
public final class SaliencyPixels {
    /** Colour map stops from 0 to 1, equally spaced. */
    private static final int[][] STOPS = {{0, 0, 200}, {0, 200, 230}, {40, 210, 40}, {250, 230, 0}, {230, 20, 20}};
    /** Opacity of the colours over the frame at value 0 and at value 1. */
    private static final double LEAST = 0.15;
    private static final double MOST = 0.8;

    private SaliencyPixels() {
    }

    /** The opaque colour of value {@code v} (clipped to [0, 1]). */
    public static int colour(double v) {
        double x = Math.max(0, Math.min(1, v)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) x);
        double f = x - i;
        int[] a = STOPS[i];
        int[] b = STOPS[i + 1];
        return FramePixels.argb(255, mix(a[0], b[0], f), mix(a[1], b[1], f), mix(a[2], b[2], f));
    }

    /**
     * Lays {@code map} (H x W, normalised here) over {@code frame} (H * W opaque ARGB pixels, as
     * {@link FramePixels#frame} writes them) into {@code out}.
     */
    public static void overlay(int[] frame, SaliencyMap map, int[] out) {
        overlay(frame, map, 1.0, out);
    }

    /**
     * {@link #overlay(int[], SaliencyMap, int[])} with the colours' opacity scaled by {@code opacity} in [0, 1]
     * (0: the frame alone, 1: as strong as the colour map allows).
     */
    public static void overlay(int[] frame, SaliencyMap map, double opacity, int[] out) {
        double scale = Math.max(0, Math.min(1, opacity));
        double[] v = map.normalised().values();
        for (int p = 0; p < v.length; p++) {
            double alpha = (LEAST + (MOST - LEAST) * v[p]) * scale;
            int c = colour(v[p]);
            int f = frame[p];
            out[p] = FramePixels.argb(255, blend(f >> 16, c >> 16, alpha), blend(f >> 8, c >> 8, alpha),
                    blend(f, c, alpha));
        }
    }

    /** The map (normalised here) as opaque colours, one pixel per cell: a vector model's 1 x S heat row. */
    public static void heat(SaliencyMap map, int[] out) {
        double[] v = map.normalised().values();
        for (int p = 0; p < v.length; p++) {
            out[p] = colour(v[p]);
        }
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static int blend(int under, int over, double alpha) {
        return (int) Math.round((under & 0xff) * (1 - alpha) + (over & 0xff) * alpha);
    }
}
