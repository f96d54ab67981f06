package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.BaselineFixtures.Case;
import io.liquidlens.testing.CtrnnWeights;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reverse mode's double-precision forward pass of a baseline is the model torch and the float simulator compute:
 * on torch's fixtures it gives torch's outputs within 1e-5, and a CT-RNN with elapsed times away from 1 and initial
 * states (hidden and, for an LSTM, cell) gives the simulator's.
 */
class BaselineForwardTest {

    static List<Case> cases() {
        return BaselineFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardGivesTorchsOutputs(Case c) {
        SequenceGradient g = SequenceGradient.fromStateDict(c.spec(), ModelFolder.readWeightsFile(c.weights()));
        NdArray x = c.input();
        float[] expected = c.expected().toFloatArray();
        double[] xs = x.toDoubleArray();
        int b = x.dim(0);
        int l = x.dim(1);
        int s = x.dim(2);
        int m = g.outputSize();
        SequenceTape tape = g.newTape(l);
        for (int i = 0; i < b; i++) {
            g.forward(xs, i * l * s, l, null, 0, null, 0, null, 0, tape);
            for (int k = 0; k < l * m; k++) {
                assertThat(tape.outputs()[k]).as(c + " sample " + i + " value " + k)
                        .isCloseTo(expected[i * l * m + k], Offset.offset(1e-5));
            }
        }
    }

    @Test
    void ctrnnForwardGivesTheSimulatorsOutputsAndStates() {
        ModelSpec spec = CtrnnWeights.spec(3, 6, 2, 3);
        Map<String, NdArray> weights = CtrnnWeights.random(3, 6, 2, 5);
        int l = 20;
        float[] x = new float[l * 3];
        float[] dt = new float[l];
        float[] h0 = new float[6];
        for (int t = 0; t < l; t++) {
            dt[t] = 0.2f + 0.1f * (t % 7);
            for (int i = 0; i < 3; i++) {
                x[t * 3 + i] = (float) Math.sin(0.7 * t + i);
            }
        }
        for (int j = 0; j < 6; j++) {
            h0[j] = 0.2f * (j - 3);
        }
        var sim = new Simulator(LiquidModel.fromStateDict(spec, weights)).run(new SimulationInput(
                NdArray.ofFloats(new int[] {1, l, 3}, x), NdArray.ofFloats(new int[] {1, l}, dt),
                NdArray.ofFloats(new int[] {1, 6}, h0), null));
        SequenceGradient g = SequenceGradient.fromStateDict(spec, weights);
        SequenceTape tape = g.newTape(l);
        g.forward(widen(x), widen(dt), widen(h0), null, tape);

        double[] outs = tape.outputs();
        float[] simOuts = sim.outputs().toFloatArray();
        for (int k = 0; k < outs.length; k++) {
            assertThat(outs[k]).as("output " + k).isCloseTo(simOuts[k], Offset.offset(1e-5));
        }
        assertThat(g.carriesCellState()).isFalse();
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
