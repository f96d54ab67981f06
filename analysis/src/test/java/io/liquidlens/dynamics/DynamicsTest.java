package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.testing.RolloutSlices;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicsTest {

    private static Path sample(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.isDirectory(root.resolve(what))) {
                return root.resolve(what);
            }
        }
        throw new IllegalStateException("no " + what);
    }

    private static final LoadedModel MODEL = LoadedModel.load(sample("sample-models/vector-lanekeeping"));

    private static List<LabelledRollout> episodes(int count, int steps) {
        List<Path> files = Rollouts.list(List.of(sample("sample-traces/vector-lanekeeping/clean")));
        return files.subList(0, count).stream()
                .map(f -> new LabelledRollout(f.getFileName().toString(), RolloutSlices.head(Rollouts.read(f), steps)))
                .toList();
    }

    @Test
    void pcaOfPointsOnALineHasOneComponentWithAllTheVariance() {
        double[] x = {0, 0, 1, 2, 2, 4, 3, 6, -1, -2};
        Pca pca = PcaFit.fit(x, 5, new int[] {0, 1});
        assertThat(pca.explainedVarianceRatio()[0]).isCloseTo(1.0, within(1e-12));
        assertThat(pca.explainedVarianceRatio()[1]).isCloseTo(0.0, within(1e-12));
        // variance along (1, 2)/sqrt(5): the points are t * (1, 2), t = 0, 1, 2, 3, -1, var(t) = 2.5
        assertThat(pca.explainedVariance()[0]).isCloseTo(2.5 * 5, within(1e-12));
        assertThat(pca.components()[0][0]).isCloseTo(1 / Math.sqrt(5), within(1e-12));
        assertThat(pca.components()[0][1]).isCloseTo(2 / Math.sqrt(5), within(1e-12));
    }

    @Test
    void pcaComponentsAreEigenvectorsOfTheCovariance() {
        java.util.Random rng = new java.util.Random(3);
        int rows = 200;
        int cols = 7;
        double[] x = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double common = rng.nextGaussian();
            for (int c = 0; c < cols; c++) {
                x[r * cols + c] = common * (c + 1) + 0.3 * rng.nextGaussian() + c;
            }
        }
        Pca pca = PcaFit.fit(x, rows, new int[] {0, 1, 2, 3, 4, 5, 6});
        double[][] cov = new double[cols][cols];
        double[] mean = pca.mean();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    cov[i][j] += (x[r * cols + i] - mean[i]) * (x[r * cols + j] - mean[j]) / (rows - 1);
                }
            }
        }
        for (int k = 0; k < cols; k++) {
            double[] v = pca.components()[k];
            for (int i = 0; i < cols; i++) {
                double cv = 0;
                for (int j = 0; j < cols; j++) {
                    cv += cov[i][j] * v[j];
                }
                assertThat(cv).isCloseTo(pca.explainedVariance()[k] * v[i], within(1e-9));
            }
        }
        assertThat(Arrays.stream(pca.explainedVarianceRatio()).sum()).isCloseTo(1.0, within(1e-12));
        assertThat(pca.pc1Share()).isGreaterThan(0.9);
    }

    @Test
    void spearmanRanksTiesByTheirAverageAndSeesMonotoneAsPerfect() {
        assertThat(SeriesStats.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
        double[] a = {1, 2, 3, 4, 5};
        double[] cube = {1, 8, 27, 64, 125};
        assertThat(SeriesStats.correlation(a, cube).spearman()).isCloseTo(1.0, within(1e-12));
        assertThat(SeriesStats.correlation(a, cube).pearson()).isLessThan(0.99);
        assertThat(SeriesStats.pearson(a, new double[] {2, 2, 2, 2, 2})).isNaN();
        // numpy.percentile([1, 2, 3, 4], 10) == 1.3
        assertThat(SeriesStats.percentile(new double[] {1, 2, 3, 4}, 0.1)).isCloseTo(1.3, within(1e-12));
    }

    @Test
    void vectorSampleGivesEveryNeuronAndAPcaWithoutTheMotorNeuron() {
        DynamicsResult result = Dynamics.analyse(MODEL.network(), "vector-lanekeeping", episodes(2, 120),
                DynamicsOptions.defaults(), ProgressListener.NONE);
        int n = MODEL.network().stateSize();
        assertThat(result.neurons()).hasSize(n);
        var wiring = MODEL.network().wiring().orElseThrow();
        assertThat(Arrays.stream(result.pca().neurons()).boxed()).allMatch(i -> wiring.role(i) != NeuronRole.MOTOR)
                .hasSize((int) java.util.stream.IntStream.range(0, n)
                        .filter(i -> wiring.role(i) != NeuronRole.MOTOR).count());
        assertThat(result.pca().samples()).isEqualTo(240);
        assertThat(result.pca().pc1Share()).isBetween(0.0, 1.0);
        for (NeuronDynamics neuron : result.neurons()) {
            assertThat(neuron.lmax()).isGreaterThanOrEqualTo(0);
            assertThat(neuron.tauP10()).isLessThanOrEqualTo(neuron.tauMedian());
            assertThat(neuron.tauMedian()).isLessThanOrEqualTo(neuron.tauP90());
            assertThat(neuron.corrWorld()).containsKeys("d_lane", "x", "y");
        }
        RolloutDynamics first = result.rollouts().get(0);
        assertThat(first.hasMap()).isTrue();
        assertThat(first.pc1()).hasSize(120);
        // the trajectory is the projection of the states: recompute one step by hand
        float[] state = first.activity().statesAt(17);
        assertThat((double) first.pc1()[17]).isCloseTo(result.pca().project(state, 0), within(1e-5));
        assertThat(result.sensitivity().max()).isGreaterThan(0).isGreaterThanOrEqualTo(result.sensitivity().median());
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void includeMotorKeepsEveryNeuronAndTheSameSeedGivesTheSameSensitivity() {
        DynamicsOptions with = new DynamicsOptions(true, 0.01, 2, 5L);
        DynamicsResult a = Dynamics.analyse(MODEL.network(), "m", episodes(1, 60), with, ProgressListener.NONE);
        DynamicsResult b = Dynamics.analyse(MODEL.network(), "m", episodes(1, 60), with, ProgressListener.NONE);
        assertThat(a.pca().neurons()).hasSize(MODEL.network().stateSize());
        assertThat(a.sensitivity()).isEqualTo(b.sensitivity());
        DynamicsResult other = Dynamics.analyse(MODEL.network(), "m", episodes(1, 60),
                new DynamicsOptions(true, 0.01, 2, 6L), ProgressListener.NONE);
        assertThat(other.sensitivity().max()).isNotEqualTo(a.sensitivity().max());
    }

    @Test
    void aRolloutWithoutPositionsIsNotedAndTooFewStepsAreRefused() {
        Rollout r = episodes(1, 30).get(0).rollout();
        Rollout bare = Rollout.ofInputs(r.inputs());
        DynamicsResult result = Dynamics.analyse(MODEL.network(), "m", List.of(new LabelledRollout("bare.npz", bare)),
                DynamicsOptions.defaults(), ProgressListener.NONE);
        assertThat(result.rollouts().get(0).hasMap()).isFalse();
        assertThat(result.notes()).anyMatch(n -> n.startsWith("bare.npz has no world columns x, y"));
        Rollout one = RolloutSlices.head(r, 1);
        assertThatThrownBy(() -> Dynamics.analyse(MODEL.network(), "m", List.of(new LabelledRollout("one.npz", one)),
                DynamicsOptions.defaults(), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    @Test
    void recordedStatesOfThisModelRaiseNoNoteAndChangedOnesAreNamed() {
        LabelledRollout own = episodes(1, 80).get(0);
        assertThat(own.rollout().states()).isNotNull();
        DynamicsResult same = Dynamics.analyse(MODEL.network(), "m", List.of(own), DynamicsOptions.defaults(),
                ProgressListener.NONE);
        assertThat(same.notes()).isEmpty();
        Rollout r = own.rollout();
        float[] states = r.states().toFloatArray();
        states[5 * r.states().dim(1) + 2] += 0.01f;
        Rollout changed = new Rollout(r.inputs(), r.timespans(), r.actions(),
                io.liquidlens.io.NdArray.ofFloats(r.states().shape(), states), r.world(), r.worldNames(), r.position(),
                r.labels(), r.extras());
        DynamicsResult other = Dynamics.analyse(MODEL.network(), "m", List.of(new LabelledRollout("other.npz", changed)),
                DynamicsOptions.defaults(), ProgressListener.NONE);
        assertThat(other.notes()).singleElement().asString()
                .startsWith("other.npz: its recorded states differ from this model's by up to 0.01")
                .contains("(step 5)");
    }
}
