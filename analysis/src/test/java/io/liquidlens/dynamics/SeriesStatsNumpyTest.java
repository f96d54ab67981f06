package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Correlations, percentiles and L_max against NumPy and SciPy on the recorded states of a sample rollout
 * ({@code dynamics/make_pca_fixture.py} made the numbers).
 */
class SeriesStatsNumpyTest {

    private static final Map<String, NdArray> SERIES = Npz.read(PcaScikitLearnTest.resource("series_fixture.npz"));
    private static final NdArray STATES = Npz.read(PcaScikitLearnTest.resource("pca_fixture.npz")).get("states_x");

    private static double[] column(NdArray matrix, int c) {
        double[] all = matrix.toDoubleArray();
        int cols = matrix.dim(1);
        double[] out = new double[matrix.dim(0)];
        for (int r = 0; r < out.length; r++) {
            out[r] = all[r * cols + c];
        }
        return out;
    }

    private static int neurons() {
        return STATES.dim(1);
    }

    @Test
    void pearsonIsNumpysCorrcoef() {
        double[] target = SERIES.get("target").toDoubleArray();
        double[] expected = SERIES.get("pearson").toDoubleArray();
        for (int n = 0; n < neurons(); n++) {
            assertThat(SeriesStats.correlation(column(STATES, n), target).pearson()).as("neuron %d", n)
                    .isCloseTo(expected[n], within(1e-12));
        }
    }

    @Test
    void spearmanWithManyTiesIsScipys() {
        double[] target = SERIES.get("target").toDoubleArray();
        double[] expected = SERIES.get("spearman").toDoubleArray();
        NdArray rounded = SERIES.get("rounded");
        for (int n = 0; n < neurons(); n++) {
            double[] x = column(rounded, n);
            assertThat(Arrays.stream(x).distinct().count()).as("ties in neuron %d", n).isLessThan(x.length);
            assertThat(SeriesStats.correlation(x, target).spearman()).as("neuron %d", n)
                    .isCloseTo(expected[n], within(1e-12));
        }
    }

    @Test
    void percentilesAreNumpysLinearInterpolation() {
        NdArray percentiles = SERIES.get("percentiles");
        double[] q = {0.1, 0.5, 0.9};
        for (int n = 0; n < neurons(); n++) {
            double[] sorted = column(STATES, n);
            Arrays.sort(sorted);
            for (int k = 0; k < q.length; k++) {
                assertThat(SeriesStats.percentile(sorted, q[k])).as("neuron %d, q %s", n, q[k])
                        .isCloseTo(column(percentiles, n)[k], within(1e-12));
            }
        }
    }

    @Test
    void lmaxDividesEachChangeByTheTimespanOfTheStepThatMadeIt() {
        float[] dt = SERIES.get("timespans").toFloatArray();
        double[] expected = SERIES.get("lmax").toDoubleArray();
        for (int n = 0; n < neurons(); n++) {
            assertThat(SeriesStats.lmax(column(STATES, n), dt)).as("neuron %d", n)
                    .isCloseTo(expected[n], within(1e-12 * expected[n]));
        }
    }

    @Test
    void handCheckedSmallCases() {
        // ranks of 3, 1, 3, 2: the two 3s share ranks 3 and 4
        assertThat(SeriesStats.ranks(new double[] {3, 1, 3, 2})).containsExactly(3.5, 1, 3.5, 2);
        // rounding makes -0.0 of small negative states: it ties with 0.0
        assertThat(SeriesStats.ranks(new double[] {0.0, -0.0, 1})).containsExactly(1.5, 1.5, 3);
        // q = 0.1 of 4 values sits at position 0.3 between the first two
        assertThat(SeriesStats.percentile(new double[] {1, 2, 4, 8}, 0.1)).isCloseTo(1.3, within(1e-15));
        assertThat(SeriesStats.percentile(new double[] {1, 2, 4, 8}, 0.9)).isCloseTo(6.8, within(1e-15));
        // changes 1, 3, 1 over timespans 0.5, 2, 0.25: rates 2, 1.5, 4
        assertThat(SeriesStats.lmax(new double[] {0, 1, 4, 3}, new float[] {9, 0.5f, 2, 0.25f})).isEqualTo(4);
        assertThat(SeriesStats.lmax(new double[] {5}, null)).isNaN();
        assertThat(SeriesStats.correlation(new double[] {1, 2, 3}, new double[] {2, 2, 2}).pearson()).isNaN();
        Correlation withNaN = SeriesStats.correlation(new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3});
        assertThat(withNaN.pearson()).isNaN();
        assertThat(withNaN.spearman()).isNaN();
        assertThat(SeriesStats.correlation(new double[] {1, 2, 3, 4}, new double[] {1, 8, 27, 64}).spearman())
                .isEqualTo(1.0);
    }
}
