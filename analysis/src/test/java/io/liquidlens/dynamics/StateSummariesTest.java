package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.stats.Blocks;
import io.liquidlens.testing.RolloutSlices;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateSummariesTest {

    private static final LiquidModel MODEL = LoadedModel.load(Path.of("..", "sample-models/vector-lanekeeping"))
            .network();

    /** The states Dynamics simulates, in state order (the order a replay writes them). */
    private static float[] statesInStateOrder(DynamicsResult result, int rollout) {
        var activity = result.rollouts().get(rollout).activity();
        int n = MODEL.stateSize();
        int[] ids = MODEL.stateNeuronIds();
        float[] out = new float[activity.steps() * n];
        for (int t = 0; t < activity.steps(); t++) {
            for (int p = 0; p < n; p++) {
                out[t * n + p] = activity.state(t, ids[p]);
            }
        }
        return out;
    }

    @Test
    void figuresAreThoseOfTheDynamicsAnalysisWithIntervalsAroundThem() {
        List<Path> files = Rollouts.list(List.of(Path.of("..", "sample-traces/vector-lanekeeping/clean")));
        List<LabelledRollout> two = List.of(
                new LabelledRollout("a", RolloutSlices.head(Rollouts.read(files.get(0)), 300)),
                new LabelledRollout("b", RolloutSlices.head(Rollouts.read(files.get(1)), 200)));
        DynamicsResult full = Dynamics.analyse(MODEL, "m", two, new DynamicsOptions(false, 0.01, 0, 0),
                ProgressListener.NONE);
        StateSummary s = StateSummaries.of(MODEL, List.of(statesInStateOrder(full, 0), statesInStateOrder(full, 1)),
                Arrays.asList(null, null), 1, 0.95);
        assertThat(s.steps()).isEqualTo(500);
        assertThat(s.pcaNeurons()).isEqualTo(full.pca().neurons().length);
        assertThat(s.pc1Share()).isEqualTo(full.pca().pc1Share());
        double[] lmax = full.neurons().stream().mapToDouble(NeuronDynamics::lmax).sorted().toArray();
        assertThat(s.lmaxMax()).isEqualTo(lmax[lmax.length - 1]);
        assertThat(s.lmaxMedian()).isEqualTo(SeriesStats.percentile(lmax, 0.5));
        assertThat(s.pc1ShareCi().isDefined()).isTrue();
        assertThat(s.pc1ShareCi().low()).isLessThan(s.pc1Share());
        assertThat(s.pc1ShareCi().high()).isGreaterThan(s.pc1Share()).isLessThanOrEqualTo(1);
        assertThat(s.lmaxMedianCi().contains(s.lmaxMedian())).isTrue();
        assertThat(s.lmaxMaxCi().high()).isLessThanOrEqualTo(s.lmaxMax());
        // 500 steps: blocks of round(cbrt(500)) = 8 steps, 38 in the first rollout and 25 in the second
        assertThat(s.resampling()).isEqualTo("contiguous blocks of 8 frames within each of 2 episodes (63 blocks)");
        assertThat(StateSummaries.of(MODEL, List.of(statesInStateOrder(full, 0), statesInStateOrder(full, 1)),
                Arrays.asList(null, null), 1, 0.95)).isEqualTo(s);
    }

    @Test
    void divergedStatesLeaveOutPcaSayingWhyAndKeepTheSmoothness() {
        int n = MODEL.stateSize();
        float[] states = new float[50 * n];
        for (int i = 0; i < states.length; i++) {
            states[i] = (float) Math.sin(i * 0.37);
        }
        Arrays.fill(states, 30 * n, 31 * n, Float.NaN);
        StateSummary s = StateSummaries.of(MODEL, List.of(states), Arrays.asList((float[]) null), 1, 0.95);
        assertThat(s.pc1Share()).isNaN();
        assertThat(s.pc1ShareCi().isDefined()).isFalse();
        assertThat(s.resampling()).endsWith("; the states hold " + s.pcaNeurons() + " NaN or infinite value(s)"
                + " (the model diverged?), so there is no PCA");
        assertThat(s.lmaxMax()).isPositive();
    }

    @Test
    void blockSumsGiveThePcaOfTheDrawnStepsRepeatsIncluded() {
        Random rng = new Random(9);
        int rows = 40;
        int cols = 4;
        double[] x = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double common = rng.nextGaussian();
            for (int c = 0; c < cols; c++) {
                x[r * cols + c] = 5 + common * (c + 1) + 0.5 * rng.nextGaussian();
            }
        }
        Blocks blocks = Blocks.of(new int[rows]);
        BlockSums sums = BlockSums.of(x, cols, blocks);
        int[] pick = {3, 3, 0, blocks.count() - 1, 1};
        int drawn = 0;
        for (int b : pick) {
            drawn += blocks.end(b) - blocks.start(b);
        }
        double[] rowsDrawn = new double[drawn * cols];
        int at = 0;
        for (int b : pick) {
            for (int r = blocks.start(b); r < blocks.end(b); r++, at++) {
                System.arraycopy(x, r * cols, rowsDrawn, at * cols, cols);
            }
        }
        Pca direct = PcaFit.fit(rowsDrawn, drawn, new int[] {0, 1, 2, 3});
        Pca whole = PcaFit.fit(x, rows, new int[] {0, 1, 2, 3});
        assertThat(sums.pc1Share(pick, whole.components()[0])).isCloseTo(direct.pc1Share(), within(1e-10));
    }
}
