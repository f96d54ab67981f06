package io.liquidlens.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticTest {

    @Test
    void selectionGivesTheQuantilesOfASortExactly() {
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 3000; trial++) {
            int n = 1 + random.nextInt(trial < 1500 ? 40 : 400);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                // few distinct values half the time, so ties and equal pivots are exercised
                v[i] = trial % 2 == 0 ? random.nextInt(5) : random.nextGaussian();
                if (random.nextInt(20) == 0) {
                    v[i] = Double.NaN;
                }
            }
            double p = trial % 3 == 0 ? 0.5 : random.nextDouble();
            assertThat(Double.valueOf(Statistic.quantile(v.clone(), n, p))).as("n %d, p %s", n, p)
                    .isEqualTo(Double.valueOf(sorted(v, p)));
        }
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertThat(Statistic.MEDIAN.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Statistic.MEDIAN.of(new double[] {5, 1, Double.NaN, 3})).isEqualTo(3);
        assertThat(Statistic.MEDIAN.of(new double[] {Double.NaN})).isNaN();
    }

    /** The type-7 quantile by sorting, as NumPy computes it. */
    private static double sorted(double[] values, double p) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }
}
