package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.Wiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Names, shapes, order and masks of the CfC tensors against real ncps state dicts, and bad state dicts. */
class CfcLayoutTest {

    static Stream<Arguments> cases() {
        return Fixtures.cases("cfc.json").stream().map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parametersAreTheNcpsStateDictWithConstantMasks(String name, JsonNode c) {
        Map<String, NdArray> sd = FixtureModels.stateDict(c);
        ParamSet params = SequenceGradient.fromStateDict(FixtureModels.spec(c), sd).params();

        assertThat(params.params().stream().map(Param::name).toList()).containsExactlyElementsOf(sd.keySet());
        for (Param p : params.params()) {
            assertThat(p.shape()).as(p.name()).containsExactly(sd.get(p.name()).shape());
            assertThat(p.trainable()).as(p.name()).isEqualTo(!p.name().endsWith("sparsity_mask"));
            assertThat(params.get(p.name())).as(p.name()).containsExactly(sd.get(p.name()).toDoubleArray());
        }
    }

    @Test
    void missingTensorIsNamed() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_relu_bl0");
        Map<String, NdArray> sd = new LinkedHashMap<>(FixtureModels.stateDict(c));
        sd.remove("rnn_cell.time_a.bias");
        assertThatThrownBy(() -> SequenceGradient.fromStateDict(FixtureModels.spec(c), sd))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing tensor rnn_cell.time_a.bias");
    }

    @Test
    void wrongShapeIsNamed() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_relu_bl0");
        Map<String, NdArray> sd = new LinkedHashMap<>(FixtureModels.stateDict(c));
        sd.put("rnn_cell.ff2.weight", NdArray.ofFloats(new int[] {16, 23}, new float[16 * 23]));
        assertThatThrownBy(() -> SequenceGradient.fromStateDict(FixtureModels.spec(c), sd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rnn_cell.ff2.weight has shape [16, 23], expected [16, 24]");
    }

    @Test
    void nonFiniteValueIsNamed() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_relu_bl0");
        Map<String, NdArray> sd = new LinkedHashMap<>(FixtureModels.stateDict(c));
        float[] bias = new float[16];
        bias[5] = Float.NaN;
        sd.put("rnn_cell.ff1.bias", NdArray.ofFloats(new int[] {16}, bias));
        assertThatThrownBy(() -> SequenceGradient.fromStateDict(FixtureModels.spec(c), sd))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rnn_cell.ff1.bias [16] holds NaN");
    }

    @Test
    void unexpectedCellTensorIsNamed() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_relu_bl0");
        Map<String, NdArray> sd = new LinkedHashMap<>(FixtureModels.stateDict(c));
        sd.put("rnn_cell.backbone.0.weight", NdArray.ofFloats(new int[] {1, 24}, new float[24]));
        assertThatThrownBy(() -> SequenceGradient.fromStateDict(FixtureModels.spec(c), sd))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unexpected tensor rnn_cell.backbone.0.weight");
    }

    @Test
    void wiredCfcWithoutWiringAndNonCfcModelsAreRefused() {
        JsonNode wired = Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default");
        ModelSpec spec = FixtureModels.spec(wired);
        ParamSet empty = ParamSet.builder().build();
        assertThatThrownBy(() -> CfcGrads.forModel(spec, null, empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs its wiring");
        JsonNode ltc = Fixtures.cases("ltc.json").get(0);
        assertThatThrownBy(() -> CfcGrads.forModel(FixtureModels.spec(ltc), FixtureModels.wiring(ltc), empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a CfC model: LTC");
    }

    @Test
    void cellRefusesAParamSetWithAnotherShape() {
        CfcLayout layout = CfcLayout.dense(3, 4, CfcMode.PURE, Activation.TANH, 0, 0, 0);
        ParamSet.Builder b = ParamSet.builder();
        for (Tensor t : layout.tensors()) {
            int[] shape = t.name().endsWith("A") ? new int[] {4} : t.shape();
            b.add(t.name(), shape, new double[t.size()], true);
        }
        assertThatThrownBy(() -> CfcCellGrad.of(layout, b.build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rnn_cell.A has shape [4], expected [1, 4]");
    }
}
