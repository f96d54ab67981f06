package io.liquidlens.lanekeeping;

/**
 * Draws coloured shapes with partial-pixel coverage into one frame's image and label map. A pixel takes
 * the distractor label when a shape covers at least half of it; its colour is blended by the coverage.
 */
final class Canvas {
    private static final double[] SUB = {0.25, 0.75};

    private final int height;
    private final int width;
    private final int channels;
    private float[] image;
    private int imageOffset;
    private byte[] labels;
    private int labelOffset;

    Canvas(CameraSpec spec) {
        height = spec.height();
        width = spec.width();
        channels = spec.channels();
    }

    void bind(float[] newImage, int newImageOffset, byte[] newLabels, int newLabelOffset) {
        image = newImage;
        imageOffset = newImageOffset;
        labels = newLabels;
        labelOffset = newLabelOffset;
    }

    /** Writes an opaque colour and a label to pixel p (row * width + col). */
    void put(int p, float r, float g, float b, byte label) {
        int i = imageOffset + p * channels;
        if (channels == 3) {
            image[i] = r;
            image[i + 1] = g;
            image[i + 2] = b;
        } else {
            image[i] = Palette.luma(r, g, b);
        }
        labels[labelOffset + p] = label;
    }

    /** Blends a colour over pixel p with weight {@code coverage}; labels it a distractor from half coverage. */
    void blend(int p, float r, float g, float b, double coverage) {
        if (coverage <= 0) {
            return;
        }
        float a = (float) Math.min(1, coverage);
        int i = imageOffset + p * channels;
        if (channels == 3) {
            image[i] += a * (r - image[i]);
            image[i + 1] += a * (g - image[i + 1]);
            image[i + 2] += a * (b - image[i + 2]);
        } else {
            image[i] += a * (Palette.luma(r, g, b) - image[i]);
        }
        if (coverage >= 0.5) {
            labels[labelOffset + p] = Labels.DISTRACTOR;
        }
    }

    /**
     * Fills a convex polygon (screen coordinates, either winding) with coverage measured on 2 x 2 samples per
     * pixel.
     */
    void fillConvex(double[] us, double[] vs, int n, float r, float g, float b) {
        double minU = Double.POSITIVE_INFINITY;
        double maxU = Double.NEGATIVE_INFINITY;
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        double area = 0;
        for (int k = 0; k < n; k++) {
            int j = (k + 1) % n;
            minU = Math.min(minU, us[k]);
            maxU = Math.max(maxU, us[k]);
            minV = Math.min(minV, vs[k]);
            maxV = Math.max(maxV, vs[k]);
            area += us[k] * vs[j] - us[j] * vs[k];
        }
        if (area == 0) {
            return;
        }
        double sign = Math.signum(area);
        int col0 = Math.max(0, (int) Math.floor(minU));
        int col1 = Math.min(width - 1, (int) Math.floor(maxU));
        int row0 = Math.max(0, (int) Math.floor(minV));
        int row1 = Math.min(height - 1, (int) Math.floor(maxV));
        for (int row = row0; row <= row1; row++) {
            for (int col = col0; col <= col1; col++) {
                int inside = 0;
                for (double sv : SUB) {
                    for (double su : SUB) {
                        if (contains(us, vs, n, sign, col + su, row + sv)) {
                            inside++;
                        }
                    }
                }
                blend(row * width + col, r, g, b, inside * 0.25);
            }
        }
    }

    /**
     * Fills a disc of radius {@code radius} pixels centred at (u, v); with {@code ball} the colour darkens
     * towards the rim so it reads as a sphere.
     */
    void fillDisc(double u, double v, double radius, float r, float g, float b, boolean ball) {
        int col0 = Math.max(0, (int) Math.floor(u - radius));
        int col1 = Math.min(width - 1, (int) Math.floor(u + radius));
        int row0 = Math.max(0, (int) Math.floor(v - radius));
        int row1 = Math.min(height - 1, (int) Math.floor(v + radius));
        for (int row = row0; row <= row1; row++) {
            for (int col = col0; col <= col1; col++) {
                double du = col + 0.5 - u;
                double dv = row + 0.5 - v;
                double dist = Math.sqrt(du * du + dv * dv);
                double coverage = Math.max(0, Math.min(1, radius - dist + 0.5));
                float shade = 1f;
                if (ball) {
                    double q = Math.min(1, dist / Math.max(radius, 1e-9));
                    shade = (float) (1 - 0.4 * q * q);
                }
                blend(row * width + col, r * shade, g * shade, b * shade, coverage);
            }
        }
    }

    private static boolean contains(double[] us, double[] vs, int n, double sign, double u, double v) {
        for (int k = 0; k < n; k++) {
            int j = (k + 1) % n;
            double edge = (us[j] - us[k]) * (v - vs[k]) - (vs[j] - vs[k]) * (u - us[k]);
            if (edge * sign < 0) {
                return false;
            }
        }
        return true;
    }
}
