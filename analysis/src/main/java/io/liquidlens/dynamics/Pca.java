package io.liquidlens.dynamics;

import java.util.Arrays;

/**
 * Principal components of the hidden states over every step of every rollout (centred, not scaled), as
 * scikit-learn's {@code PCA()} computes them: components sorted by variance, variances with the n-1 divisor,
 * min(steps, neurons) components. A component's sign is scikit-learn 1.2's: the step with the largest
 * |projection| on it projects positively (the first such step on a tie), so loadings and trajectories compare with
 * its output number for number. Components without variance (rank-deficient states) point anywhere in the null
 * space, in both programs; their variances are zero to within rounding of about 1e-16 of the largest.
 *
 * @param neurons                 wiring ids of the neurons that are the columns, in column order
 * @param samples                 how many steps (rows) went in
 * @param mean                    each column's mean
 * @param explainedVariance       variance along each component, largest first (min(samples, columns) of them)
 * @param explainedVarianceRatio  each component's share of the total variance
 * @param components              row k = component k's loadings on the columns (unit length)
 */
public record Pca(int[] neurons, int samples, double[] mean, double[] explainedVariance,
                  double[] explainedVarianceRatio, double[][] components) {

    /**
     * The most neurons PCA reads: the covariance is 32 MB and its decomposition takes seconds, where
     * {@link io.liquidlens.Limits#UNITS} neurons would take 800 MB and hours.
     */
    public static final int MAX_NEURONS = 2_000;

    public Pca {
        neurons = neurons.clone();
        mean = mean.clone();
        explainedVariance = explainedVariance.clone();
        explainedVarianceRatio = explainedVarianceRatio.clone();
        components = Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
    }

    /** PC1's share of the variance: how one-dimensional the activity is. */
    public double pc1Share() {
        return explainedVarianceRatio.length == 0 ? Double.NaN : explainedVarianceRatio[0];
    }

    /** The projection of one step's full state vector (indexed by wiring id) on component {@code k}. */
    public double project(float[] stateByNeuron, int k) {
        double s = 0;
        for (int c = 0; c < neurons.length; c++) {
            s += (stateByNeuron[neurons[c]] - mean[c]) * components[k][c];
        }
        return s;
    }

    /** The projection of one row of PCA's own matrix (its columns in {@link #neurons()}'s order) on component k. */
    public double projectRow(double[] row, int k) {
        double s = 0;
        for (int c = 0; c < neurons.length; c++) {
            s += (row[c] - mean[c]) * components[k][c];
        }
        return s;
    }

    @Override
    public int[] neurons() {
        return neurons.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    @Override
    public double[] explainedVarianceRatio() {
        return explainedVarianceRatio.clone();
    }

    @Override
    public double[][] components() {
        return Arrays.stream(components).map(double[]::clone).toArray(double[][]::new);
    }
}
