package io.liquidlens.dynamics;

import java.util.Arrays;

/** Correlations and percentiles of plain series. */
final class SeriesStats {

    private SeriesStats() {
    }

    /** Pearson's r and Spearman's rho of two equally long series; both NaN when either holds a NaN. */
    static Correlation correlation(double[] a, double[] b) {
        if (hasNaN(a) || hasNaN(b)) {
            // ranks would place a NaN above every number and give rho a value that means nothing
            return new Correlation(Double.NaN, Double.NaN);
        }
        return new Correlation(pearson(a, b), pearson(ranks(a), ranks(b)));
    }

    private static boolean hasNaN(double[] a) {
        for (double v : a) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * L_max of one rollout's series: max over t of |x(t) - x(t-1)| / dt(t), where dt(t) is the timespan of the
     * step that made x(t) (1 when {@code dt} is null); NaN when the series has fewer than 2 steps.
     */
    static double lmax(double[] x, float[] dt) {
        double best = Double.NaN;
        for (int t = 1; t < x.length; t++) {
            double rate = Math.abs(x[t] - x[t - 1]) / (dt == null ? 1 : dt[t]);
            if (Double.isNaN(best) || rate > best) {
                best = rate;
            }
        }
        return best;
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

    /** Ranks 1..n, ties given the average of the ranks they span (no NaN: see {@link #correlation}). */
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
            // == and not Double.compare: -0.0 and 0.0 are one value (the sort puts them side by side)
            while (j + 1 < n && a[order[j + 1]] == a[order[i]]) {
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
