package io.liquidlens.dynamics;

/** Fits a {@link Pca} to a matrix of states, as scikit-learn's {@code PCA()} with all components does. */
final class PcaFit {

    private PcaFit() {
    }

    /**
     * @param x       rows x cols, row-major: one row per step, one column per neuron in {@code neurons}
     * @param rows    at least 2
     * @param neurons the wiring id of each column
     */
    static Pca fit(double[] x, int rows, int[] neurons) {
        int cols = neurons.length;
        String refusal = refusal(x, rows, cols);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        double[] mean = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += x[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        double[][] cov = new double[cols][cols];
        double[] centred = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                centred[c] = x[r * cols + c] - mean[c];
            }
            for (int i = 0; i < cols; i++) {
                double ci = centred[i];
                double[] row = cov[i];
                for (int j = i; j < cols; j++) {
                    row[j] += ci * centred[j];
                }
            }
        }
        double total = 0;
        for (int i = 0; i < cols; i++) {
            for (int j = i; j < cols; j++) {
                cov[i][j] /= rows - 1;
                cov[j][i] = cov[i][j];
            }
            total += cov[i][i];
        }
        SymmetricEigen eigen = SymmetricEigen.of(cov);
        int k = Math.min(rows, cols);
        double[] variance = new double[k];
        double[] ratio = new double[k];
        double[][] components = new double[k][];
        for (int i = 0; i < k; i++) {
            // rounding can leave a tiny negative eigenvalue where the variance is zero
            variance[i] = Math.max(0, eigen.values[i]);
            ratio[i] = total > 0 ? variance[i] / total : 0;
            components[i] = eigen.vectors[i].clone();
            orient(components[i], x, rows, mean);
        }
        return new Pca(neurons, rows, mean, variance, ratio, components);
    }

    /**
     * Why PCA cannot be fitted to a matrix of {@code rows} x {@code cols}, in one line, or null when its size is
     * fine: asked before the matrix is made.
     */
    static String sizeRefusal(long rows, int cols) {
        if (rows < 2) {
            return "PCA needs at least 2 steps, got " + rows;
        }
        if (cols > Pca.MAX_NEURONS) {
            return "PCA reads at most " + Pca.MAX_NEURONS + " neurons (its covariance and eigenvectors grow with the"
                    + " square and the cube), the model has " + cols + " besides its motor neurons";
        }
        if (rows * cols > Integer.MAX_VALUE - 8) {
            return "PCA of " + rows + " steps x " + cols + " neurons is more values than one array holds; give fewer"
                    + " or shorter rollouts";
        }
        return null;
    }

    /** Why PCA cannot be fitted to this matrix, in one line, or null when it can. */
    static String refusal(double[] x, int rows, int cols) {
        String size = sizeRefusal(rows, cols);
        if (size != null) {
            return size;
        }
        long bad = java.util.Arrays.stream(x, 0, rows * cols).filter(v -> !Double.isFinite(v)).count();
        if (bad > 0) {
            return "the states hold " + bad + " NaN or infinite value(s) (the model diverged?), so there is no PCA";
        }
        return null;
    }

    /**
     * Flips {@code component} so that the step with the largest |projection| projects positively (the first such
     * step on a tie): the sign rule of scikit-learn 1.2's {@code svd_flip}, so loadings compare with its output.
     */
    private static void orient(double[] component, double[] x, int rows, double[] mean) {
        int cols = component.length;
        double best = -1;
        double sign = 1;
        for (int r = 0; r < rows; r++) {
            double p = 0;
            for (int c = 0; c < cols; c++) {
                p += (x[r * cols + c] - mean[c]) * component[c];
            }
            if (Math.abs(p) > best) {
                best = Math.abs(p);
                sign = p < 0 ? -1 : 1;
            }
        }
        if (sign < 0) {
            for (int c = 0; c < cols; c++) {
                component[c] = -component[c];
            }
        }
    }
}
