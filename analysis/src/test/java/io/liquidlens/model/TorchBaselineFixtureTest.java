package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.sim.BatchLayout;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.BaselineFixtures.Case;
import io.liquidlens.testing.TorchRnnReference;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * torch's LSTM, GRU and RNN stacks with a Linear readout, loaded from the state dicts torch saved (the spec written
 * from each case's name, not inferred), give torch's outputs within 1e-5 on every step of both sequences.
 */
class TorchBaselineFixtureTest {
    private static final double TOLERANCE = 1e-5;

    static List<Case> cases() {
        return BaselineFixtures.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsEqualTorchs(Case c) {
        LiquidModel model = LiquidModel.fromStateDict(c.spec(), ModelFolder.readWeightsFile(c.weights()));

        SimulationResult result = new Simulator(model).run(SimulationInput.of(c.input()));

        assertThat(result.outputs().shape()).containsExactly(c.expected().shape());
        assertClose(result.outputs().toFloatArray(), c.expected().toFloatArray());
        assertThat(model.stateSize()).isEqualTo(c.hidden() * c.layers());
        assertThat(model.outputSize()).isEqualTo(c.outputs());
    }

    @Test
    void timeMajorInputGivesTheSameOutputsTimeMajor() {
        Case c = BaselineFixtures.named("lstm16x2_in5_out2");
        TorchRnnSpec batchFirst = (TorchRnnSpec) c.spec().cell();
        ModelSpec timeMajor = new ModelSpec(c.inputs(), c.spec().units(), new TorchRnnSpec(batchFirst.kind(),
                batchFirst.numLayers(), true, false, 0.0, batchFirst.readout()));
        LiquidModel model = LiquidModel.fromStateDict(timeMajor, ModelFolder.readWeightsFile(c.weights()));

        SimulationResult result = new Simulator(model).run(SimulationInput.of(BatchLayout.swapBatchAndTime(c.input())));

        assertClose(BatchLayout.swapBatchAndTime(result.outputs()).toFloatArray(), c.expected().toFloatArray());
    }

    /**
     * An LSTM's cell states are carried beside h (simulate's cx): a sequence run in two halves, the second from the
     * first's hx and cx, gives the whole run's outputs; from hx alone it does not.
     */
    @Test
    void lstmCellStatesCarryTheRunAcrossASplit() {
        Case c = BaselineFixtures.named("lstm16x2_in5_out2");
        LiquidModel model = LiquidModel.fromStateDict(c.spec(), ModelFolder.readWeightsFile(c.weights()));
        Simulator sim = new Simulator(model);
        NdArray x = c.input();
        SimulationResult whole = sim.run(SimulationInput.of(x));
        SimulationResult first = sim.run(SimulationInput.of(steps(x, 0, 12)));

        SimulationResult second = sim.run(new SimulationInput(steps(x, 12, 30), null, first.hx(), first.cx()));
        SimulationResult withoutCells = sim.run(new SimulationInput(steps(x, 12, 30), null, first.hx(), null));

        assertThat(model.carriesCellState()).isTrue();
        assertThat(first.cx().shape()).containsExactly(2, model.stateSize());
        assertThat(second.outputs().toFloatArray()).containsExactly(steps(whole.outputs(), 12, 30).toFloatArray());
        assertThat(maxDifference(withoutCells.outputs().toFloatArray(), steps(whole.outputs(), 12, 30).toFloatArray()))
                .isGreaterThan(1e-3);
    }

    @Test
    void gruAndRnnCarryNoCellState() {
        for (String name : List.of("gru20x1_in6_out1", "rnn12x2_in4_out1")) {
            Case c = BaselineFixtures.named(name);
            LiquidModel model = LiquidModel.fromStateDict(c.spec(), ModelFolder.readWeightsFile(c.weights()));
            assertThat(model.carriesCellState()).as(name).isFalse();
            assertThat(model.isBaseline()).isTrue();
            assertThat(model.wiring()).isEmpty();
            assertThat(model.stateRole(0)).isEqualTo(io.liquidlens.wiring.NeuronRole.INTER);
        }
    }

    /** The reference written in the test agrees with torch too, so it can stand for torch where no fixture is. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDoublePrecisionReferenceAgreesWithTorch(Case c) {
        double[] reference = TorchRnnReference.outputs(c.kind(), ModelFolder.readWeightsFile(c.weights()), c.layers(),
                c.hidden(), c.input());

        assertClose(floats(reference), c.expected().toFloatArray());
    }

    /** What no fixture holds, against the reference: an RNN with relu, and layers and readout without biases. */
    @Test
    void reluAndBiaslessStacksFollowTorchsEquations() {
        Case rnn = BaselineFixtures.named("rnn12x2_in4_out1");
        Map<String, NdArray> weights = ModelFolder.readWeightsFile(rnn.weights());
        ModelSpec relu = new ModelSpec(rnn.inputs(), rnn.spec().units(), new TorchRnnSpec(TorchRnnKind.RNN_RELU, 2,
                true, true, 0.0, new ReadoutSpec(1, true)));
        Case lstm = BaselineFixtures.named("lstm16x2_in5_out2");
        Map<String, NdArray> biasless = new LinkedHashMap<>(ModelFolder.readWeightsFile(lstm.weights()));
        biasless.keySet().removeIf(k -> k.contains("bias"));
        ModelSpec noBias = new ModelSpec(lstm.inputs(), lstm.spec().units(), new TorchRnnSpec(TorchRnnKind.LSTM, 2,
                false, true, 0.0, new ReadoutSpec(2, false)));

        SimulationResult reluRun = new Simulator(LiquidModel.fromStateDict(relu, weights)).run(
                SimulationInput.of(rnn.input()));
        SimulationResult noBiasRun = new Simulator(LiquidModel.fromStateDict(noBias, biasless)).run(
                SimulationInput.of(lstm.input()));

        assertClose(reluRun.outputs().toFloatArray(), floats(TorchRnnReference.outputs("rnn_relu", weights, 2, 12,
                rnn.input())));
        assertClose(noBiasRun.outputs().toFloatArray(), floats(TorchRnnReference.outputs("lstm", biasless, 2, 16,
                lstm.input())));
        assertThat(maxDifference(reluRun.outputs().toFloatArray(), rnn.expected().toFloatArray()))
                .as("relu differs from tanh").isGreaterThan(1e-3);
    }

    private static float[] floats(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /** Steps [from, to) of every sequence of a (B, L, ...) array. */
    static NdArray steps(NdArray a, int from, int to) {
        int[] shape = a.shape();
        int per = a.size() / (shape[0] * shape[1]);
        float[] v = a.toFloatArray();
        float[] out = new float[shape[0] * (to - from) * per];
        for (int b = 0; b < shape[0]; b++) {
            System.arraycopy(v, (b * shape[1] + from) * per, out, b * (to - from) * per, (to - from) * per);
        }
        int[] cut = shape.clone();
        cut[1] = to - from;
        return NdArray.ofFloats(cut, out);
    }

    private static double maxDifference(float[] a, float[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("value %d of %s", i, Arrays.toString(Arrays.copyOf(expected, 4)))
                    .isCloseTo(expected[i], Offset.offset(TOLERANCE));
        }
    }
}
