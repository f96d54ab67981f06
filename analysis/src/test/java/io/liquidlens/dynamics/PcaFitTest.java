package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What PCA refuses, in one line each, before it allocates its covariance. */
class PcaFitTest {

    @Test
    void tooManyNeuronsAreRefusedNamingTheLimitAndTheCount() {
        int cols = Pca.MAX_NEURONS + 1;
        assertThatThrownBy(() -> PcaFit.fit(new double[2 * cols], 2, IntStream.range(0, cols).toArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + Pca.MAX_NEURONS + " neurons")
                .hasMessageContaining("has " + cols);
    }

    @Test
    void nonFiniteStatesAreRefusedWithTheirCount() {
        double[] x = new double[12];
        Arrays.setAll(x, i -> i * i);
        x[4] = Double.NaN;
        x[7] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> PcaFit.fit(x, 4, new int[] {0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the states hold 2 NaN or infinite value(s) (the model diverged?), so there is no PCA");
        assertThat(PcaFit.refusal(x, 1, 3)).isEqualTo("PCA needs at least 2 steps, got 1");
    }

    @Test
    void aConstantNeuronGetsNoVarianceAndTheRestKeepTheirs() {
        double[] x = {1, 5, 0, 2, 5, 1, 3, 5, 0, 4, 5, 1};
        Pca pca = PcaFit.fit(x, 4, new int[] {0, 1, 2});
        double[] ratio = pca.explainedVarianceRatio();
        assertThat(Arrays.stream(ratio).sum()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ratio[2]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-15));
        // the constant neuron (column 1) takes no part in the components that carry variance
        assertThat(pca.components()[0][1]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(pca.components()[1][1]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void sizesArePassedOrRefusedBeforeTheMatrixIsMade() {
        assertThat(PcaFit.sizeRefusal(1_000, 19)).isNull();
        assertThat(PcaFit.sizeRefusal(1, 19)).isEqualTo("PCA needs at least 2 steps, got 1");
        assertThat(PcaFit.sizeRefusal(100, Pca.MAX_NEURONS + 1))
                .startsWith("PCA reads at most 2000 neurons");
        assertThat(PcaFit.sizeRefusal(2_000_000, 2_000))
                .contains("more values than one array holds");
    }
}
