package io.liquidlens.stats;

/**
 * A two-sided confidence interval.
 *
 * @param low   the lower end (NaN when there was nothing to measure)
 * @param high  the upper end
 * @param level the nominal coverage, e.g. 0.95
 */
public record Interval(double low, double high, double level) {

    /** The interval of nothing: both ends NaN. */
    public static Interval undefined(double level) {
        return new Interval(Double.NaN, Double.NaN, level);
    }

    /** True when {@code x} lies within the closed interval. */
    public boolean contains(double x) {
        return x >= low && x <= high;
    }

    /** True when both ends are finite. */
    public boolean isDefined() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
