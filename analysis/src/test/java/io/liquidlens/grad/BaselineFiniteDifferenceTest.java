package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.testing.BaselineWeights;
import io.liquidlens.testing.CtrnnWeights;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The baselines' reverse mode (torch LSTM, GRU and RNN stacks, the CT-RNN) against central finite differences in
 * double precision, on small seeded models: every element of every tensor, every input, hx0 and, for an LSTM, cx0
 * (its cell states); two layers for the torch stacks, so gradients cross from layer to layer, a readout without bias
 * in one case, non-zero initial states and, for the CT-RNN, several solver steps and elapsed times away from 1.
 *
 * <p>Tolerance, as LtcFiniteDifferenceTest argues it: |fd - analytic| <= 2e-6 max(|analytic|, 1e-4) with a step of
 * 1e-5, where truncation and rounding are of order 1e-10 .. 1e-9 for losses of order one.
 */
class BaselineFiniteDifferenceTest {
    private static final double REL = 2e-6;
    private static final double FLOOR = 1e-4;
    private static final int STEPS = 6;
    private static final int INPUTS = 3;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("LSTM 4 x 2 layers", BaselineWeights.torch(TorchRnnKind.LSTM, INPUTS, 4, 2, 2, true)),
                Arguments.of("GRU 4 x 2 layers", BaselineWeights.torch(TorchRnnKind.GRU, INPUTS, 4, 2, 2, true)),
                Arguments.of("GRU 5 x 1 layer, no bias", BaselineWeights.torch(TorchRnnKind.GRU, INPUTS, 5, 1, 1, false)),
                Arguments.of("RNN tanh 4 x 2 layers", BaselineWeights.torch(TorchRnnKind.RNN_TANH, INPUTS, 4, 2, 2, true)),
                Arguments.of("RNN relu 5 x 2 layers", BaselineWeights.torch(TorchRnnKind.RNN_RELU, INPUTS, 5, 2, 1, true)),
                Arguments.of("CT-RNN 5 units, 1 unfold", CtrnnWeights.spec(INPUTS, 5, 2, 1)),
                Arguments.of("CT-RNN 5 units, 4 unfolds", CtrnnWeights.spec(INPUTS, 5, 2, 4)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void backwardMatchesCentralDifferences(String name, ModelSpec spec) {
        long seed = name.hashCode();
        SequenceGradient g = SequenceGradient.fromStateDict(spec, BaselineWeights.random(spec, 0.8, seed));
        Random rng = new Random(seed + 1);
        int n = g.stateSize();
        double[] x = gaussian(rng, STEPS * INPUTS, 1.0);
        double[] dt = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            dt[t] = 0.3 + 2 * rng.nextDouble();
        }
        double[] h0 = gaussian(rng, n, 0.5);
        double[] c0 = g.carriesCellState() ? gaussian(rng, n, 0.5) : null;
        GradCheck check = new GradCheck(g, x, dt, h0, c0, seed + 2);

        for (Param p : g.params().params()) {
            assertThat(p.trainable()).as(p.name()).isTrue();
            for (int i = 0; i < p.size(); i++) {
                int at = p.offset() + i;
                check.assertAgrees(p.name() + "[" + i + "]", check.gradient()[at], check.parameterDifference(at), REL,
                        FLOOR);
            }
        }
        InputGradients in = check.inputGradients();
        for (int i = 0; i < x.length; i++) {
            check.assertAgrees("x[" + i + "]", in.input()[i], check.arrayDifference(x, i), REL, FLOOR);
        }
        for (int i = 0; i < n; i++) {
            check.assertAgrees("h0[" + i + "]", in.hx0()[i], check.arrayDifference(h0, i), REL, FLOOR);
        }
        if (c0 != null) {
            for (int i = 0; i < n; i++) {
                check.assertAgrees("c0[" + i + "]", in.cx0()[i], check.arrayDifference(c0, i), REL, FLOOR);
            }
        } else {
            assertThat(in.cx0()).isNull();
        }
        System.out.printf("%-28s %4d parameters, worst relative error %.2g%n", name, g.params().size(), check.worst());
    }

    private static double[] gaussian(Random rng, int size, double sd) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = rng.nextGaussian() * sd;
        }
        return out;
    }
}
