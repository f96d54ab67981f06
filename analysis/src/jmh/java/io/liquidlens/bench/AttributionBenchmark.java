package io.liquidlens.bench;

import io.liquidlens.causal.FrameSaliency;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencyModel;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One attribution map through the conv head and the cell of the camera NCP sample, step 300 of its clean trace,
 * one thread, milliseconds per map, with the state before the step kept from one pass (as the report does).
 * {@code path=batched} is the library's map ({@link FrameSaliency}); {@code path=single} makes the same map one
 * input gradient (or, for occlusion, one occluded frame's output) at a time in double precision
 * ({@link SaliencyModel.Step#gradient}, {@link SaliencyModel.Step#output}), the way every map was made before the
 * path points, samples and occluded frames went through the model as batches. {@code attributions.py} beside this
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
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int STEP = 300;
    private static final int IG_STEPS = 32;
    private static final int SMOOTHGRAD_SAMPLES = 16;
    private static final double SMOOTHGRAD_SIGMA = 0.1;
    private static final int OCCLUSION_PATCH = 8;
    private static final int OCCLUSION_STRIDE = 4;

    @Param({"ig", "smoothgrad", "gradient", "gradxinput", "occlusion"})
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
    public SaliencyMap map(CpuTime cpu) {
        long start = THREADS.getCurrentThreadCpuTime();
        SaliencyMap map = path.equals("batched") ? saliency.map(clean, STEP) : single();
        cpu.add(THREADS.getCurrentThreadCpuTime() - start);
        return map;
    }

    /**
     * The thread's CPU time per map, reported beside the wall-clock score as {@code cpuMs}: on a machine shared with
     * other work the wall clock also counts the time the thread waited for a core. JMH adds such a counter up over
     * the measured iterations, so each measured iteration reports its CPU milliseconds per map divided by their
     * number, and the summary line is their mean (an iteration's own line shows that share, a warm-up's the whole).
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class CpuTime {
        /** This iteration's share of the mean CPU milliseconds per map (JMH reads it at the iteration's end). */
        public double cpuMs;
        private double share;
        private long nanos;
        private long maps;

        @Setup(Level.Iteration)
        public void reset(BenchmarkParams benchmark, IterationParams iteration) {
            share = iteration.getType() == IterationType.MEASUREMENT ? 1.0 / benchmark.getMeasurement().getCount() : 1;
            nanos = 0;
            maps = 0;
            cpuMs = 0;
        }

        void add(long cpuNanos) {
            nanos += cpuNanos;
            maps++;
            cpuMs = share * nanos / 1e6 / maps;
        }
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
            case "occlusion" -> {
                return singleOcclusion(step, x);
            }
            default -> throw new IllegalStateException(method);
        }
        return model.magnitudes(out);
    }

    /** The default occlusion (a grey 8-pixel patch every 4 pixels), one occluded frame at a time in double. */
    private SaliencyMap singleOcclusion(SaliencyModel.Step step, double[] x) {
        int h = model.mapHeight();
        int w = model.mapWidth();
        int channels = x.length / (h * w);
        double y = step.output(x, 0);
        double[] sum = new double[h * w];
        int[] count = new int[h * w];
        for (int top = 0; top + OCCLUSION_PATCH <= h; top += OCCLUSION_STRIDE) {
            for (int left = 0; left + OCCLUSION_PATCH <= w; left += OCCLUSION_STRIDE) {
                double[] occluded = x.clone();
                for (int r = top; r < top + OCCLUSION_PATCH; r++) {
                    for (int q = left; q < left + OCCLUSION_PATCH; q++) {
                        for (int c = 0; c < channels; c++) {
                            occluded[(r * w + q) * channels + c] = 0.5;
                        }
                    }
                }
                double change = Math.abs(y - step.output(occluded, 0));
                for (int r = top; r < top + OCCLUSION_PATCH; r++) {
                    for (int q = left; q < left + OCCLUSION_PATCH; q++) {
                        sum[r * w + q] += change;
                        count[r * w + q]++;
                    }
                }
            }
        }
        for (int p = 0; p < sum.length; p++) {
            sum[p] /= Math.max(1, count[p]);
        }
        return new SaliencyMap(h, w, sum);
    }
}
