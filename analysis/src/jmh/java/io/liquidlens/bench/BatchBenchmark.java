package io.liquidlens.bench;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationOptions;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import java.util.Arrays;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A batch of {@code batch} independent 1,000-step sequences through the AutoNCP(19, 1) LTC, on all cores
 * versus on one. Score = batches per second; steps per second = score x batch x 1,000. B = 64 on one thread
 * is the figure set beside torch + ncps's batched LTC ({@code analysis/src/jmh/python/ltc_ncps.py}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchBenchmark {
    /** Sequences per batch. */
    @Param({"16", "64"})
    public int batch;

    private Simulator ltc;
    private SimulationInput input;
    private SimulationInput[] singles;
    private final SimulationOptions parallel = new SimulationOptions(false, true);
    private final SimulationOptions sequential = new SimulationOptions(false, false);

    /** Builds the model and the batch once. */
    @Setup
    public void setUp() {
        LiquidModel model = BenchModels.ltc(BenchModels.autoNcp(), 1);
        ltc = new Simulator(model);
        NdArray x = BenchModels.inputs(3, batch, SimBenchmark.STEPS);
        input = SimulationInput.of(x);
        singles = new SimulationInput[batch];
        float[] all = x.toFloatArray();
        int per = all.length / batch;
        for (int i = 0; i < batch; i++) {
            singles[i] = SimulationInput.of(NdArray.ofFloats(new int[] {1, SimBenchmark.STEPS, BenchModels.INPUTS},
                    Arrays.copyOfRange(all, i * per, (i + 1) * per)));
        }
    }

    /** The batch spread over every core (the default). */
    @Benchmark
    public SimulationResult ltcBatchAllCores() {
        return ltc.run(input, parallel, ProgressListener.NONE);
    }

    /**
     * The same sequences on the calling thread one at a time (batch 1 each): the step-by-step path, against
     * which {@link #ltcBatchOneThread} shows what stepping the sequences side by side gains.
     */
    @Benchmark
    public void ltcOneByOne(Blackhole bh) {
        for (SimulationInput one : singles) {
            bh.consume(ltc.run(one, sequential, ProgressListener.NONE));
        }
    }

    /** The same batch on the calling thread only. */
    @Benchmark
    public SimulationResult ltcBatchOneThread() {
        return ltc.run(input, sequential, ProgressListener.NONE);
    }
}
