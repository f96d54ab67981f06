package io.liquidlens.app.graph;

import java.util.Arrays;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A small line rasteriser for thousands of synapses: one-pixel (or two-pixel) lines alpha-blended into an
 * ARGB buffer that is then drawn as one image. JavaFX strokes canvas paths by rasterising an antialiased
 * coverage mask on the CPU, which for the 8,618 synapses of a 256-neuron AutoNCP took 200 ms a frame on this
 * machine; plain lines into a buffer take a few milliseconds, whatever the pipeline.
 */
final class SynapseRaster {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private WritableImage image;
    private int red;
    private int green;
    private int blue;
    private int alpha;

    /** Starts a transparent frame of {@code w} x {@code h} pixels. */
    void begin(int w, int h) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (w != width || h != height) {
            width = w;
            height = h;
            pixels = new int[w * h];
            image = new WritableImage(w, h);
        } else {
            Arrays.fill(pixels, 0);
        }
    }

    /** The colour of the lines that follow. */
    void color(Color c) {
        alpha = (int) Math.round(c.getOpacity() * 255);
        red = (int) Math.round(c.getRed() * alpha);
        green = (int) Math.round(c.getGreen() * alpha);
        blue = (int) Math.round(c.getBlue() * alpha);
    }

    /** A line from (x0, y0) to (x1, y1), two pixels wide if {@code thick}. */
    void line(double x0, double y0, double x1, double y1, boolean thick) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        int n = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)));
        // fixed point 16.16 steps: no floating point per pixel
        long x = Math.round(x0 * 65536) + 32768;
        long y = Math.round(y0 * 65536) + 32768;
        long sx = n == 0 ? 0 : Math.round(dx * 65536 / n);
        long sy = n == 0 ? 0 : Math.round(dy * 65536 / n);
        boolean flat = Math.abs(dx) >= Math.abs(dy);
        int ox = thick && !flat ? 1 : 0;
        int oy = thick && flat ? 1 : 0;
        for (int i = 0; i <= n; i++) {
            int px = (int) (x >> 16);
            int py = (int) (y >> 16);
            plot(px, py);
            if (thick) {
                plot(px + ox, py + oy);
            }
            x += sx;
            y += sy;
        }
    }

    /** Blends the current colour over pixel (x, y), premultiplied: dst = src + dst (1 - src alpha). */
    private void plot(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int i = y * width + x;
        int d = pixels[i];
        int keep = 255 - alpha;
        int a = alpha + div255((d >>> 24) * keep);
        int r = red + div255(((d >>> 16) & 0xff) * keep);
        int g = green + div255(((d >>> 8) & 0xff) * keep);
        int b = blue + div255((d & 0xff) * keep);
        pixels[i] = (a << 24) | (r << 16) | (g << 8) | b;
    }

    /** Rounded v / 255 for v in [0, 255 * 255], without a division. */
    private static int div255(int v) {
        int t = v + 128;
        return (t + (t >> 8)) >> 8;
    }

    /** The frame as an image (valid until the next {@link #begin}). */
    Image finish() {
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
        return image;
    }
}
