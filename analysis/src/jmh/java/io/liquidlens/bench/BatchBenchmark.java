package io.liquidlens.bench;

import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationOptions;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of 16 independent 1,000-step sequences through the AutoNCP(19, 1) LTC, on all cores versus on
 * one. Score = batches per second; steps per second = score x 16,000.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchBenchmark {
    static final int BATCH = 16;

    private Simulator ltc;
    private SimulationInput input;
    private final SimulationOptions parallel = new SimulationOptions(false, true);
    private final SimulationOptions sequential = new SimulationOptions(false, false);

    /** Builds the model and the batch once. */
    @Setup
    public void setUp() {
        LiquidModel model = BenchModels.ltc(BenchModels.autoNcp(), 1);
        ltc = new Simulator(model);
        input = SimulationInput.of(BenchModels.inputs(3, BATCH, SimBenchmark.STEPS));
    }

    /** The batch spread over every core (the default). */
    @Benchmark
    public SimulationResult ltcBatchAllCores() {
        return ltc.run(input, parallel, ProgressListener.NONE);
    }

    /** The same batch on the calling thread only. */
    @Benchmark
    public SimulationResult ltcBatchOneThread() {
        return ltc.run(input, sequential, ProgressListener.NONE);
    }
}
