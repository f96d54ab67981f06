package io.liquidlens.bench;

import io.liquidlens.grad.FrameSequenceGradient;
import io.liquidlens.grad.ReverseModel;
import io.liquidlens.head.HeadInit;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.head.ImageShape;
import io.liquidlens.head.LayerSpec;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.train.Adam;
import io.liquidlens.train.CurveWeightedLoss;
import io.liquidlens.train.GradientClipping;
import io.liquidlens.train.NcpsInit;
import io.liquidlens.train.RolloutObjective;
import io.liquidlens.train.TrainingData;
import io.liquidlens.train.TrainingWindows;
import io.liquidlens.wiring.AutoNcpSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training throughput of camera models: one optimizer update (frames -> head -> AutoNCP(19, 1) LTC, forward
 * and backward over a batch of {@value #BATCH} windows of {@value #WINDOW} frames on every core, the
 * curve-weighted loss, clipping, Adam), head and cell trained together. {@code head}: {@code bar} is the
 * tests' 6 x 8 x 1 head (conv 1->4 3x3 s2 p1, ReLU, flatten, linear 48->4); {@code ncp} the NCP paper's
 * 32 x 96 x 3 head of {@link HeadBenchmark} (32 features). {@code precision}: {@code float32} is the head as
 * training runs it ({@link ReverseModel#fromStateDict}), {@code float64} the double-precision reference head
 * ({@link FrameSequenceGradient#fromStateDict}), trained that way before. Score = windows per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class ImageTrainBenchmark {
    static final int BATCH = 32;
    static final int WINDOW = 16;

    @Param({"bar", "ncp"})
    public String head;

    @Param({"float32", "float64"})
    public String precision;

    private ReverseModel model;
    private RolloutObjective objective;
    private List<TrainingWindows.Window> batch;
    private Adam adam;
    private double[] grad;

    static HeadSpec barHead() {
        return new HeadSpec(new ImageShape(6, 8, 1), List.of(
                new LayerSpec.Conv2d(1, 4, 3, 3, 2, 2, 1, 1, "head.0.weight", "head.0.bias"), new LayerSpec.Relu(),
                new LayerSpec.Flatten(), new LayerSpec.Linear(48, 4, "head.3.weight", "head.3.bias")));
    }

    /** The model with fresh weights, {@value #BATCH} one-window episodes of random frames and actions, Adam. */
    @Setup
    public void setUp() {
        HeadSpec spec = head.equals("ncp") ? HeadBenchmark.ncpHead() : barHead();
        ModelSpec cell = new ModelSpec(spec.outputSize(), new UnitsSpec.Wired(new AutoNcpSpec(19, 1, 0.5, 22222)),
                LtcSpec.defaults());
        Map<String, NdArray> sd = new LinkedHashMap<>(HeadInit.torchDefaults(spec, 2));
        sd.putAll(NcpsInit.initialStateDict(cell, 1));
        model = precision.equals("float64") ? FrameSequenceGradient.fromStateDict(cell, spec, sd)
                : ReverseModel.fromStateDict(cell, spec, sd);
        Random rng = new Random(5);
        int frame = spec.input().size();
        List<Rollout> episodes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int e = 0; e < BATCH; e++) {
            float[] x = new float[WINDOW * frame];
            float[] y = new float[WINDOW];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextFloat();
            }
            for (int t = 0; t < WINDOW; t++) {
                y[t] = (float) (0.3 * rng.nextGaussian());
            }
            int[] shape = {WINDOW, spec.input().height(), spec.input().width(), spec.input().channels()};
            episodes.add(new Rollout(NdArray.ofFloats(shape, x), null, NdArray.ofFloats(new int[] {WINDOW, 1}, y), null,
                    null, List.of(), null, null, Map.of()));
            names.add("episode-" + e);
        }
        TrainingData data = TrainingData.ofFrames(episodes, names, spec.input(), 1, true);
        objective = new RolloutObjective(model, data, new CurveWeightedLoss(0.5));
        batch = TrainingWindows.of(data.episodeLengths(), WINDOW);
        boolean[] trainable = new boolean[model.params().size()];
        model.params().params().forEach(p -> java.util.Arrays.fill(trainable, p.offset(), p.offset() + p.size(),
                p.trainable()));
        adam = Adam.withDefaults(1e-4, trainable);
        grad = model.params().newGradient();
    }

    /** One update on the batch. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double update() {
        double loss = objective.lossAndGradient(batch, grad);
        GradientClipping.clipByNorm(grad, 1.0);
        adam.step(model.params().values(), grad);
        return loss;
    }
}
