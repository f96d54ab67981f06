package io.liquidlens.train;

/**
 * The NCP paper's training loss for steering: squared error weighted by exp(|y| alpha), where y is the
 * target, so that rare sharp curves count more than the many straight steps. alpha = 0 is plain mean
 * squared error. The mean is over every (step, output) pair that has a target.
 */
public final class CurveWeightedLoss {
    private final double alpha;

    public CurveWeightedLoss(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    /**
     * The summed (not yet averaged) loss of {@code n} predictions against their targets, writing
     * d(sum)/d(prediction) into {@code dPred}. Divide both by the total count for the mean.
     */
    public double sumAndGradient(double[] pred, int po, double[] target, int to, int n, double[] dPred, int dpo) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = target[to + i];
            double w = alpha == 0 ? 1 : Math.exp(Math.abs(t) * alpha);
            double e = pred[po + i] - t;
            sum += w * e * e;
            dPred[dpo + i] = 2 * w * e;
        }
        return sum;
    }
}
