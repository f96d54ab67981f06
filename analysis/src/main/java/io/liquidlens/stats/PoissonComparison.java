package io.liquidlens.stats;

/**
 * Whether two Poisson counts come from the same rate: the exact conditional test. Given their sum n, the first
 * count is binomial with n trials and success probability its share of the exposure when the rates are equal, so
 * the test needs neither a normal approximation nor an estimate of the common rate; with few events (a handful of
 * crashes) it stays exact.
 */
public final class PoissonComparison {
    /** The largest combined count accepted: the tail sums take one term per event. */
    public static final long MAX_EVENTS = 100_000_000L;

    private PoissonComparison() {
    }

    /**
     * The two-sided p-value for "equal rates" given {@code a} events over {@code exposureA} and {@code b} over
     * {@code exposureB}: twice the smaller binomial tail at {@code a} (the tail includes {@code a} itself), capped
     * at 1; 1 when there are no events at all (they say nothing either way).
     *
     * @throws IllegalArgumentException when a count is negative, their sum exceeds {@link #MAX_EVENTS}, or an
     *                                  exposure is not positive and finite
     */
    public static double pValue(long a, double exposureA, long b, double exposureB) {
        if (a < 0 || b < 0 || a + b > MAX_EVENTS) {
            throw new IllegalArgumentException("counts must be >= 0 with a sum of at most " + MAX_EVENTS + ", got "
                    + a + " and " + b);
        }
        for (double e : new double[] {exposureA, exposureB}) {
            if (!(e > 0) || !Double.isFinite(e)) {
                throw new IllegalArgumentException("exposure must be positive, got " + e);
            }
        }
        long n = a + b;
        if (n == 0) {
            return 1;
        }
        double share = exposureA / (exposureA + exposureB);
        double atOrBelow = 0;
        for (long i = 0; i <= a; i++) {
            atOrBelow += binomial(n, i, share);
        }
        double atOrAbove = 0;
        for (long i = a; i <= n; i++) {
            atOrAbove += binomial(n, i, share);
        }
        return Math.min(1, 2 * Math.min(atOrBelow, atOrAbove));
    }

    private static double binomial(long n, long k, double p) {
        double log = Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0)
                + k * Math.log(p) + (n - k) * Math.log1p(-p);
        return Math.exp(log);
    }
}
