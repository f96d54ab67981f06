package io.liquidlens.bench;

import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationOptions;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import io.liquidlens.wiring.Wiring;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One sequence of 1,000 steps through ncps's AutoNCP(19, 1) network on 32 inputs, one thread.
 * Score = sequences per second; steps per second = score x {@value #STEPS}.
 * Targets: LTC >= 250,000 steps/s, wired CfC >= 300,000 steps/s.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SimBenchmark {
    static final int STEPS = 1000;

    private Simulator ltc;
    private Simulator cfc;
    private SimulationInput input;
    private final SimulationOptions plain = new SimulationOptions(false, false);
    private final SimulationOptions withTau = new SimulationOptions(true, false);

    /** Builds the models and the input once. */
    @Setup
    public void setUp() {
        Wiring w = BenchModels.autoNcp();
        LiquidModel ltcModel = BenchModels.ltc(w, 1);
        LiquidModel cfcModel = BenchModels.wiredCfc(w, 2);
        ltc = new Simulator(ltcModel);
        cfc = new Simulator(cfcModel);
        input = SimulationInput.of(BenchModels.inputs(3, 1, STEPS));
    }

    /** LTC, states and outputs only. */
    @Benchmark
    public SimulationResult ltc() {
        return ltc.run(input, plain, ProgressListener.NONE);
    }

    /** LTC, also recording the liquid time constants. */
    @Benchmark
    public SimulationResult ltcWithTau() {
        return ltc.run(input, withTau, ProgressListener.NONE);
    }

    /** Wired CfC, states and outputs only. */
    @Benchmark
    public SimulationResult wiredCfc() {
        return cfc.run(input, plain, ProgressListener.NONE);
    }

    /** Wired CfC, also recording the time gates. */
    @Benchmark
    public SimulationResult wiredCfcWithTau() {
        return cfc.run(input, withTau, ProgressListener.NONE);
    }
}
