package io.liquidlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonIntervalTest {

    @Test
    void matchesPublishedExactIntervals() {
        // Garwood's 95% limits for the mean as tabulated (e.g. by Ulm 1990): k = 0, 1, 10
        Interval zero = PoissonInterval.rate(0, 1, 0.95);
        assertThat(zero.low()).isZero();
        assertThat(zero.high()).isCloseTo(3.688879, within(1e-6));
        Interval one = PoissonInterval.rate(1, 1, 0.95);
        assertThat(one.low()).isCloseTo(0.025318, within(1e-6));
        assertThat(one.high()).isCloseTo(5.571643, within(1e-6));
        Interval ten = PoissonInterval.rate(10, 1, 0.95);
        assertThat(ten.low()).isCloseTo(4.795389, within(1e-6));
        assertThat(ten.high()).isCloseTo(18.390356, within(1e-6));
    }

    @Test
    void scalesWithTheExposure() {
        Interval perStep = PoissonInterval.rate(12, 5000, 0.95);
        Interval perThousand = PoissonInterval.rate(12, 5, 0.95);
        assertThat(perThousand.low()).isCloseTo(perStep.low() * 1000, within(1e-9));
        assertThat(perThousand.high()).isCloseTo(perStep.high() * 1000, within(1e-9));
        assertThat(perThousand.contains(12 / 5.0)).isTrue();
    }

    @Test
    void coversEveryMeanAtLeastAtTheLevelWithoutBeingFarWider() {
        double worst = 1;
        double sum = 0;
        int means = 0;
        for (double mean = 0.05; mean <= 60; mean += 0.05 + mean / 50) {
            double covered = 0;
            double pmf = Math.exp(-mean);
            for (int k = 0; k < 400; k++) {
                if (k > 0) {
                    pmf *= mean / k;
                }
                if (PoissonInterval.rate(k, 1, 0.95).contains(mean)) {
                    covered += pmf;
                }
            }
            worst = Math.min(worst, covered);
            sum += covered;
            means++;
        }
        assertThat(worst).isGreaterThanOrEqualTo(0.95 - 1e-9);
        // exact intervals are conservative, but a wrong, too-wide one would cover nearly always
        assertThat(sum / means).isLessThan(0.985);
    }

    @Test
    void largeCountsAreCloseToTheNormalApproximation() {
        Interval i = PoissonInterval.rate(1_000_000, 1, 0.95);
        assertThat(i.low()).isCloseTo(1_000_000 - 1.96 * 1000, within(5.0));
        assertThat(i.high()).isCloseTo(1_000_000 + 1.96 * 1000, within(5.0));
    }

    @Test
    void refusesWhatIsNotACount() {
        assertThatThrownBy(() -> PoissonInterval.rate(-1, 1, 0.95)).hasMessageContaining("events");
        assertThatThrownBy(() -> PoissonInterval.rate(1, 0, 0.95)).hasMessageContaining("exposure");
        assertThatThrownBy(() -> PoissonInterval.rate(1, 1, 1)).hasMessageContaining("level");
        assertThatThrownBy(() -> PoissonInterval.rate(PoissonInterval.MAX_EVENTS + 1, 1, 0.95))
                .hasMessageContaining("events");
    }

    @Test
    void gammaFunctionsAgreeWithFactorialsAndPoissonSums() {
        double logFactorial = 0;
        for (int n = 1; n <= 30; n++) {
            assertThat(Gamma.logGamma(n)).isCloseTo(logFactorial, within(1e-12 * Math.max(1, logFactorial)));
            logFactorial += Math.log(n);
        }
        // P(k + 1, x) = P(X >= k + 1) for X ~ Poisson(x)
        for (double x : new double[] {0.3, 2, 7.5, 40}) {
            double cdf = 0;
            double pmf = Math.exp(-x);
            for (int k = 0; k < 60; k++) {
                if (k > 0) {
                    pmf *= x / k;
                }
                cdf += pmf;
                assertThat(Gamma.regularizedLower(k + 1, x)).isCloseTo(1 - cdf, within(1e-12));
            }
        }
    }
}
