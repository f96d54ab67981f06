package io.liquidlens.causal;

import java.util.SplittableRandom;

/**
 * SmoothGrad (Smilkov et al. 2017): the mean of |d y_t / d x| over {@code samples} copies of the step's input
 * with Gaussian noise added, which blurs the gradient's pixel-to-pixel jitter. The noise's standard
 * deviation is {@code sigma} times the step's input range (max - min of its values), so one setting fits
 * frames in [0, 1] and vectors alike.
 *
 * @param samples noisy copies, at least 1
 * @param sigma   noise level as a share of the input range, 0 or more (0 gives the plain input gradient)
 * @param seed    seed of the noise
 */
public record SmoothGrad(int samples, double sigma, long seed) implements SaliencyMethod {
    public SmoothGrad {
        if (samples < 1) {
            throw new IllegalArgumentException("SmoothGrad needs samples >= 1, got " + samples);
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("SmoothGrad needs a finite sigma >= 0 (a share of the input range), got "
                    + sigma);
        }
    }

    @Override
    public SaliencyMap map(SaliencyModel.Step step, int output) {
        SaliencyMethod.requireOutput(step, output);
        double[] x = step.recorded();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double sd = sigma * (hi - lo);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] noisy = new double[samples][x.length];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < x.length; i++) {
                noisy[s][i] = x[i] + sd * gaussian(random);
            }
        }
        double[] sum = new double[x.length];
        for (double[] g : step.gradients(noisy, output)) {
            for (int i = 0; i < x.length; i++) {
                sum[i] += Math.abs(g[i]) / samples;
            }
        }
        return step.model().magnitudes(sum);
    }

    /** A standard normal value by Box-Muller (SplittableRandom has no nextGaussian in Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1], so the log is finite
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
