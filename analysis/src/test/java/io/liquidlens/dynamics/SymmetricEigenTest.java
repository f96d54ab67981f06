package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    /** max |A v - lambda v| and max |v_i . v_j - delta_ij|, relative to the largest |eigenvalue|. */
    private static void assertDecomposes(double[][] a, double tolerance) {
        int n = a.length;
        SymmetricEigen e = SymmetricEigen.of(a);
        double scale = Math.max(1e-300, Math.max(Math.abs(e.values[0]), Math.abs(e.values[n - 1])));
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                assertThat(e.values[k]).isLessThanOrEqualTo(e.values[k - 1]);
            }
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * e.vectors[k][j];
                }
                assertThat(av).as("(A v - lambda v)[%d] of eigenpair %d", i, k)
                        .isCloseTo(e.values[k] * e.vectors[k][i], within(tolerance * scale));
            }
            for (int l = 0; l < n; l++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += e.vectors[k][i] * e.vectors[l][i];
                }
                assertThat(dot).isCloseTo(k == l ? 1 : 0, within(tolerance));
            }
        }
    }

    private static double[][] random(int n, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        return a;
    }

    @Test
    void randomMatricesOfManySizes() {
        for (int n : new int[] {1, 2, 3, 5, 19, 64, 150}) {
            assertDecomposes(random(n, n), 1e-12);
        }
    }

    @Test
    void handCheckedSmallCases() {
        // [[2, 1], [1, 2]]: 3 along (1, 1), 1 along (1, -1)
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});
        assertThat(e.values).containsExactly(new double[] {3, 1}, within(1e-15));
        assertThat(Math.abs(e.vectors[0][0])).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(e.vectors[0][0] * e.vectors[0][1]).isCloseTo(0.5, within(1e-15));
        assertThat(SymmetricEigen.of(new double[][] {{4}}).values).containsExactly(4);
        assertThat(SymmetricEigen.of(new double[0][0]).values).isEmpty();
    }

    @Test
    void repeatedZeroAndDiagonalSpectra() {
        assertDecomposes(new double[4][4], 1e-15);
        assertDecomposes(new double[][] {{1, 0, 0}, {0, 3, 0}, {0, 0, 2}}, 1e-15);
        // rank one: u u^T, eigenvalue |u|^2 = 30.25 once and 0 four times
        double[] u = {1, -2, 3, 0.5, 4};
        double[][] a = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                a[i][j] = u[i] * u[j];
            }
        }
        assertDecomposes(a, 1e-13);
        assertThat(SymmetricEigen.of(a).values[0]).isCloseTo(30.25, within(1e-12));
        // a covariance of states with a few times 1e-8 the scale of the others in one direction
        double[][] b = random(12, 3);
        for (int i = 0; i < 12; i++) {
            b[i][i] += 20;
            b[i][0] *= 1e-4;
            b[0][i] *= 1e-4;
        }
        assertDecomposes(b, 1e-12);
    }

    @Test
    void aMatrixWithNaNIsRefusedNotLooped() {
        double[][] a = random(6, 1);
        a[2][3] = Double.NaN;
        a[3][2] = Double.NaN;
        assertThatThrownBy(() -> SymmetricEigen.of(a)).isInstanceOf(ArithmeticException.class);
    }
}
