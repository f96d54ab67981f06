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
     * (Hyndman and Fan type 7, NumPy's default); reorders that range. The two order statistics are found by
     * selection, not a full sort: a bootstrap takes thousands of medians, and selection is several times faster.
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
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        select(v, n, lo);
        double low = v[lo];
        if (lo + 1 >= n || h == lo) {
            return low;
        }
        // after selection everything right of lo is at least v[lo]; the next order statistic is their minimum
        double high = v[lo + 1];
        for (int i = lo + 2; i < n; i++) {
            high = Math.min(high, v[i]);
        }
        return low + (h - lo) * (high - low);
    }

    /** Puts the k-th smallest of {@code v[0..n)} at k, the smaller ones before it and the larger after (Hoare). */
    private static void select(double[] v, int n, int k) {
        int left = 0;
        int right = n - 1;
        while (right > left) {
            if (right - left < 16) {
                Arrays.sort(v, left, right + 1);
                return;
            }
            double pivot = medianOfThree(v[left], v[(left + right) >>> 1], v[right]);
            int i = left;
            int j = right;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
