package io.liquidlens.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for many comparisons made at once: it keeps the chance of calling any true "no
 * difference" significant at the nominal level, whatever the comparisons' dependence, and is uniformly more
 * powerful than Bonferroni's.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * The adjusted p-values of {@code p}, in the same order: sorted ascending, the i-th smallest (from 0) is
     * multiplied by (m - i), kept non-decreasing and capped at 1. NaN entries (comparisons that could not be made)
     * stay NaN and do not count in m.
     */
    public static double[] adjust(double[] p) {
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        int m = order.length;
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
            adjusted[order[i]] = running;
        }
        return adjusted;
    }
}
