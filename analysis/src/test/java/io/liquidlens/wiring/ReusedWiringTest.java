package io.liquidlens.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ncps keeps the wiring's generator in the wiring object, so building it twice adds synapses. The ncps
 * fixtures' AutoNCP checkpoints were saved that way: their masks are exactly the twice-built wiring.
 */
class ReusedWiringTest {

    @Test
    void fixtureCheckpointMasksAreTheTwiceBuiltAutoNcp() {
        List<JsonNode> cases = Fixtures.cases("ltc.json").stream()
                .filter(c -> c.get("wiring").get("class").asText().equals("AutoNCP")).toList();
        assertThat(cases).isNotEmpty();
        for (JsonNode c : cases) {
            JsonNode args = c.get("wiring").get("args");
            AutoNcpSpec spec = new AutoNcpSpec(args.get("units").asInt(), args.get("output_size").asInt(),
                    args.get("sparsity_level").asDouble(), args.get("seed").asLong());
            int inputs = args.get("input_dim").asInt();
            Wiring twice = spec.buildTwice(inputs);
            float[] mask = Fixtures.floats(c.get("state_dict").get("rnn_cell.sparsity_mask"));
            float[] sensoryMask = Fixtures.floats(c.get("state_dict").get("rnn_cell.sensory_sparsity_mask"));
            assertThat(pattern(twice.adjacencyMatrix())).as(c.get("name").asText()).isEqualTo(pattern(mask));
            assertThat(pattern(twice.sensoryAdjacencyMatrix())).as(c.get("name").asText())
                    .isEqualTo(pattern(sensoryMask));
            assertThat(twice.synapseCount()).isGreaterThan(spec.build(inputs).synapseCount());
        }
    }

    @Test
    void buildingTwiceKeepsTheFirstBuildsSynapses() {
        AutoNcpSpec spec = new AutoNcpSpec(19, 1);
        Wiring once = spec.build(8);
        Wiring twice = spec.buildTwice(8);
        for (int[] s : once.synapses()) {
            assertThat(twice.polarity(s[0], s[1])).isNotZero();
        }
    }

    @Test
    void fullyConnectedHasTheSameSynapsesHoweverOftenItIsBuilt() {
        FullyConnectedSpec fc = new FullyConnectedSpec(5);
        assertThat(fc.buildTwice(3)).isEqualTo(fc.build(3));
    }

    private static String pattern(int[][] m) {
        StringBuilder sb = new StringBuilder();
        for (int[] row : m) {
            for (int v : row) {
                sb.append(v != 0 ? '1' : '0');
            }
        }
        return sb.toString();
    }

    private static String pattern(float[] flat) {
        StringBuilder sb = new StringBuilder();
        for (float v : flat) {
            sb.append(v != 0 ? '1' : '0');
        }
        return sb.toString();
    }
}
