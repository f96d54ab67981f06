package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link LiquidModel#connectivity()} reads the synapses back from the checkpoint's sparsity masks (what
 * the model was trained with), and {@link LiquidModel#checkpointMatchesWiring()} says whether they are the
 * regenerated wiring's. Checked against the masks and reversal potentials in the ncps fixture JSON.
 */
class ConnectivityTest {
    private static final JsonNode LTC = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
    private static final JsonNode LTC_DENSE = Fixtures.caseNamed("ltc.json", "ltc_fullyconnected16");
    private static final JsonNode WIRED_CFC = Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default");
    private static final JsonNode DENSE_CFC = Fixtures.caseNamed("cfc.json", "cfc_dense16_default_gelu_bl1");

    /** A (rows, cols) tensor of a case's state dict as a matrix. */
    private static float[][] matrix(JsonNode fixtureCase, String name) {
        JsonNode t = fixtureCase.get("state_dict").get(name);
        int[] shape = Fixtures.shape(t);
        float[] flat = Fixtures.floats(t);
        float[][] m = new float[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) {
            System.arraycopy(flat, r * shape[1], m[r], 0, shape[1]);
        }
        return m;
    }

    private static LiquidModel regenerated(JsonNode fixtureCase) {
        return LiquidModel.fromStateDict(FixtureModels.spec(fixtureCase), FixtureModels.stateDict(fixtureCase));
    }

    private static int nonZero(int[][] m) {
        int n = 0;
        for (int[] row : m) {
            for (int v : row) {
                n += v != 0 ? 1 : 0;
            }
        }
        return n;
    }

    /** Mask non-zeros give the synapses; the sign of the trained reversal potential gives their polarity. */
    private static void assertSynapsesFromMask(int[][] actual, float[][] mask, float[][] erev, String what) {
        assertThat(actual.length).as(what + " rows").isEqualTo(mask.length);
        for (int src = 0; src < mask.length; src++) {
            for (int dst = 0; dst < mask[src].length; dst++) {
                String at = String.format(Locale.ROOT, "%s[%d][%d]", what, src, dst);
                if (mask[src][dst] == 0f) {
                    assertThat(actual[src][dst]).as(at + " (masked out)").isZero();
                } else {
                    assertThat(actual[src][dst]).as(at + " = sign(erev)").isEqualTo((int) Math.signum(erev[src][dst]));
                }
            }
        }
    }

    // --- LTC ----------------------------------------------------------------------------------------------

    @Test
    void ltcSynapsesAreTheMasksNonZerosWithTheSignOfErev() {
        Wiring c = regenerated(LTC).connectivity().orElseThrow();

        assertSynapsesFromMask(c.adjacencyMatrix(), matrix(LTC, "rnn_cell.sparsity_mask"),
                matrix(LTC, "rnn_cell.erev"), "adjacency");
        assertSynapsesFromMask(c.sensoryAdjacencyMatrix(), matrix(LTC, "rnn_cell.sensory_sparsity_mask"),
                matrix(LTC, "rnn_cell.sensory_erev"), "sensory adjacency");
        assertThat(c.synapseCount()).isEqualTo(70);
        assertThat(c.sensorySynapseCount()).isEqualTo(60);
    }

    @Test
    void ltcConnectivityKeepsTheWiringsNeuronsAndRoles() {
        Wiring c = regenerated(LTC).connectivity().orElseThrow();
        JsonNode types = LTC.get("wiring").get("neuron_types");

        assertThat(c.kind()).isEqualTo("AutoNCP");
        assertThat(c.units()).isEqualTo(19);
        assertThat(c.inputDim()).isEqualTo(8);
        assertThat(c.outputDim()).isEqualTo(1);
        for (int i = 0; i < types.size(); i++) {
            assertThat(c.role(i)).as("role of neuron %d", i)
                    .isEqualTo(NeuronRole.valueOf(types.get(i).asText().toUpperCase(Locale.ROOT)));
        }
        JsonNode layers = LTC.get("wiring").get("layers");
        assertThat(c.layerCount()).isEqualTo(layers.size());
        for (int l = 0; l < layers.size(); l++) {
            int[] expected = new int[layers.get(l).size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = layers.get(l).get(i).asInt();
            }
            assertThat(c.layer(l)).as("layer %d", l).containsExactly(expected);
        }
    }

    @Test
    void theFixtureCheckpointDoesNotMatchOneAutoNcpBuild() {
        LiquidModel model = regenerated(LTC);
        Wiring regenerated = model.wiring().orElseThrow();

        // one build is what the fixture records beside the checkpoint: 47 + 40 synapses
        assertThat(regenerated.synapseCount()).isEqualTo(LTC.get("wiring").get("synapse_count").asInt());
        assertThat(regenerated.sensorySynapseCount()).isEqualTo(LTC.get("wiring").get("sensory_synapse_count").asInt());
        assertThat(model.checkpointMatchesWiring()).isFalse();
    }

    @Test
    void masksMadeFromTheSameWiringMatch() {
        Wiring wiring = new AutoNcpSpec(19, 1, 0.5, 22222).build(8);
        Map<String, NdArray> sd = new LinkedHashMap<>(FixtureModels.stateDict(LTC));
        sd.put("rnn_cell.sparsity_mask", maskOf(wiring.adjacencyMatrix()));
        sd.put("rnn_cell.sensory_sparsity_mask", maskOf(wiring.sensoryAdjacencyMatrix()));

        LiquidModel model = LiquidModel.fromStateDict(FixtureModels.spec(LTC), sd);

        assertThat(model.checkpointMatchesWiring()).isTrue();
        Wiring c = model.connectivity().orElseThrow();
        assertThat(c.synapseCount()).isEqualTo(wiring.synapseCount()).isEqualTo(47);
        assertThat(c.sensorySynapseCount()).isEqualTo(wiring.sensorySynapseCount()).isEqualTo(40);
    }

    @Test
    void oneSynapseMoreInTheMaskIsAMismatch() {
        Wiring wiring = new AutoNcpSpec(19, 1, 0.5, 22222).build(8);
        int[][] adjacency = wiring.adjacencyMatrix();
        int[] free = firstAbsentSynapse(adjacency);
        adjacency[free[0]][free[1]] = 1;
        Map<String, NdArray> sd = new LinkedHashMap<>(FixtureModels.stateDict(LTC));
        sd.put("rnn_cell.sparsity_mask", maskOf(adjacency));
        sd.put("rnn_cell.sensory_sparsity_mask", maskOf(wiring.sensoryAdjacencyMatrix()));

        LiquidModel model = LiquidModel.fromStateDict(FixtureModels.spec(LTC), sd);

        assertThat(model.checkpointMatchesWiring()).isFalse();
        assertThat(model.connectivity().orElseThrow().synapseCount()).isEqualTo(48);
    }

    @Test
    void aFullyConnectedCheckpointMatchesItsWiring() {
        LiquidModel model = regenerated(LTC_DENSE);

        assertThat(model.checkpointMatchesWiring()).isTrue();
        Wiring c = model.connectivity().orElseThrow();
        assertThat(c.synapseCount()).isEqualTo(16 * 16);
        assertThat(c.sensorySynapseCount()).isEqualTo(8 * 16);
        assertSynapsesFromMask(c.adjacencyMatrix(), matrix(LTC_DENSE, "rnn_cell.sparsity_mask"),
                matrix(LTC_DENSE, "rnn_cell.erev"), "adjacency");
    }

    // --- CfC ----------------------------------------------------------------------------------------------

    @Test
    void wiredCfcLayerMasksGiveTheFeedForwardBlocks() {
        LiquidModel model = regenerated(WIRED_CFC);
        Wiring c = model.connectivity().orElseThrow();
        JsonNode layers = WIRED_CFC.get("wiring").get("layers");
        int[][] sensory = c.sensoryAdjacencyMatrix();
        int[][] adjacency = c.adjacencyMatrix();

        // layer l's mask is (neurons of l, inputs of l + neurons of l): its first columns are the synapses
        // from the previous layer (layer 0: from the sensory inputs)
        float[][] mask0 = matrix(WIRED_CFC, "rnn_cell.layer_0.sparsity_mask");
        for (int j = 0; j < layers.get(0).size(); j++) {
            int dest = layers.get(0).get(j).asInt();
            for (int k = 0; k < 8; k++) {
                assertThat(sensory[k][dest] != 0).as("sensory %d -> inter %d", k, dest).isEqualTo(mask0[j][k] != 0f);
            }
        }
        for (int l = 1; l < layers.size(); l++) {
            float[][] mask = matrix(WIRED_CFC, "rnn_cell.layer_" + l + ".sparsity_mask");
            JsonNode prev = layers.get(l - 1);
            for (int j = 0; j < layers.get(l).size(); j++) {
                int dest = layers.get(l).get(j).asInt();
                for (int k = 0; k < prev.size(); k++) {
                    int src = prev.get(k).asInt();
                    assertThat(adjacency[src][dest] != 0).as("layer %d: %d -> %d", l, src, dest)
                            .isEqualTo(mask[j][k] != 0f);
                }
            }
        }
        int sensoryFromMask = 0;
        for (float[] row : mask0) {
            for (int k = 0; k < 8; k++) {
                sensoryFromMask += row[k] != 0f ? 1 : 0;
            }
        }
        assertThat(c.sensorySynapseCount()).isEqualTo(sensoryFromMask).isEqualTo(nonZero(sensory));
    }

    @Test
    void wiredCfcSensorySynapsesReachOnlyTheFirstLayer() {
        Wiring c = regenerated(WIRED_CFC).connectivity().orElseThrow();
        JsonNode first = WIRED_CFC.get("wiring").get("layers").get(0);
        java.util.Set<Integer> inter = new java.util.HashSet<>();
        first.forEach(n -> inter.add(n.asInt()));
        int[][] sensory = c.sensoryAdjacencyMatrix();

        for (int k = 0; k < sensory.length; k++) {
            for (int dest = 0; dest < sensory[k].length; dest++) {
                if (!inter.contains(dest)) {
                    assertThat(sensory[k][dest]).as("sensory %d -> %d", k, dest).isZero();
                }
            }
        }
    }

    @Test
    void aDenseCfcHasNoConnectivity() {
        LiquidModel model = regenerated(DENSE_CFC);

        assertThat(model.connectivity()).isEmpty();
        assertThat(model.wiring()).isEmpty();
        assertThat(model.checkpointMatchesWiring()).isTrue();
    }

    private static NdArray maskOf(int[][] polarity) {
        int rows = polarity.length;
        int cols = polarity[0].length;
        float[] m = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r * cols + c] = Math.abs(polarity[r][c]); // ncps: sparsity_mask = abs(adjacency_matrix)
            }
        }
        return NdArray.ofFloats(new int[] {rows, cols}, m);
    }

    private static int[] firstAbsentSynapse(int[][] adjacency) {
        for (int r = 0; r < adjacency.length; r++) {
            for (int c = 0; c < adjacency[r].length; c++) {
                if (adjacency[r][c] == 0) {
                    return new int[] {r, c};
                }
            }
        }
        throw new AssertionError("fully connected");
    }
}
