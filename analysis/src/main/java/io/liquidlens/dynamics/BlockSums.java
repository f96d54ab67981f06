package io.liquidlens.dynamics;

import io.liquidlens.stats.Blocks;

/**
 * Each block's step count, column sums and cross-product sums of a state matrix, centred on the whole matrix's
 * mean first (so that the drawn steps' covariance, sums minus the outer product of their mean, loses no digits to
 * a large mean). A bootstrap replicate's covariance is then a sum over the blocks drawn.
 */
final class BlockSums {
    private static final int MAX_ITERATIONS = 1000;
    private final int cols;
    private final int[] count;
    private final double[][] sum;
    private final double[][] cross;

    private BlockSums(int cols, int[] count, double[][] sum, double[][] cross) {
        this.cols = cols;
        this.count = count;
        this.sum = sum;
        this.cross = cross;
    }

    /** The sums of {@code x} (rows x cols, row-major; rows = the blocks' frames) per block. */
    static BlockSums of(double[] x, int cols, Blocks blocks) {
        int rows = blocks.frames();
        double[] mean = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += x[r * cols + c] / rows;
            }
        }
        int[] count = new int[blocks.count()];
        double[][] sum = new double[blocks.count()][cols];
        double[][] cross = new double[blocks.count()][cols * cols];
        double[] centred = new double[cols];
        for (int b = 0; b < blocks.count(); b++) {
            count[b] = blocks.end(b) - blocks.start(b);
            for (int r = blocks.start(b); r < blocks.end(b); r++) {
                for (int c = 0; c < cols; c++) {
                    centred[c] = x[r * cols + c] - mean[c];
                    sum[b][c] += centred[c];
                }
                for (int i = 0; i < cols; i++) {
                    for (int j = i; j < cols; j++) {
                        cross[b][i * cols + j] += centred[i] * centred[j];
                    }
                }
            }
        }
        return new BlockSums(cols, count, sum, cross);
    }

    /**
     * PC1's share of the variance of the steps in the blocks {@code pick} (repeats counted again): the largest
     * eigenvalue of their covariance, by power iteration from {@code start} (the whole matrix's PC1, close to every
     * replicate's), over its trace.
     */
    double pc1Share(int[] pick, double[] start) {
        long n = 0;
        double[] s = new double[cols];
        double[] c = new double[cols * cols];
        for (int b : pick) {
            n += count[b];
            for (int i = 0; i < cols; i++) {
                s[i] += sum[b][i];
            }
            double[] cb = cross[b];
            for (int k = 0; k < c.length; k++) {
                c[k] += cb[k];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double trace = 0;
        for (int i = 0; i < cols; i++) {
            for (int j = i; j < cols; j++) {
                c[i * cols + j] -= s[i] * s[j] / n;
                c[j * cols + i] = c[i * cols + j];
            }
            trace += c[i * cols + i];
        }
        return trace > 0 ? largestEigenvalue(c, start) / trace : Double.NaN;
    }

    private double largestEigenvalue(double[] c, double[] start) {
        double[] v = start.clone();
        double[] w = new double[cols];
        double lambda = 0;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double norm = 0;
            for (int i = 0; i < cols; i++) {
                double acc = 0;
                for (int j = 0; j < cols; j++) {
                    acc += c[i * cols + j] * v[j];
                }
                w[i] = acc;
                norm += acc * acc;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return 0;
            }
            double rayleigh = 0;
            for (int i = 0; i < cols; i++) {
                rayleigh += v[i] * w[i];
                v[i] = w[i] / norm;
            }
            if (Math.abs(rayleigh - lambda) <= 1e-13 * Math.abs(rayleigh)) {
                return rayleigh;
            }
            lambda = rayleigh;
        }
        return lambda;
    }
}
