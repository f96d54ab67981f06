package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.NeuronRole;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiquidModelTest {

    private static JsonNode ltcCase() {
        return Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
    }

    private static LiquidModel load(JsonNode c, Map<String, NdArray> sd) {
        return LiquidModel.fromStateDict(FixtureModels.spec(c), FixtureModels.wiring(c), sd);
    }

    @Test
    void missingTensorIsNamedWithItsShape() {
        Map<String, NdArray> sd = FixtureModels.stateDict(ltcCase());
        sd.remove("rnn_cell.sensory_mu");
        assertThatThrownBy(() -> load(ltcCase(), sd)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing tensor rnn_cell.sensory_mu [8, 19]");
    }

    @Test
    void wrongShapeNamesExpectedAndActual() {
        Map<String, NdArray> sd = FixtureModels.stateDict(ltcCase());
        sd.put("rnn_cell.w", NdArray.ofFloats(new int[] {19, 18}, new float[19 * 18]));
        assertThatThrownBy(() -> load(ltcCase(), sd))
                .hasMessage("tensor rnn_cell.w has shape [19, 18], expected [19, 19]");
    }

    @Test
    void nonFiniteValuesAreRejected() {
        Map<String, NdArray> sd = FixtureModels.stateDict(ltcCase());
        float[] cm = sd.get("rnn_cell.cm").toFloatArray();
        cm[3] = Float.POSITIVE_INFINITY;
        sd.put("rnn_cell.cm", NdArray.ofFloats(new int[] {19}, cm));
        assertThatThrownBy(() -> load(ltcCase(), sd)).hasMessageContaining("rnn_cell.cm")
                .hasMessageContaining("Infinity at flat index 3");
    }

    @Test
    void unexpectedTensorsAreRejected() {
        Map<String, NdArray> sd = FixtureModels.stateDict(ltcCase());
        sd.put("lstm.input_map.bias", NdArray.ofFloats(new int[] {76}, new float[76]));
        assertThatThrownBy(() -> load(ltcCase(), sd)).hasMessageContaining("unexpected tensor lstm.input_map.bias");
    }

    @Test
    void mappingDecidesWhichTensorsAreExpected() {
        // unfolds3_linear_none has input_w only; the default case's output_w would be unexpected there
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_unfolds3_linear_none");
        Map<String, NdArray> sd = FixtureModels.stateDict(c);
        sd.put("rnn_cell.output_w", NdArray.ofFloats(new int[] {1}, new float[] {1}));
        assertThatThrownBy(() -> load(c, sd)).hasMessageContaining("unexpected tensor rnn_cell.output_w");
    }

    /** A recorded state gives back exactly the output the step that reached it wrote (all cell kinds). */
    @ParameterizedTest
    @ValueSource(strings = {"ltc.json:ltc_autoncp19_1_default", "ltc.json:ltc_autoncp19_1_mixed_memory",
        "ltc.json:ltc_autoncp19_1_unfolds3_linear_none", "cfc.json:cfc_wired_autoncp19_1_default",
        "cfc.json:cfc_dense16_proj3_mixed", "cfc.json:cfc_dense16_no_gate_silu_bl2"})
    void readoutOfTheNewStateIsTheStepsOutput(String id) {
        String[] parts = id.split(":");
        JsonNode c = Fixtures.caseNamed(parts[0], parts[1]);
        LiquidModel model = load(c, FixtureModels.stateDict(c));
        StepBuffers buf = model.newBuffers();
        int n = model.stateSize();
        int m = model.outputSize();
        float[] h = new float[n];
        float[] cx = new float[n];
        float[] x = new float[model.inputSize()];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int t = 0; t < 20; t++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            float[] stepped = new float[m];
            model.step(x, 0, 1f, h, cx, stepped, 0, null, 0, buf);
            float[] read = new float[m];
            model.readout(h.clone(), 0, read, 0, model.newBuffers());
            assertThat(read).as("step %d", t).containsExactly(stepped);
        }
    }

    /** ncps's count: every element of every state-dict tensor except the (non-trainable) masks. */
    @ParameterizedTest
    @ValueSource(strings = {"ltc.json:ltc_autoncp19_1_default", "ltc.json:ltc_autoncp19_1_mixed_memory",
        "cfc.json:cfc_wired_autoncp19_1_default", "cfc.json:cfc_wired_autoncp19_1_pure",
        "cfc.json:cfc_dense16_proj3_mixed", "cfc.json:cfc_dense16_no_gate_silu_bl2"})
    void totalParameterCountIsNcpsCount(String id) {
        String[] parts = id.split(":");
        JsonNode c = Fixtures.caseNamed(parts[0], parts[1]);
        long expected = 0;
        var it = c.get("state_dict").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getKey().endsWith("sparsity_mask")) {
                expected += Fixtures.floats(e.getValue()).length;
            }
        }
        ParameterCounts counts = FixtureModels.model(c).parameterCounts();
        assertThat(counts.total()).isEqualTo(expected);
        long sum = counts.shared();
        for (NeuronRole r : NeuronRole.values()) {
            sum += counts.of(r);
        }
        assertThat(sum).isEqualTo(counts.effective());
        assertThat(counts.effective()).isLessThanOrEqualTo(counts.total());
    }

    @Test
    void ltcParametersAreAttributedToPostsynapticNeurons() {
        JsonNode c = ltcCase();
        Map<String, NdArray> sd = FixtureModels.stateDict(c);
        float[] mask = sd.get("rnn_cell.sparsity_mask").toFloatArray();
        float[] sMask = sd.get("rnn_cell.sensory_sparsity_mask").toFloatArray();
        LiquidModel m = load(c, sd);
        // motor neuron 0: 3 own constants, 4 per incoming synapse, output_w and output_b
        long in = 0;
        for (int i = 0; i < 19; i++) {
            in += mask[i * 19] != 0 ? 1 : 0;
        }
        for (int s = 0; s < 8; s++) {
            in += sMask[s * 19] != 0 ? 1 : 0;
        }
        assertThat(m.parameterCounts().of(NeuronRole.MOTOR)).isEqualTo(3 + 4 * in + 2);
        assertThat(m.parameterCounts().of(NeuronRole.SENSORY)).isEqualTo(16); // input_w + input_b
        assertThat(m.parameterCounts().shared()).isZero();
    }

    @Test
    void wiredCfcStateIsLayerByLayer() {
        LiquidModel m = FixtureModels.model(Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default"));
        assertThat(m.cellKind()).isEqualTo(CellKind.WIRED_CFC);
        assertThat(m.stateNeuronIds()).startsWith(8, 9, 10).endsWith(6, 7, 0);
        assertThat(m.stateRole(0)).isEqualTo(NeuronRole.INTER);
        assertThat(m.stateRole(18)).isEqualTo(NeuronRole.MOTOR);
        assertThat(m.outputSize()).isEqualTo(1);
        assertThat(m.wiring()).isPresent();
    }

    @Test
    void denseCfcHasNoWiringAndProjectsItsOutput() {
        LiquidModel m = FixtureModels.model(Fixtures.caseNamed("cfc.json", "cfc_dense16_proj3_mixed"));
        assertThat(m.cellKind()).isEqualTo(CellKind.CFC);
        assertThat(m.wiring()).isEmpty();
        assertThat(m.stateSize()).isEqualTo(16);
        assertThat(m.outputSize()).isEqualTo(3);
        assertThat(m.mixedMemory()).isTrue();
    }
}
