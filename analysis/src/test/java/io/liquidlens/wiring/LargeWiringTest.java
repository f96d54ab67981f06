package io.liquidlens.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Wirings larger than the fixtures: the PCG64 tail-shuffle path inside Random, and AutoNCP build time. */
class LargeWiringTest {

    /**
     * Random(110, sparsity 0.5) on 100 inputs samples from 12,100 and 11,000 pairs, both above numpy's
     * 10,000 cut-off, so both samples take the tail-shuffle path. Expected values were printed by this
     * numpy 2.4 script, which follows ncps's {@code Random} source line by line:
     * <pre>
     * rng = np.random.default_rng(1111)
     * used = rng.choice([(a, b) for a in range(110) for b in range(110)], size=6050, replace=False)
     * for a, b in used: adj[a, b] = rng.choice([-1, 1, 1])
     * used = rng.choice([(a, b) for a in range(100) for b in range(110)], size=5500, replace=False)
     * for a, b in used: rng.choice([-1, 1, 1]); sens[a, b] = rng.choice([-1, 1, 1])
     * </pre>
     */
    @Test
    void randomWiringOverMoreThan10000PairsMatchesNumpy() {
        Wiring w = new RandomSpec(110, 2, 0.5, 1111).build(100);
        int[][] adj = w.adjacencyMatrix();
        int[][] sens = w.sensoryAdjacencyMatrix();
        assertThat(w.synapseCount()).isEqualTo(6050);
        assertThat(w.sensorySynapseCount()).isEqualTo(5500);
        assertThat(sum(adj)).isEqualTo(1982);
        assertThat(sum(sens)).isEqualTo(1834);
        assertThat(weightedSum(adj)).isEqualTo(11588481L);
        assertThat(weightedSum(sens)).isEqualTo(10030097L);
        assertThat(adj[0]).startsWith(-1, -1, 0, 1, -1, 0, 1, -1, 0, 0, 0, 0, 0, -1, -1, 0, -1, 0, 1, 0);
        assertThat(sens[0]).startsWith(-1, 1, 0, 1, 1, 0, 0, -1, 0, 1, 0, -1, 0, 1, 0, 1, 0, 0, 0, 0);
    }

    private static long sum(int[][] m) {
        long s = 0;
        for (int[] row : m) {
            for (int v : row) {
                s += v;
            }
        }
        return s;
    }

    /** Sum of polarity times flat index (row * columns + column): sensitive to every entry's place. */
    private static long weightedSum(int[][] m) {
        long s = 0;
        int cols = m[0].length;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < cols; j++) {
                s += (long) m[i][j] * (i * cols + j);
            }
        }
        return s;
    }

    @Test
    void autoNcpWith256UnitsBuildsWellUnderASecond() {
        long start = System.nanoTime();
        Wiring w = new AutoNcpSpec(256, 8).build(64);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(w.units()).isEqualTo(256);
        assertThat(took).isLessThan(Duration.ofMillis(500));
    }
}
