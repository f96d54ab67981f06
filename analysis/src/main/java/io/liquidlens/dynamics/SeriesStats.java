package io.liquidlens.dynamics;

import java.util.Arrays;

/** Correlations and percentiles of plain series. */
final class SeriesStats {

    private SeriesStats() {
    }

    /** Pearson's r and Spearman's rho of two equally long series. */
    static Correlation correlation(double[] a, double[] b) {
        return new Correlation(pearson(a, b), pearson(ranks(a), ranks(b)));
    }

    /** Pearson's r; NaN when either series is constant or there are fewer than 2 values. */
    static double pearson(double[] a, double[] b) {
        int n = a.length;
        if (n < 2 || b.length != n) {
            return Double.NaN;
        }
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Ranks 1..n, ties given the average of the ranks they span. */
    static double[] ranks(double[] a) {
        int n = a.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(a[i], a[j]));
        double[] r = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && Double.compare(a[order[j + 1]], a[order[i]]) == 0) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }

    /** The q-quantile (0..1) with linear interpolation between order statistics (numpy's default). */
    static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
