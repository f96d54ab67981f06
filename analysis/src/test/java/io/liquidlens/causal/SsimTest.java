package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsimTest {

    /** a(y, x) = sin(0.7 y) + cos(0.3 x (y + 1)); b = a + 0.8 sin(1.3 x + 0.5 y): alike but not equal. */
    static SaliencyMap[] maps(int h, int w) {
        double[] a = new double[h * w];
        double[] b = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[y * w + x] = Math.sin(0.7 * y) + Math.cos(0.3 * x * (y + 1));
                b[y * w + x] = a[y * w + x] + 0.8 * Math.sin(1.3 * x + 0.5 * y);
            }
        }
        return new SaliencyMap[] {new SaliencyMap(h, w, a), new SaliencyMap(h, w, b)};
    }

    static SaliencyMap scaled(SaliencyMap m, double factor, double shift) {
        double[] v = m.values();
        for (int i = 0; i < v.length; i++) {
            v[i] = factor * v[i] + shift;
        }
        return new SaliencyMap(m.height(), m.width(), v);
    }

    /**
     * Reference values from python3 + numpy 2.4 (no scikit-image), written independently of Ssim: the same
     * maps, min-max normalised, then for every top-left corner of an 11x11 window wholly inside the map the
     * window's weighted sums with w = outer(g, g), g = exp(-x^2 / (2 * 1.5^2)) for x = -5..5 normalised to sum
     * 1: mu = sum(w p), var = sum(w p^2) - mu^2, cov = sum(w p q) - mu_p mu_q, SSIM = (2 mu_p mu_q + C1)
     * (2 cov + C2) / ((mu_p^2 + mu_q^2 + C1)(var_p + var_q + C2)), C1 = 1e-4, C2 = 9e-4; the mean over the
     * windows. Second value: a against -a.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({
            "11, 11, 0.8884684539397828, -0.9654905588332293",
            "12, 13, 0.8516704358585642, -0.9109562166147352",
            "16, 20, 0.8371128721080018, -0.9113851602076583"})
    void matchesTheNumpyReference(int h, int w, double alike, double negated) {
        SaliencyMap[] m = maps(h, w);
        assertThat(Ssim.between(m[0], m[1])).isCloseTo(alike, within(1e-12));
        assertThat(Ssim.between(m[0], scaled(m[0], -1, 0))).isCloseTo(negated, within(1e-12));
    }

    @Test
    void aMapIsFullySimilarToItselfAndToAnyRescalingOfIt() {
        SaliencyMap a = maps(16, 20)[0];
        assertThat(Ssim.between(a, a)).isCloseTo(1.0, within(1e-12));
        // min-max normalisation makes 3a + 5 the same map as a
        assertThat(Ssim.between(a, scaled(a, 3, 5))).isCloseTo(1.0, within(1e-12));
        SaliencyMap flat = new SaliencyMap(11, 11, new double[121]);
        assertThat(Ssim.between(flat, scaled(flat, 1, 7))).isEqualTo(1.0);
    }

    @Test
    void isSymmetric() {
        SaliencyMap[] m = maps(12, 13);
        assertThat(Ssim.between(m[1], m[0])).isCloseTo(Ssim.between(m[0], m[1]), within(1e-15));
    }

    @Test
    void aMapAgainstItsNegationIsLow() {
        SaliencyMap a = maps(16, 20)[0];
        assertThat(Ssim.between(a, scaled(a, -1, 0))).isLessThan(0.0);
    }

    @Test
    void refusesMapsOfDifferentShapeOrSmallerThanTheWindow() {
        assertThatThrownBy(() -> Ssim.between(maps(11, 12)[0], maps(12, 11)[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same shape");
        assertThatThrownBy(() -> Ssim.between(maps(10, 40)[0], maps(10, 40)[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 11x11");
    }
}
