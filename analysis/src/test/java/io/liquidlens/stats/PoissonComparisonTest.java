package io.liquidlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonComparisonTest {

    @Test
    void equalExposureIsTheFairCoinTest() {
        // 2 of 10 events: P(X <= 2) = (1 + 10 + 45) / 1024 for a fair coin, doubled
        assertThat(PoissonComparison.pValue(2, 5, 8, 5)).isCloseTo(112.0 / 1024, within(1e-12));
        assertThat(PoissonComparison.pValue(8, 5, 2, 5)).isCloseTo(112.0 / 1024, within(1e-12));
        assertThat(PoissonComparison.pValue(0, 5, 20, 5)).isCloseTo(2 * Math.pow(0.5, 20), within(1e-15));
        assertThat(PoissonComparison.pValue(7, 5, 7, 5)).isEqualTo(1);
        assertThat(PoissonComparison.pValue(0, 5, 0, 5)).isEqualTo(1);
    }

    @Test
    void unequalExposureShiftsTheNull() {
        // 10 of 10 events where a had 9 parts in 10 of the exposure: (0.9)^10 is the whole upper tail
        assertThat(PoissonComparison.pValue(10, 9, 0, 1)).isCloseTo(2 * Math.pow(0.9, 10), within(1e-12));
        assertThat(PoissonComparison.pValue(9, 9, 1, 1)).isEqualTo(1);
    }

    @Test
    void rejectsEqualRatesAtMostAtTheLevel() {
        SplittableRandom random = new SplittableRandom(3);
        int rejected = 0;
        int trials = 4000;
        for (int t = 0; t < trials; t++) {
            if (PoissonComparison.pValue(poisson(random, 4), 1, poisson(random, 4), 1) <= 0.05) {
                rejected++;
            }
        }
        assertThat(rejected / (double) trials).isBetween(0.005, 0.05);
    }

    @Test
    void refusesBadCounts() {
        assertThatThrownBy(() -> PoissonComparison.pValue(-1, 1, 0, 1)).hasMessageContaining("counts");
        assertThatThrownBy(() -> PoissonComparison.pValue(1, 0, 0, 1)).hasMessageContaining("exposure");
    }

    private static long poisson(SplittableRandom random, double mean) {
        long k = 0;
        double p = Math.exp(-mean);
        double u = random.nextDouble();
        double cumulative = p;
        while (u > cumulative) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }
}
