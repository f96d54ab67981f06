package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Adam, gradient clipping and the curve-weighted loss. */
class OptimisationTest {

    @Test
    void adamsFirstStepMovesEachTrainedEntryByTheLearningRateAgainstItsGradient() {
        // with bias correction, m_hat = g and v_hat = g^2 after one step: the step is lr * g / (|g| + eps)
        double[] x = {1.0, -2.0, 3.0, 4.0};
        double[] g = {0.5, -3.0, 1e-3, 7.0};
        Adam adam = Adam.withDefaults(0.01, new boolean[] {true, true, true, false});
        adam.step(x, g);
        assertThat(x[0]).isCloseTo(0.99, offset(1e-9));
        assertThat(x[1]).isCloseTo(-1.99, offset(1e-9));
        assertThat(x[2]).isCloseTo(2.99, offset(1e-7));
        assertThat(x[3]).isEqualTo(4.0);
        assertThat(adam.steps()).isEqualTo(1);
    }

    @Test
    void aRateScaleMultipliesEachEntrysStep() {
        double[] x = {1.0, 1.0, 1.0};
        double[] g = {1.0, 1.0, 1.0};
        Adam adam = Adam.withDefaults(0.01, new boolean[] {true, true, false}, new double[] {1.0, 5.0, 5.0});
        adam.step(x, g);
        assertThat(x[0]).isCloseTo(0.99, offset(1e-9));
        assertThat(x[1]).isCloseTo(0.95, offset(1e-9));
        assertThat(x[2]).isEqualTo(1.0);
        assertThatThrownBy(() -> Adam.withDefaults(0.01, new boolean[2], new double[3])).hasMessageContaining("3 entries");
    }

    @Test
    void adamMinimisesAnIllConditionedQuadratic() {
        double[] x = {3.0, -4.0};
        Adam adam = Adam.withDefaults(0.05, new boolean[] {true, true});
        for (int i = 0; i < 2000; i++) {
            double[] g = {2 * 100 * x[0], 2 * 0.01 * x[1]};
            adam.step(x, g);
        }
        assertThat(Math.abs(x[0])).isLessThan(1e-2);
        assertThat(Math.abs(x[1])).isLessThan(1e-1);
    }

    @Test
    void adamRejectsNonsenseSettings() {
        assertThatThrownBy(() -> Adam.withDefaults(0, new boolean[1])).hasMessageContaining("lr");
    }

    @Test
    void clippingScalesLargeGradientsToTheNormAndLeavesSmallOnes() {
        double[] g = {3, 4};
        assertThat(GradientClipping.clipByNorm(g, 1.0)).isEqualTo(5.0);
        assertThat(Math.hypot(g[0], g[1])).isCloseTo(1.0, offset(1e-6));
        assertThat(g[0] / g[1]).isCloseTo(0.75, offset(1e-12));
        double[] small = {0.3, 0.4};
        GradientClipping.clipByNorm(small, 1.0);
        assertThat(small).containsExactly(0.3, 0.4);
        assertThat(GradientClipping.clipByNorm(new double[] {Double.NaN}, 1.0)).isNaN();
    }

    @Test
    void curveWeightedLossWeighsCurvesAndItsGradientMatchesFiniteDifferences() {
        CurveWeightedLoss loss = new CurveWeightedLoss(2.0);
        double[] pred = {0.1, -0.3, 0.7};
        double[] target = {0.0, -0.5, 1.0};
        double[] d = new double[3];
        double sum = loss.sumAndGradient(pred, 0, target, 0, 3, d, 0);
        double expected = 0.01 + Math.exp(1.0) * 0.04 + Math.exp(2.0) * 0.09;
        assertThat(sum).isCloseTo(expected, offset(1e-12));
        for (int i = 0; i < 3; i++) {
            double h = 1e-6;
            double[] up = pred.clone();
            double[] down = pred.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (loss.sumAndGradient(up, 0, target, 0, 3, new double[3], 0)
                    - loss.sumAndGradient(down, 0, target, 0, 3, new double[3], 0)) / (2 * h);
            assertThat(d[i]).isCloseTo(fd, offset(1e-6));
        }
        assertThatThrownBy(() -> new CurveWeightedLoss(-1)).hasMessageContaining("alpha");
    }
}
