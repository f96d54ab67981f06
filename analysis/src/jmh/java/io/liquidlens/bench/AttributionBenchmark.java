package io.liquidlens.bench;

import io.liquidlens.causal.FrameSaliency;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencyModel;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One attribution map through the conv head and the cell of the camera NCP sample, step 300 of its clean trace,
 * one thread, milliseconds per map, with the state before the step kept from one pass (as the report does).
 * {@code path=batched} is the library's map ({@link FrameSaliency}); {@code path=single} makes the same map one
 * input gradient at a time in double precision ({@link SaliencyModel.Step#gradient}), the way every map was made
 * before the path points and samples went through the model as one batch. {@code attributions.py} beside this
 * package's sources times the same work in torch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AttributionBenchmark {
    private static final int STEP = 300;
    private static final int IG_STEPS = 32;
    private static final int SMOOTHGRAD_SAMPLES = 16;
    private static final double SMOOTHGRAD_SIGMA = 0.1;

    @Param({"ig", "smoothgrad", "gradient", "gradxinput"})
    public String method;

    @Param({"single", "batched"})
    public String path;

    private Rollout clean;
    private SaliencyModel model;
    private FrameSaliency saliency;
    private double[][] before;

    @Setup
    public void setUp() {
        Path root = Stream.of(Path.of(".."), Path.of(".")).filter(p -> Files.isDirectory(p.resolve("sample-models")))
                .findFirst().orElseThrow();
        LoadedModel ncp = LoadedModel.load(root.resolve("sample-models/ncp-lanekeeping"));
        clean = Rollouts.read(root.resolve("sample-traces/ncp-lanekeeping/clean/episode-0000.npz"));
        model = SaliencyModel.load(ncp);
        saliency = FrameSaliency.of(model, SaliencySpec.of(SaliencyChoice.named(method)), 0, 0);
        saliency.prepare(List.of(clean), List.<int[]>of(new int[] {0, STEP}));
        before = model.statesBefore(clean, new int[] {STEP})[0];
    }

    /** One map of output 0 at step 300. */
    @Benchmark
    public SaliencyMap map() {
        return path.equals("batched") ? saliency.map(clean, STEP) : single();
    }

    private SaliencyMap single() {
        SaliencyModel.Step step = model.at(clean, STEP, before);
        double[] x = step.recorded();
        double[] out = new double[x.length];
        switch (method) {
            case "gradient" -> out = step.gradient(x, 0);
            case "gradxinput" -> {
                out = step.gradient(x, 0);
                for (int i = 0; i < x.length; i++) {
                    out[i] *= x[i];
                }
            }
            case "ig" -> {
                double[] point = new double[x.length];
                for (int k = 0; k < IG_STEPS; k++) {
                    double alpha = (k + 0.5) / IG_STEPS;
                    for (int i = 0; i < x.length; i++) {
                        point[i] = alpha * x[i];
                    }
                    double[] g = step.gradient(point, 0);
                    for (int i = 0; i < x.length; i++) {
                        out[i] += g[i] * x[i] / IG_STEPS;
                    }
                }
            }
            case "smoothgrad" -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : x) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                double sd = SMOOTHGRAD_SIGMA * (hi - lo);
                SplittableRandom random = new SplittableRandom(0);
                double[] noisy = new double[x.length];
                for (int s = 0; s < SMOOTHGRAD_SAMPLES; s++) {
                    for (int i = 0; i < x.length; i++) {
                        double u = 1.0 - random.nextDouble();
                        noisy[i] = x[i] + sd * Math.sqrt(-2 * Math.log(u))
                                * Math.cos(2 * Math.PI * random.nextDouble());
                    }
                    double[] g = step.gradient(noisy, 0);
                    for (int i = 0; i < x.length; i++) {
                        out[i] += Math.abs(g[i]) / SMOOTHGRAD_SAMPLES;
                    }
                }
            }
            default -> throw new IllegalStateException(method);
        }
        return model.magnitudes(out);
    }
}
