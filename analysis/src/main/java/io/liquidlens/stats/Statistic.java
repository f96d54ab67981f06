package io.liquidlens.stats;

import java.util.Arrays;

/**
 * A summary of a sample, over its finite values only (NaN entries, e.g. shares of frames without labels, are left
 * out; with none left the statistic is NaN).
 */
@FunctionalInterface
public interface Statistic {
    /** The arithmetic mean. */
    Statistic MEAN = Statistic::mean;
    /** The median (midpoint of the two middle values for an even count). */
    Statistic MEDIAN = (v, count) -> quantile(v, count, 0.5);

    /** The statistic of {@code values[0..count)}; may reorder that range. */
    double of(double[] values, int count);

    /** The statistic of all of {@code values}, which is left as it was. */
    default double of(double[] values) {
        return of(values.clone(), values.length);
    }

    private static double mean(double[] v, int count) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(v[i])) {
                sum += v[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * The p-quantile of the finite values of {@code v[0..count)}, interpolating linearly between order statistics
     * (Hyndman and Fan type 7, NumPy's default); sorts that range.
     */
    static double quantile(double[] v, int count, double p) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(v[i])) {
                v[n++] = v[i];
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(v, 0, n);
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }
}
