package io.liquidlens.bench;

import io.liquidlens.model.FastMath;
import io.liquidlens.model.LaneSigmoid;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The synapse sigmoids of one LTC destination neuron in a batch of 64 lanes ({@code run} floats: 6 synapses x
 * 64), as {@code model.LtcLanes} computes them, three ways. Score = runs per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SigmoidBenchmark {
    /** Floats per run. */
    @Param({"64", "384"})
    public int run;

    private float[] args;
    private float[] z;
    private LaneSigmoid lanes;

    /** Arguments spread as an LTC's synapses see them (sigma (v - mu) within about +-20). */
    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(5);
        args = new float[run];
        for (int i = 0; i < run; i++) {
            args[i] = (float) (rng.nextGaussian() * 6);
        }
        z = new float[run];
        lanes = new LaneSigmoid(run);
    }

    /** LaneSigmoid's vectorised loops. */
    @Benchmark
    public float[] lanes() {
        System.arraycopy(args, 0, z, 0, run);
        lanes.apply(z, run);
        return z;
    }

    /** FastMath.sigmoid one at a time: the same numbers. */
    @Benchmark
    public float[] scalar() {
        System.arraycopy(args, 0, z, 0, run);
        for (int i = 0; i < run; i++) {
            z[i] = FastMath.sigmoid(z[i]);
        }
        return z;
    }

    /** The sigmoid through Math.exp in double. */
    @Benchmark
    public float[] mathExp() {
        System.arraycopy(args, 0, z, 0, run);
        for (int i = 0; i < run; i++) {
            z[i] = (float) (1.0 / (1.0 + Math.exp(-(double) z[i])));
        }
        return z;
    }
}
