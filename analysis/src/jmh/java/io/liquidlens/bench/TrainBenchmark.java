package io.liquidlens.bench;

import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.train.Adam;
import io.liquidlens.train.CurveWeightedLoss;
import io.liquidlens.train.GradientClipping;
import io.liquidlens.train.NcpsInit;
import io.liquidlens.train.RolloutObjective;
import io.liquidlens.train.TrainingData;
import io.liquidlens.train.TrainingWindows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training throughput: one optimizer update (forward and backward over a batch of {@value #BATCH} windows
 * of {@value #WINDOW} steps on every core, the curve-weighted loss, clipping, Adam) for ncps's
 * AutoNCP(19, 1) LTC on 32 inputs, initialised as ncps does. Score = windows per second (each window is
 * {@value #WINDOW} steps).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainBenchmark {
    static final int BATCH = 32;
    static final int WINDOW = 16;

    private SequenceGradient ltc;
    private RolloutObjective objective;
    private List<TrainingWindows.Window> batch;
    private Adam adam;
    private double[] grad;

    /** The model, 32 episodes of one window each with random inputs and actions, and the optimizer. */
    @Setup
    public void setUp() {
        ltc = SequenceGradient.fromStateDict(BenchModels.ltcSpec(), NcpsInit.initialStateDict(BenchModels.ltcSpec(), 1));
        Random rng = new Random(5);
        List<Rollout> episodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int e = 0; e < BATCH; e++) {
            float[] x = new float[WINDOW * BenchModels.INPUTS];
            float[] y = new float[WINDOW];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            for (int t = 0; t < WINDOW; t++) {
                y[t] = (float) (0.3 * rng.nextGaussian());
            }
            episodes.add(new Rollout(NdArray.ofFloats(new int[] {WINDOW, BenchModels.INPUTS}, x), null,
                    NdArray.ofFloats(new int[] {WINDOW, 1}, y), null, null, List.of(), null, null, Map.of()));
            names.add("episode-" + e);
        }
        TrainingData data = TrainingData.of(episodes, names, BenchModels.INPUTS, 1, true);
        objective = new RolloutObjective(ltc, data, new CurveWeightedLoss(0.5));
        batch = TrainingWindows.of(data.episodeLengths(), WINDOW);
        boolean[] trainable = new boolean[ltc.params().size()];
        ltc.params().params().forEach(p -> java.util.Arrays.fill(trainable, p.offset(), p.offset() + p.size(),
                p.trainable()));
        adam = Adam.withDefaults(1e-4, trainable);
        grad = ltc.params().newGradient();
    }

    /** One update on the batch. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double update() {
        double loss = objective.lossAndGradient(batch, grad);
        GradientClipping.clipByNorm(grad, 1.0);
        adam.step(ltc.params().values(), grad);
        return loss;
    }
}
