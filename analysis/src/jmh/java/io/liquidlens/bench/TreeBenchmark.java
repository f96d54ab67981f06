package io.liquidlens.bench;

import io.liquidlens.tree.DecisionTree;
import io.liquidlens.tree.J48Options;
import io.liquidlens.tree.LabelBins;
import io.liquidlens.tree.TreeDataset;
import io.liquidlens.tree.weka.J48Learner;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Learning one J48 tree (J48's defaults, through {@link J48Learner}: the Weka table, the build, the conversion to
 * our {@link DecisionTree}) on {@value #ROWS} steps x {@value #FEATURES} features, as a data set of 100 episodes of
 * 1,000 steps of 12 neurons would give. The features are smooth random walks (like neuron states) and the class
 * (right / straight / left) a noisy function of three of them, so the tree grows to a realistic size. Score =
 * seconds per tree; the target is under 5 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class TreeBenchmark {
    static final int ROWS = 100_000;
    static final int FEATURES = 12;
    static final int EPISODES = 100;

    private TreeDataset data;
    private int[] rows;
    private J48Learner learner;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(42);
        double[] v = new double[ROWS * FEATURES];
        double[] d = new double[ROWS];
        int[] labels = new int[ROWS];
        int[] ep = new int[ROWS];
        int[] step = new int[ROWS];
        double[] x = new double[FEATURES];
        int perEpisode = ROWS / EPISODES;
        for (int i = 0; i < ROWS; i++) {
            if (i % perEpisode == 0) {
                java.util.Arrays.fill(x, 0);
            }
            for (int f = 0; f < FEATURES; f++) {
                x[f] = 0.98 * x[f] + 0.1 * rng.nextGaussian();
                v[i * FEATURES + f] = x[f];
            }
            d[i] = Math.tanh(2 * x[0] - x[3] + 0.5 * x[7] * x[1]) + 0.2 * rng.nextGaussian();
            labels[i] = d[i] < -0.2 ? 0 : d[i] > 0.2 ? 2 : 1;
            ep[i] = i / perEpisode;
            step[i] = i % perEpisode;
        }
        List<String> names = new ArrayList<>();
        for (int f = 0; f < FEATURES; f++) {
            names.add("command " + f + " (id " + (f + 1) + ")");
        }
        List<TreeDataset.EpisodeInfo> info = new ArrayList<>();
        for (int e = 0; e < EPISODES; e++) {
            info.add(new TreeDataset.EpisodeInfo("episode-" + e, perEpisode, "recorded"));
        }
        data = new TreeDataset(names, v, d, labels,
                new LabelBins(List.of("right", "straight", "left"), new double[] {-0.2, 0.2}, "benchmark"), ep, info,
                step);
        rows = new int[ROWS];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = i;
        }
        learner = new J48Learner();
    }

    /** One tree from all rows. */
    @Benchmark
    public DecisionTree j48On100kStepsBy12Features() {
        return learner.learn(data, rows, J48Options.defaults());
    }
}
