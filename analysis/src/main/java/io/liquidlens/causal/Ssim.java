package io.liquidlens.causal;

/**
 * Structural similarity of two saliency maps by the NCP paper's protocol
 * (docs/ANALYSES.md#attention-robustness): each map min-max normalised to [0, 1], then SSIM (Wang et al. 2004)
 * with data range L = 1, C1 = (0.01 L)^2, C2 = (0.03 L)^2, local statistics weighted by an 11x11 Gaussian window
 * (sigma 1.5, normalised to sum 1), population (not sample) variances, and the mean over every position where the
 * window lies wholly inside the map. This is what {@code skimage.metrics.structural_similarity(gaussian_weights=True,
 * sigma=1.5, use_sample_covariance=False, data_range=1)} computes.
 */
public final class Ssim {
    /** Window side: skimage's Gaussian window truncates at 3.5 sigma, 2 * round(3.5 * 1.5) + 1 = 11. */
    public static final int WINDOW = 11;
    private static final double SIGMA = 1.5;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;
    private static final double[] WEIGHTS = gaussian();

    private Ssim() {
    }

    /**
     * SSIM of {@code a} and {@code b}, in [-1, 1]; 1 for maps equal after normalisation.
     *
     * @throws IllegalArgumentException when the shapes differ or a map is smaller than the 11x11 window
     */
    public static double between(SaliencyMap a, SaliencyMap b) {
        if (a.height() != b.height() || a.width() != b.width()) {
            throw new IllegalArgumentException("SSIM needs two maps of the same shape, got " + a + " and " + b);
        }
        int h = a.height();
        int w = a.width();
        if (h < WINDOW || w < WINDOW) {
            throw new IllegalArgumentException("SSIM needs maps of at least " + WINDOW + "x" + WINDOW + ", got " + a);
        }
        double[] x = SaliencyMap.minMax(a.values());
        double[] y = SaliencyMap.minMax(b.values());
        double[] xx = new double[x.length];
        double[] yy = new double[x.length];
        double[] xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mx = windowMeans(x, h, w);
        double[] my = windowMeans(y, h, w);
        double[] mxx = windowMeans(xx, h, w);
        double[] myy = windowMeans(yy, h, w);
        double[] mxy = windowMeans(xy, h, w);
        double sum = 0;
        for (int i = 0; i < mx.length; i++) {
            double vx = mxx[i] - mx[i] * mx[i];
            double vy = myy[i] - my[i] * my[i];
            double cxy = mxy[i] - mx[i] * my[i];
            sum += (2 * mx[i] * my[i] + C1) * (2 * cxy + C2)
                    / ((mx[i] * mx[i] + my[i] * my[i] + C1) * (vx + vy + C2));
        }
        return sum / mx.length;
    }

    /**
     * Gaussian-weighted means of {@code v} (h x w) over every window wholly inside it, (h - 10) x (w - 10);
     * the 2-D window is the outer product of the 1-D one, so rows are filtered first, then columns.
     */
    private static double[] windowMeans(double[] v, int h, int w) {
        int ow = w - WINDOW + 1;
        int oh = h - WINDOW + 1;
        double[] rows = new double[h * ow];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < ow; c++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += WEIGHTS[k] * v[r * w + c + k];
                }
                rows[r * ow + c] = s;
            }
        }
        double[] out = new double[oh * ow];
        for (int r = 0; r < oh; r++) {
            for (int c = 0; c < ow; c++) {
                double s = 0;
                for (int k = 0; k < WINDOW; k++) {
                    s += WEIGHTS[k] * rows[(r + k) * ow + c];
                }
                out[r * ow + c] = s;
            }
        }
        return out;
    }

    private static double[] gaussian() {
        double[] g = new double[WINDOW];
        double sum = 0;
        for (int k = 0; k < WINDOW; k++) {
            double d = k - WINDOW / 2;
            g[k] = Math.exp(-0.5 * d * d / (SIGMA * SIGMA));
            sum += g[k];
        }
        for (int k = 0; k < WINDOW; k++) {
            g[k] /= sum;
        }
        return g;
    }
}
