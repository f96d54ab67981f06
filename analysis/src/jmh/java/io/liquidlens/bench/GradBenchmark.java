package io.liquidlens.bench;

import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.SequenceTape;
import io.liquidlens.wiring.Wiring;
import java.util.Random;
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
 * Reverse mode through one 1,000-step sequence of ncps's AutoNCP(19, 1) LTC on 32 inputs, one thread:
 * forward with the tape, then backward from a weight on every output. Score = sequences per second;
 * steps per second = score x {@value #STEPS}. Target: >= 30,000 steps/s (torch autograd on one thread:
 * about 860).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GradBenchmark {
    static final int STEPS = 1000;

    private SequenceGradient ltc;
    private SequenceTape tape;
    private double[] x;
    private double[] weights;
    private double[] grad;

    /** Builds the model, the input, the output weights and the tape once. */
    @Setup
    public void setUp() {
        Wiring w = BenchModels.autoNcp();
        ltc = SequenceGradient.fromStateDict(BenchModels.ltcSpec(), BenchModels.ltcStateDict(w, 1));
        tape = ltc.newTape(STEPS);
        x = BenchModels.inputs(3, 1, STEPS).toDoubleArray();
        Random rng = new Random(4);
        weights = new double[STEPS * ltc.outputSize()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = rng.nextGaussian();
        }
        grad = ltc.params().newGradient();
    }

    /** Input gradients only (saliency): forward + backward without parameter gradients. */
    @Benchmark
    public double inputGradient() {
        ltc.forward(x, null, null, null, tape);
        ltc.backward(tape, weights, 0, null);
        return tape.inputGradient(0, 0);
    }

    /** Input and parameter gradients (training). */
    @Benchmark
    public double inputAndParameterGradient() {
        ltc.forward(x, null, null, null, tape);
        ltc.backward(tape, weights, 0, grad);
        return grad[0];
    }
}
