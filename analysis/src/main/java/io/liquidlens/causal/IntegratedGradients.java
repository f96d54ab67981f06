package io.liquidlens.causal;

/**
 * Integrated gradients (Sundararajan et al. 2017): (x_t - b) times the mean gradient along the straight path
 * from the baseline b to x_t, by the midpoint rule over {@code steps} points. Only the step-t input moves
 * along the path; earlier steps stay at their recorded values, so the attributions sum (up to the rule's
 * error) to y_t(x_t) - y_t(b) with the same history, and say nothing about what earlier inputs contributed
 * through the state.
 *
 * @param baseline the input to start from (one step's values, frames in (H, W, C) order), or null for zeros
 * @param steps    points of the midpoint rule, at least 1
 */
public record IntegratedGradients(double[] baseline, int steps) implements SaliencyMethod {
    /** Enough for the lane-keeping samples' smooth outputs to sum to within 1 % of the difference. */
    public static final int DEFAULT_STEPS = 32;

    public IntegratedGradients {
        if (steps < 1) {
            throw new IllegalArgumentException("integrated gradients need steps >= 1, got " + steps);
        }
        baseline = baseline == null ? null : baseline.clone();
    }

    @Override
    public double[] baseline() {
        return baseline == null ? null : baseline.clone();
    }

    @Override
    public SaliencyMap map(SaliencyModel.Step step, int output) {
        return step.model().magnitudes(attributions(step, output));
    }

    /** The signed attribution of every input value (frames in (H, W, C) order); they sum to about y(x) - y(b). */
    public double[] attributions(SaliencyModel.Step step, int output) {
        SaliencyMethod.requireOutput(step, output);
        double[] x = step.recorded();
        double[] b = baselineFor(x.length);
        double[] alphas = new double[steps];
        for (int k = 0; k < steps; k++) {
            alphas[k] = (k + 0.5) / steps;
        }
        double[] sum = step.gradientSumAlong(b, x, alphas, output);
        for (int i = 0; i < x.length; i++) {
            sum[i] *= (x[i] - b[i]) / steps;
        }
        return sum;
    }

    /** The baseline as one step's input of {@code size} values. */
    double[] baselineFor(int size) {
        if (baseline == null) {
            return new double[size];
        }
        if (baseline.length != size) {
            throw new IllegalArgumentException("the integrated-gradients baseline holds " + baseline.length
                    + " values; the model's step takes " + size);
        }
        return baseline.clone();
    }
}
