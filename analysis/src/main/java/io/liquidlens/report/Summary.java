package io.liquidlens.report;

import java.util.Arrays;
import java.util.List;

/**
 * The summary of one series of per-step values over its finite entries (NaN entries, e.g. shares without labels,
 * are left out; with none left every statistic is NaN). Quartiles interpolate linearly between order statistics
 * (Hyndman and Fan type 7, the default of R and NumPy), so box plots and tables agree with them.
 *
 * @param n      the finite values counted
 * @param mean   their mean
 * @param median their median
 * @param q1     the first quartile
 * @param q3     the third quartile
 * @param low    the lower whisker: the smallest value at or above {@code q1 - 1.5 IQR}
 * @param high   the upper whisker: the largest value at or below {@code q3 + 1.5 IQR}
 */
record Summary(int n, double mean, double median, double q1, double q3, double low, double high) {

    /** The finite values of {@code values}, sorted. */
    static double[] finiteSorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
    }

    /** Summarises {@code values}. */
    static Summary of(List<Double> values) {
        double[] v = finiteSorted(values);
        if (v.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double q1 = quantile(v, 0.25);
        double q3 = quantile(v, 0.75);
        double reach = 1.5 * (q3 - q1);
        double low = Arrays.stream(v).filter(x -> x >= q1 - reach).min().orElse(q1);
        double high = Arrays.stream(v).filter(x -> x <= q3 + reach).max().orElse(q3);
        return new Summary(v.length, Arrays.stream(v).sum() / v.length, quantile(v, 0.5), q1, q3, low, high);
    }

    /** The values outside the whiskers (drawn as dots). */
    double[] outliers(List<Double> values) {
        return Arrays.stream(finiteSorted(values)).filter(x -> x < low || x > high).toArray();
    }

    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
