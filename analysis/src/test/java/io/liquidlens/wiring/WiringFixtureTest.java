package io.liquidlens.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every wiring in {@code fixtures/wirings.json} (made by real ncps 1.0.1 with numpy 1.24) regenerated from
 * its constructor arguments must equal the recorded one: both matrices, roles, layers and counts.
 */
class WiringFixtureTest {

    static Stream<Arguments> fixtureWirings() {
        List<Arguments> out = new ArrayList<>();
        JsonNode all = Fixtures.json("wirings.json").get("wirings");
        for (int i = 0; i < all.size(); i++) {
            JsonNode w = all.get(i);
            out.add(Arguments.of(i + ": " + w.get("class").asText() + " " + w.get("args"), w));
        }
        assertThat(out).hasSize(13);
        return out.stream();
    }

    static WiringSpec specOf(JsonNode w) {
        JsonNode a = w.get("args");
        return switch (w.get("class").asText()) {
            case "AutoNCP" -> new AutoNcpSpec(a.get("units").asInt(), a.get("output_size").asInt(),
                    a.get("sparsity_level").asDouble(), a.get("seed").asLong());
            case "NCP" -> new NcpSpec(a.get("inter_neurons").asInt(), a.get("command_neurons").asInt(),
                    a.get("motor_neurons").asInt(), a.get("sensory_fanout").asInt(), a.get("inter_fanout").asInt(),
                    a.get("recurrent_command_synapses").asInt(), a.get("motor_fanin").asInt(), a.get("seed").asLong());
            case "FullyConnected" -> new FullyConnectedSpec(a.get("units").asInt(), optionalInt(a.get("output_dim")),
                    a.get("erev_init_seed").asLong(), a.get("self_connections").asBoolean());
            case "Random" -> new RandomSpec(a.get("units").asInt(), optionalInt(a.get("output_dim")),
                    a.get("sparsity_level").asDouble(), a.get("random_seed").asLong());
            default -> throw new IllegalArgumentException("unexpected class " + w.get("class"));
        };
    }

    private static Integer optionalInt(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }

    static int[][] matrix(JsonNode rows) {
        int[][] m = new int[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            JsonNode row = rows.get(i);
            m[i] = new int[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = row.get(j).asInt();
            }
        }
        return m;
    }

    private static Wiring build(JsonNode w) {
        return specOf(w).build(w.get("args").get("input_dim").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureWirings")
    void regeneratesBothAdjacencyMatricesExactly(String name, JsonNode w) {
        Wiring wiring = build(w);
        assertThat(wiring.adjacencyMatrix()).isDeepEqualTo(matrix(w.get("adjacency_matrix")));
        assertThat(wiring.sensoryAdjacencyMatrix()).isDeepEqualTo(matrix(w.get("sensory_adjacency_matrix")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureWirings")
    void hasTheRecordedSizesAndSynapseCounts(String name, JsonNode w) {
        Wiring wiring = build(w);
        assertThat(wiring.kind()).isEqualTo(w.get("class").asText());
        assertThat(wiring.units()).isEqualTo(w.get("units").asInt());
        assertThat(wiring.inputDim()).isEqualTo(w.get("input_dim").asInt());
        assertThat(wiring.outputDim()).isEqualTo(w.get("output_dim").asInt());
        assertThat(wiring.synapseCount()).isEqualTo(w.get("synapse_count").asInt());
        assertThat(wiring.sensorySynapseCount()).isEqualTo(w.get("sensory_synapse_count").asInt());
        assertThat(wiring.synapses()).hasSize(w.get("synapse_count").asInt());
        assertThat(wiring.sensorySynapses()).hasSize(w.get("sensory_synapse_count").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureWirings")
    void assignsTheRecordedNeuronTypes(String name, JsonNode w) {
        Wiring wiring = build(w);
        JsonNode types = w.get("neuron_types");
        List<String> expected = new ArrayList<>();
        types.forEach(t -> expected.add(t.asText()));
        List<String> got = new ArrayList<>();
        for (int i = 0; i < wiring.units(); i++) {
            got.add(wiring.role(i).ncpsName());
        }
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureWirings")
    void hasTheRecordedLayers(String name, JsonNode w) {
        Wiring wiring = build(w);
        int[][] expected = matrix(w.get("layers"));
        assertThat(wiring.layerCount()).isEqualTo(expected.length);
        for (int l = 0; l < expected.length; l++) {
            assertThat(wiring.layer(l)).as("layer %d", l).containsExactly(expected[l]);
        }
        assertThat(wiring.layers()).hasSize(expected.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureWirings")
    void autoNcpSizesItsLayersAsNcpsDoes(String name, JsonNode w) {
        if (!w.get("class").asText().equals("AutoNCP")) {
            return;
        }
        JsonNode p = w.get("ncp_params");
        NcpSpec ncp = ((AutoNcpSpec) specOf(w)).toNcp();
        assertThat(new int[] {ncp.interNeurons(), ncp.commandNeurons(), ncp.motorNeurons(), ncp.sensoryFanout(),
                ncp.interFanout(), ncp.recurrentCommandSynapses(), ncp.motorFanin()})
                .containsExactly(p.get("num_inter_neurons").asInt(), p.get("num_command_neurons").asInt(),
                        p.get("num_motor_neurons").asInt(), p.get("sensory_fanout").asInt(),
                        p.get("inter_fanout").asInt(), p.get("recurrent_command_synapses").asInt(),
                        p.get("motor_fanin").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureWirings")
    void buildingTwiceGivesTheSameWiring(String name, JsonNode w) {
        // ncps would add synapses on a second build (docs/NCPS.md#building-a-wiring-twice); each of our
        // builds starts afresh.
        assertThat(build(w)).isEqualTo(build(w));
    }
}
