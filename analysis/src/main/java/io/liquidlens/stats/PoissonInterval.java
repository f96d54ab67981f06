package io.liquidlens.stats;

/**
 * The exact (Garwood) interval for the rate of a Poisson count: the means whose Poisson distribution makes the
 * observed count no more extreme than (1 - level) / 2 on either side. It covers the true rate at least at the
 * nominal level for every rate, at the price of being wider than needed for small counts. Computed by bisection on
 * the regularized incomplete gamma function, which is the Poisson distribution function.
 */
public final class PoissonInterval {
    /** The largest count accepted: the gamma series and continued fraction take about sqrt(count) terms. */
    public static final long MAX_EVENTS = 1_000_000_000L;

    private PoissonInterval() {
    }

    /**
     * The interval of the rate per unit of exposure given {@code events} counted over {@code exposure} (e.g. crashes
     * per 1000 steps: events over steps / 1000).
     *
     * @throws IllegalArgumentException when the count is negative or above {@link #MAX_EVENTS}, the exposure is not
     *                                  positive and finite, or the level is not in (0, 1)
     */
    public static Interval rate(long events, double exposure, double level) {
        if (events < 0 || events > MAX_EVENTS) {
            throw new IllegalArgumentException("events must be in [0, " + MAX_EVENTS + "], got " + events);
        }
        if (!(exposure > 0) || !Double.isFinite(exposure)) {
            throw new IllegalArgumentException("exposure must be positive, got " + exposure);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double tail = (1 - level) / 2;
        // P(X >= k | mean) = P(k, mean) rises with the mean; the lower end is where it reaches the tail
        double low = events == 0 ? 0 : solve(events, tail);
        // P(X <= k | mean) = 1 - P(k + 1, mean) falls with the mean; the upper end is where it drops to the tail
        double high = solve(events + 1.0, 1 - tail);
        return new Interval(low / exposure, high / exposure, level);
    }

    /** The mean x at which the regularized lower incomplete gamma P(a, x) equals {@code target}. */
    private static double solve(double a, double target) {
        double lo = 0;
        double hi = a + 10 * Math.sqrt(a) + 10;
        while (Gamma.regularizedLower(a, hi) < target) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (Gamma.regularizedLower(a, mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
