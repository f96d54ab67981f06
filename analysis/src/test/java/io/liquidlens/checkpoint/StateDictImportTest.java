package io.liquidlens.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.Wiring;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a bare LTC state dict tells about its model, checked against the constructor calls of the ncps fixtures. */
class StateDictImportTest {

    static Stream<JsonNode> ltcCases() {
        return Fixtures.cases("ltc.json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ltcCases")
    void tensorsGiveTheSizesMappingsAndWiringNcpsBuilt(JsonNode c) {
        Wiring built = FixtureModels.wiring(c);
        LtcSpec ncps = (LtcSpec) FixtureModels.spec(c).cell();
        Map<String, String> settings = new HashMap<>();
        if (!ncps.outputMapping().hasWeight()) {
            settings.put("output_size", Integer.toString(built.outputDim()));
        }

        StateDictImport.Result result = StateDictImport.infer(FixtureModels.stateDict(c), settings);

        LtcSpec cell = (LtcSpec) result.spec().cell();
        assertThat(cell.inputMapping()).isEqualTo(ncps.inputMapping());
        assertThat(cell.outputMapping()).isEqualTo(ncps.outputMapping());
        assertThat(cell.mixedMemory()).isEqualTo(ncps.mixedMemory());
        assertThat(result.spec().inputSize()).isEqualTo(FixtureModels.spec(c).inputSize());
        ExplicitWiringSpec wiring = (ExplicitWiringSpec) result.spec().wiringSpec();
        assertThat(wiring.outputDim()).isEqualTo(built.outputDim());
        // the checkpoint, not the case's regenerated wiring, is the truth: ncps may have built the wiring twice
        Map<String, NdArray> stateDict = FixtureModels.stateDict(c);
        assertSynapsesOf(wiring.adjacency(), stateDict.get("rnn_cell.sparsity_mask"), stateDict.get("rnn_cell.erev"));
        assertSynapsesOf(wiring.sensoryAdjacency(), stateDict.get("rnn_cell.sensory_sparsity_mask"),
                stateDict.get("rnn_cell.sensory_erev"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ltcCases")
    void anNcpsLayersAreReadBackFromItsGraphAndOtherWiringsKeepOneLayer(JsonNode c) {
        Wiring built = FixtureModels.wiring(c);
        Map<String, String> settings = new HashMap<>();
        if (!((LtcSpec) FixtureModels.spec(c).cell()).outputMapping().hasWeight()) {
            settings.put("output_size", Integer.toString(built.outputDim()));
        }

        Wiring imported = StateDictImport.infer(FixtureModels.stateDict(c), settings).spec().wiringSpec()
                .build(built.inputDim());

        boolean ncp = built.kind().equals("NCP") || built.kind().equals("AutoNCP");
        assertThat(imported.layerCount()).isEqualTo(ncp ? 3 : 1);
        for (int i = 0; i < built.units(); i++) {
            assertThat(imported.role(i)).as("neuron %d of %s", i, built.kind()).isEqualTo(built.role(i));
        }
        if (ncp) {
            assertThat(imported.layers()).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(built.layers());
        }
    }

    static Stream<JsonNode> cfcCases() {
        return Fixtures.cases("cfc.json").stream();
    }

    static Map<String, String> cfcSettings(JsonNode c) {
        return FixtureModels.cfcUnrecordedSettings(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cfcCases")
    void aCfcsTensorsGiveItsSizesBackboneModeAndLayers(JsonNode c) {
        ModelSpec ncpsSpec = FixtureModels.spec(c);
        CfcSpec ncps = (CfcSpec) ncpsSpec.cell();

        StateDictImport.Result result = StateDictImport.infer(FixtureModels.stateDict(c), cfcSettings(c));

        CfcSpec cell = (CfcSpec) result.spec().cell();
        assertThat(result.spec().inputSize()).isEqualTo(ncpsSpec.inputSize());
        assertThat(cell.mode()).isEqualTo(ncps.mode());
        assertThat(cell.projSize()).isEqualTo(ncps.projSize());
        assertThat(cell.mixedMemory()).isEqualTo(ncps.mixedMemory());
        assertThat(cell.backboneLayers()).isEqualTo(ncps.backboneLayers());
        assertThat(cell.backboneUnits()).isEqualTo(ncps.backboneLayers() == 0 ? 0 : ncps.backboneUnits());
        if (ncpsSpec.units() instanceof UnitsSpec.Wired) {
            Wiring built = FixtureModels.wiring(c);
            Wiring imported = result.spec().wiringSpec().build(built.inputDim());
            assertThat(imported.layers()).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(built.layers());
            for (int i = 0; i < built.units(); i++) {
                assertThat(imported.role(i)).as("neuron %d", i).isEqualTo(built.role(i));
            }
        } else {
            assertThat(result.spec().units()).isEqualTo(ncpsSpec.units());
            if (ncps.backboneLayers() > 0) {
                assertThat(cell.activation()).isEqualTo(ncps.activation());
            }
        }
        assertThat(result.assumed()).allMatch(line -> line.startsWith("return_sequences") || line.startsWith(
                "batch_first") || line.startsWith("mode=default"));
    }

    @Test
    void aCfcRefusesLtcSettingsNamingItsOwn() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_gelu_bl1");

        assertThatThrownBy(() -> StateDictImport.infer(FixtureModels.stateDict(c), Map.of("ode_unfolds", "6")))
                .hasMessage("--set ode_unfolds: not a setting of a CfC import (known: activation, batch_first, mode,"
                        + " return_sequences)");
        assertThatThrownBy(() -> StateDictImport.infer(FixtureModels.stateDict(c), Map.of("mode", "pure")))
                .hasMessageStartingWith("--set mode=pure: give default or no_gate");
    }

    @Test
    void wiredCfcMasksThatDoNotChainOrCutALayersRecurrenceAreRefused() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default");
        Map<String, NdArray> weights = new HashMap<>(FixtureModels.stateDict(c));
        NdArray mask = weights.get("rnn_cell.layer_1.sparsity_mask");
        float[] values = mask.toFloatArray();
        values[values.length - 1] = 0;
        weights.put("rnn_cell.layer_1.sparsity_mask", NdArray.ofFloats(mask.shape(), values));

        assertThatThrownBy(() -> StateDictImport.infer(weights, Map.of()))
                .hasMessageContaining("rnn_cell.layer_1.sparsity_mask holds 0 at")
                .hasMessageContaining("the masks contradict ncps's");

        weights.put("rnn_cell.layer_1.sparsity_mask", NdArray.ofFloats(new int[] {mask.dim(0), mask.dim(1) + 1},
                new float[mask.dim(0) * (mask.dim(1) + 1)]));
        assertThatThrownBy(() -> StateDictImport.infer(weights, Map.of()))
                .hasMessageContaining("the layers do not chain");
    }

    @Test
    void aFullyConnectedCheckpointGivesTheWiringNcpsBuilt() {
        JsonNode c = fullyConnected();

        ExplicitWiringSpec wiring = (ExplicitWiringSpec) StateDictImport.infer(FixtureModels.stateDict(c), Map.of())
                .spec().wiringSpec();

        Wiring built = FixtureModels.wiring(c);
        assertThat(wiring.adjacency()).isDeepEqualTo(built.adjacencyMatrix());
        assertThat(wiring.sensoryAdjacency()).isDeepEqualTo(built.sensoryAdjacencyMatrix());
    }

    /** A synapse (row = source) wherever the mask is 1, inhibitory when its reversal potential is negative. */
    private static void assertSynapsesOf(int[][] adjacency, NdArray mask, NdArray erev) {
        int cols = mask.dim(1);
        float[] m = mask.toFloatArray();
        float[] e = erev.toFloatArray();
        assertThat(adjacency).hasNumberOfRows(mask.dim(0));
        for (int i = 0; i < adjacency.length; i++) {
            for (int j = 0; j < cols; j++) {
                int expected = m[i * cols + j] == 0 ? 0 : e[i * cols + j] < 0 ? -1 : 1;
                assertThat(adjacency[i][j]).as("synapse %d -> %d", i, j).isEqualTo(expected);
            }
        }
    }

    private static JsonNode fullyConnected() {
        return Fixtures.cases("ltc.json").stream()
                .filter(k -> k.get("name").asText().equals("ltc_fullyconnected16")).findFirst().orElseThrow();
    }

    @Test
    void aMaskValueOtherThanZeroOrOneIsRefusedNamingTheTensor() {
        JsonNode c = fullyConnected();
        Map<String, NdArray> weights = new HashMap<>(FixtureModels.stateDict(c));
        NdArray mask = weights.get(StateDictLayout.Ltc.SPARSITY_MASK.key());
        float[] values = mask.toFloatArray();
        values[3] = 0.5f;
        weights.put(StateDictLayout.Ltc.SPARSITY_MASK.key(), NdArray.ofFloats(mask.shape(), values));

        assertThatThrownBy(() -> StateDictImport.infer(weights, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rnn_cell.sparsity_mask holds 0.5 at [0, 3]");
    }

    @Test
    void aBiasWithoutItsWeightIsNoNcpsMapping() {
        JsonNode c = Fixtures.cases("ltc.json").get(0);
        Map<String, NdArray> weights = new HashMap<>(FixtureModels.stateDict(c));
        weights.remove(StateDictLayout.Ltc.INPUT_W.key());

        assertThatThrownBy(() -> StateDictImport.infer(weights, Map.of()))
                .hasMessageContaining("has rnn_cell.input_b but no rnn_cell.input_w");
    }

    @Test
    void aWiringLargerThanEveryCommandReadsIsRefusedBeforeItsMatrixIsMade() {
        Map<String, NdArray> weights = new HashMap<>();
        // many small wired-CfC layers: each mask is small to hold, their units add up past the limit
        int h = 100;
        int layers = io.liquidlens.Limits.UNITS / h + 1;
        for (int l = 0; l < layers; l++) {
            int in = l == 0 ? 1 : h;
            weights.put("rnn_cell.layer_" + l + ".sparsity_mask", NdArray.ofFloats(new int[] {h, in + h},
                    new float[h * (in + h)]));
        }

        assertThatThrownBy(() -> StateDictImport.infer(weights, Map.of()))
                .hasMessageContaining("a wired CfC of " + layers * h + " units")
                .hasMessageContaining("at most " + io.liquidlens.Limits.UNITS);
    }
}
