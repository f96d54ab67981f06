package io.liquidlens.app.graph;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A small line rasteriser for synapses: lines alpha-blended into an ARGB buffer that is then drawn as one
 * image. JavaFX strokes canvas shapes by rasterising an antialiased coverage mask per shape on the CPU: for the
 * 8,618 synapses of a 256-neuron AutoNCP that took 200 ms a frame on this machine, and GraphStream's own edges
 * held the 19-neuron sample (250 synapses) to about 45 frames/s; lines into one buffer take a few
 * milliseconds. Two kinds: plain one/two-pixel lines for thousands of synapses, and antialiased lines of a
 * given width (coverage across the line) with arrowheads for small graphs.
 *
 * <p>The buffer backs the image itself ({@link PixelBuffer}, premultiplied ARGB ints, the software pipeline's own
 * texture format): a {@code WritableImage} written with {@code setPixels} converted every frame to bytes on the
 * JavaFX thread and back to ints on the render thread, about a third of the layer's cost.
 */
final class SynapseRaster {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    private PixelBuffer<IntBuffer> buffer;
    private WritableImage image;
    /** The current colour packed as premultiplied ARGB, and 255 minus its alpha. */
    private int source;
    private int keep;

    /** Starts a transparent frame of {@code w} x {@code h} pixels. */
    void begin(int w, int h) {
        w = Math.max(1, w);
        h = Math.max(1, h);
        if (w != width || h != height) {
            width = w;
            height = h;
            pixels = new int[w * h];
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        } else {
            Arrays.fill(pixels, 0);
        }
    }

    /** The colour of the lines that follow. */
    void color(Color c) {
        int alpha = (int) Math.round(c.getOpacity() * 255);
        int red = (int) Math.round(c.getRed() * alpha);
        int green = (int) Math.round(c.getGreen() * alpha);
        int blue = (int) Math.round(c.getBlue() * alpha);
        source = (alpha << 24) | (red << 16) | (green << 8) | blue;
        keep = 255 - alpha;
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
        if (inside(x0, y0) && inside(x1, y1)) {
            // the usual case (the raster covers every vertex): no bounds check per pixel
            int offset = oy * width + ox;
            for (int i = 0; i <= n; i++) {
                int p = (int) (y >> 16) * width + (int) (x >> 16);
                blend(p);
                if (thick) {
                    blend(p + offset);
                }
                x += sx;
                y += sy;
            }
            return;
        }
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

    /** True if (x, y) and its right and lower neighbours are pixels of the frame. */
    private boolean inside(double x, double y) {
        return x >= 0 && y >= 0 && x + 1 < width - 1 && y + 1 < height - 1;
    }

    /**
     * Blends the current colour over pixel {@code i}, premultiplied (dst = src + dst (1 - src alpha)), two
     * channels per multiplication: red/blue and alpha/green each sit 16 bits apart, so one multiply scales both
     * and the rounded division by 255 is done on both lanes at once.
     */
    private void blend(int i) {
        int d = pixels[i];
        int rb = (d & 0x00ff00ff) * keep + 0x00800080;
        rb = ((rb + ((rb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        int ag = ((d >>> 8) & 0x00ff00ff) * keep + 0x00800080;
        ag = (ag + ((ag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
        pixels[i] = source + (rb | ag);
    }

    /** Blends the current colour over pixel (x, y) if it is one of the frame's. */
    private void plot(int x, int y) {
        if (x >= 0 && y >= 0 && x < width && y < height) {
            blend(y * width + x);
        }
    }

    /** As {@link #plot(int, int)} with the colour scaled by {@code coverage} in [0, 256]. */
    private void plot(int x, int y, int coverage) {
        if (x < 0 || y < 0 || x >= width || y >= height || coverage <= 0) {
            return;
        }
        // the source scaled by coverage, two channels per multiplication as in blend()
        int rb = (((source & 0x00ff00ff) * coverage) >>> 8) & 0x00ff00ff;
        int ag = (((source >>> 8) & 0x00ff00ff) * coverage) & 0xff00ff00;
        int s = ag | rb;
        int i = y * width + x;
        int d = pixels[i];
        int k = 255 - (s >>> 24);
        int drb = (d & 0x00ff00ff) * k + 0x00800080;
        drb = ((drb + ((drb >>> 8) & 0x00ff00ff)) >>> 8) & 0x00ff00ff;
        int dag = ((d >>> 8) & 0x00ff00ff) * k + 0x00800080;
        dag = (dag + ((dag >>> 8) & 0x00ff00ff)) & 0xff00ff00;
        pixels[i] = s + (drb | dag);
    }

    /**
     * An antialiased line {@code lineWidth} pixels wide: walked along its major axis, each step covers the
     * pixels across the line in proportion to how much of them the line's cross-section overlaps (8-bit fixed
     * point, no floating point per pixel).
     */
    void smoothLine(double x0, double y0, double x1, double y1, double lineWidth) {
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        // walk along the major axis from its lower end: {x0, y0, x1, y1} with the axes swapped for a steep line
        double[] ends = steep ? new double[] {y0, x0, y1, x1} : new double[] {x0, y0, x1, y1};
        if (ends[0] > ends[2]) {
            ends = new double[] {ends[2], ends[3], ends[0], ends[1]};
        }
        x0 = ends[0];
        y0 = ends[1];
        x1 = ends[2];
        y1 = ends[3];
        double gradient = x1 == x0 ? 0 : (y1 - y0) / (x1 - x0);
        // half the extent across the major axis of a line lineWidth thick
        long half = Math.max(1, Math.round(lineWidth / 2 * Math.sqrt(1 + gradient * gradient) * 256));
        int xs = (int) Math.round(x0);
        int xe = (int) Math.round(x1);
        long y = Math.round((y0 + gradient * (xs - x0) + 0.5) * 256);
        long step = Math.round(gradient * 256);
        for (int x = xs; x <= xe; x++) {
            long top = y - half;
            long bottom = y + half;
            int first = (int) (top >> 8);
            int last = (int) ((bottom - 1) >> 8);
            if (first == last) {
                cover(steep, x, first, (int) (bottom - top));
            } else {
                cover(steep, x, first, 256 - (int) (top & 255));
                for (int r = first + 1; r < last; r++) {
                    cover(steep, x, r, 256);
                }
                cover(steep, x, last, (int) ((bottom - 1) & 255) + 1);
            }
            y += step;
        }
    }

    private void cover(boolean steep, int major, int minor, int coverage) {
        if (steep) {
            plot(minor, major, Math.min(256, coverage));
        } else {
            plot(major, minor, Math.min(256, coverage));
        }
    }

    /** A filled triangle (no antialiasing; arrowheads are a few pixels). */
    void triangle(double ax, double ay, double bx, double by, double cx, double cy) {
        int minY = (int) Math.floor(Math.min(ay, Math.min(by, cy)));
        int maxY = (int) Math.ceil(Math.max(ay, Math.max(by, cy)));
        int minX = (int) Math.floor(Math.min(ax, Math.min(bx, cx)));
        int maxX = (int) Math.ceil(Math.max(ax, Math.max(bx, cx)));
        double area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        if (Math.abs(area) < 1e-9) {
            return;
        }
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                double px = x + 0.5;
                double py = y + 0.5;
                double w0 = ((bx - px) * (cy - py) - (by - py) * (cx - px)) / area;
                double w1 = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) / area;
                if (w0 >= 0 && w1 >= 0 && w0 + w1 <= 1) {
                    plot(x, y);
                }
            }
        }
    }

    /** The premultiplied ARGB value of pixel (x, y) of the current frame (tests). */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }

    /** The frame as an image (the same image until the size changes; its pixels change at the next {@link #begin}). */
    Image finish() {
        buffer.updateBuffer(b -> new Rectangle2D(0, 0, width, height));
        return image;
    }

    /** The current frame's image (no new pixels since {@link #finish()}). */
    Image image() {
        return image;
    }
}
