package io.liquidlens.report;

import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.io.NdArray;
import java.awt.image.BufferedImage;

/**
 * A camera frame with its saliency map laid over it as an image: the frame's values clamped to [0, 1] for display
 * (unclipped noise leaves that range), the map min-max scaled and blended in red, so the pixels the output
 * depends on most show reddest. Frames are (H, W, C) with C = 3 (RGB) or 1 (grey).
 */
final class OverlayImages {
    /** How much of a pixel the map's maximum covers. */
    static final double OPACITY = 0.65;

    private OverlayImages() {
    }

    /** The overlay of {@code map} on {@code frame}, at the frame's resolution (the map is sampled nearest). */
    static BufferedImage of(NdArray frame, SaliencyMap map) {
        if (frame.rank() != 3 || (frame.dim(2) != 3 && frame.dim(2) != 1)) {
            throw new IllegalArgumentException("an overlay frame must be (H, W, 3) or (H, W, 1), got "
                    + java.util.Arrays.toString(frame.shape()));
        }
        int h = frame.dim(0);
        int w = frame.dim(1);
        int c = frame.dim(2);
        double[] v = frame.toDoubleArray();
        SaliencyMap m = map.normalised();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = OPACITY * m.value(y * m.height() / h, x * m.width() / w);
                int base = (y * w + x) * c;
                int r = blend(v[base], 1, a);
                int gr = blend(v[base + (c == 3 ? 1 : 0)], 0, a);
                int b = blend(v[base + (c == 3 ? 2 : 0)], 0, a);
                img.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return img;
    }

    private static int blend(double value, double towards, double a) {
        double shown = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
        return (int) Math.round(255 * ((1 - a) * shown + a * towards));
    }
}
