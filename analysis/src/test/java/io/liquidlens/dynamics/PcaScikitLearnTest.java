package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our PCA against scikit-learn 1.2's {@code PCA()} on the matrices of {@code dynamics/make_pca_fixture.py}: a
 * correlated random walk, a rank-deficient matrix with a constant column, fewer steps than neurons, and the recorded
 * states of a sample rollout.
 */
class PcaScikitLearnTest {

    /** Below this share a component is noise in the null space: its direction is arbitrary in both programs. */
    private static final double NULL_SPACE = 1e-10;

    private static final Map<String, NdArray> FIXTURE = Npz.read(resource("pca_fixture.npz"));

    static Path resource(String name) {
        try {
            return Path.of(PcaScikitLearnTest.class.getResource("/dynamics/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Pca fit(String name) {
        NdArray x = FIXTURE.get(name + "_x");
        return PcaFit.fit(x.toDoubleArray(), x.dim(0), IntStream.range(0, x.dim(1)).toArray());
    }

    private static double[] array(String key) {
        return FIXTURE.get(key).toDoubleArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"walk", "rank", "wide", "states"})
    void ratiosAndVariancesAreScikitLearns(String name) {
        Pca pca = fit(name);
        double[] ratio = array(name + "_ratio");
        double[] variance = array(name + "_variance");
        assertThat(pca.explainedVarianceRatio()).hasSameSizeAs(ratio);
        for (int k = 0; k < ratio.length; k++) {
            assertThat(pca.explainedVarianceRatio()[k]).as("ratio %d", k).isCloseTo(ratio[k], within(1e-6));
            // the covariance is formed before it is decomposed, so a variance near zero carries rounding of
            // about 1e-16 of the largest: below a millionth of the largest, 1e-12 of the largest is the bound
            double scale = Math.max(variance[k], 1e-6 * variance[0]);
            assertThat(pca.explainedVariance()[k]).as("variance %d", k)
                    .isCloseTo(variance[k], within(1e-6 * scale));
        }
        assertThat(pca.mean()).containsExactly(array(name + "_mean"), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"walk", "rank", "wide", "states"})
    void componentsAndProjectionsAreScikitLearnsSignsIncluded(String name) {
        Pca pca = fit(name);
        NdArray expected = FIXTURE.get(name + "_components");
        double[] components = expected.toDoubleArray();
        int cols = expected.dim(1);
        double[] ratio = pca.explainedVarianceRatio();
        int checked = 0;
        for (int k = 0; k < ratio.length && ratio[k] > NULL_SPACE; k++, checked++) {
            for (int c = 0; c < cols; c++) {
                assertThat(pca.components()[k][c]).as("component %d, neuron %d", k, c)
                        .isCloseTo(components[k * cols + c], within(1e-6));
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
        NdArray x = FIXTURE.get(name + "_x");
        double[] rows = x.toDoubleArray();
        double[] projection = array(name + "_projection");
        double spread = Math.sqrt(pca.explainedVariance()[0]);
        for (int r = 0; r < x.dim(0); r++) {
            double[] row = java.util.Arrays.copyOfRange(rows, r * cols, (r + 1) * cols);
            for (int k = 0; k < 2; k++) {
                assertThat(pca.projectRow(row, k)).as("step %d on PC%d", r, k + 1)
                        .isCloseTo(projection[r * 2 + k], within(1e-6 * spread));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rank", "wide"})
    void componentsWithoutVarianceAreStillOrthonormal(String name) {
        double[][] c = fit(name).components();
        for (int i = 0; i < c.length; i++) {
            for (int j = 0; j < c.length; j++) {
                double dot = 0;
                for (int k = 0; k < c[i].length; k++) {
                    dot += c[i][k] * c[j][k];
                }
                assertThat(dot).as("component %d . component %d", i, j).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
    }
}
