package io.liquidlens.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.NcpSpec;
import io.liquidlens.wiring.RandomSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NcpsConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ModelSpec parse(String text) {
        return NcpsConfig.parse(json(text));
    }

    @Test
    void formatsExampleParsesWithNcpsDefaults() {
        ModelSpec s = parse("{'class': 'LTC', 'input_size': 32, 'units': {'class': 'AutoNCP', 'units': 19,"
                + " 'output_size': 1, 'sparsity_level': 0.5, 'seed': 22222}, 'implicit_param_constraints': true,"
                + " 'ode_unfolds': 6}");
        assertThat(s.inputSize()).isEqualTo(32);
        assertThat(s.wiringSpec()).isEqualTo(new AutoNcpSpec(19, 1, 0.5, 22222));
        assertThat(s.cell()).isEqualTo(LtcSpec.defaults());
    }

    @Test
    void absentKeysTakeNcpsWrapperDefaults() {
        LtcSpec ltc = (LtcSpec) parse("{'class': 'LTC', 'input_size': 2, 'units': 4}").cell();
        assertThat(ltc.implicitParamConstraints()).isTrue(); // the LTC wrapper's default, not LTCCell's
        assertThat(ltc.epsilon()).isEqualTo(1e-8);
        CfcSpec cfc = (CfcSpec) parse("{'class': 'CfC', 'input_size': 2, 'units': 4}").cell();
        assertThat(cfc).isEqualTo(CfcSpec.defaults());
        assertThat(cfc.backboneUnits()).isEqualTo(128);
        assertThat(cfc.backboneLayers()).isEqualTo(1);
        CfcSpec wired = (CfcSpec) parse("{'class': 'CfC', 'input_size': 2, 'units': {'class': 'FullyConnected',"
                + " 'units': 4}}").cell();
        assertThat(wired).isEqualTo(CfcSpec.wiredDefaults());
        assertThat(parse("{'class': 'LTC', 'input_size': 2, 'units': 4, 'output_mapping': null}").cell())
                .extracting("outputMapping").isEqualTo(Mapping.NONE);
    }

    @Test
    void everyFixtureCtorParses() {
        for (String f : new String[] {"ltc.json", "cfc.json"}) {
            for (JsonNode c : Fixtures.cases(f)) {
                ModelSpec s = FixtureModels.spec(c);
                assertThat(s.inputSize()).isEqualTo(8);
                assertThat(s.cell().ncpsClass()).isEqualTo(c.get("ctor").get("class").asText());
            }
        }
    }

    @Test
    void everyWiringClassParses() {
        assertThat(WiringJson.parse(json("{'class': 'NCP', 'inter_neurons': 12, 'command_neurons': 6,"
                + " 'motor_neurons': 1, 'sensory_fanout': 6, 'inter_fanout': 4, 'recurrent_command_synapses': 6,"
                + " 'motor_fanin': 6}"))).isEqualTo(new NcpSpec(12, 6, 1, 6, 4, 6, 6, 22222));
        assertThat(WiringJson.parse(json("{'class': 'FullyConnected', 'units': 16, 'output_dim': 4,"
                + " 'erev_init_seed': 7, 'self_connections': false}")))
                .isEqualTo(new FullyConnectedSpec(16, 4, 7, false));
        assertThat(WiringJson.parse(json("{'class': 'Random', 'units': 8, 'sparsity_level': 0.3}")))
                .isEqualTo(new RandomSpec(8, null, 0.3, 1111));
        ExplicitWiringSpec e = (ExplicitWiringSpec) WiringJson.parse(json("{'class': 'Wiring', 'units': 2,"
                + " 'output_dim': 1, 'adjacency_matrix': [[0, 1], [-1, 0]], 'sensory_adjacency_matrix': [[1, 1]]}"));
        assertThat(e.adjacency()).isDeepEqualTo(new int[][] {{0, 1}, {-1, 0}});
        assertThat(e.sensoryAdjacency()).isDeepEqualTo(new int[][] {{1, 1}});
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'class': 'LTC', 'input_size': 3, 'units': {'class': 'AutoNCP', 'units': 10, 'output_size': 2}, 'batch_first': false, 'return_sequences': false, 'mixed_memory': true, 'input_mapping': 'linear', 'output_mapping': null, 'ode_unfolds': 3, 'epsilon': 1e-6, 'implicit_param_constraints': false}",
        "{'class': 'CfC', 'input_size': 3, 'units': 16, 'proj_size': 3, 'mode': 'pure', 'activation': 'gelu', 'backbone_units': 64, 'backbone_layers': 2, 'backbone_dropout': 0.1}",
        "{'class': 'CfC', 'input_size': 3, 'units': {'class': 'NCP', 'inter_neurons': 5, 'command_neurons': 4, 'motor_neurons': 2, 'sensory_fanout': 2, 'inter_fanout': 2, 'recurrent_command_synapses': 3, 'motor_fanin': 2, 'seed': 5}, 'mode': 'no_gate', 'proj_size': 1}",
        "{'class': 'LTC', 'input_size': 1, 'units': {'class': 'Wiring', 'units': 2, 'output_dim': 1, 'adjacency_matrix': [[0, 1], [-1, 0]], 'sensory_adjacency_matrix': [[1, 0]]}}",
        "{'class': 'CfC', 'input_size': 2, 'units': {'class': 'Random', 'units': 5, 'output_dim': 5, 'sparsity_level': 0.5, 'random_seed': 3}, 'proj_size': 2}",
        "{'class': 'CfC', 'input_size': 1, 'units': {'class': 'Wiring', 'units': 3, 'output_dim': 1, 'adjacency_matrix': [[0, 0, 0], [1, 0, 0], [0, 1, 0]], 'sensory_adjacency_matrix': [[0, 0, 1]], 'layers': [[2], [1], [0]]}}",
    })
    void writingAndReadingBackGivesTheSameSpec(String text) {
        ModelSpec first = parse(text);
        JsonNode written = NcpsConfig.toJson(first);
        ModelSpec second = NcpsConfig.parse(written);
        assertThat(NcpsConfig.toJson(second)).isEqualTo(written);
        assertThat(second.cell()).isEqualTo(first.cell());
        assertThat(second.inputSize()).isEqualTo(first.inputSize());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'class': 'Transformer', 'input_size': 3, 'units': 4}|unknown class 'Transformer'",
        "{'class': 'LTC', 'input_size': 3, 'units': 4, 'ode_unfold': 6}|unknown keyword 'ode_unfold'",
        "{'class': 'LTC', 'input_size': 3, 'units': {'class': 'AutoNCP', 'units': 10, 'output_size': 2, 'sed': 1}}|unknown keyword 'sed'",
        "{'class': 'LTC', 'input_size': 3, 'units': {'class': 'Tree', 'units': 10}}|unknown class 'Tree'",
        "{'class': 'LTC', 'input_size': '3', 'units': 4}|'input_size' must be an integer",
        "{'class': 'LTC', 'input_size': 3, 'units': 0}|'units' must be in 1..",
        "{'class': 'LTC', 'input_size': 3, 'units': 4, 'ode_unfolds': 0}|'ode_unfolds' must be in 1..",
        "{'class': 'LTC', 'input_size': 3, 'units': 4, 'mixed_memory': 1}|'mixed_memory' must be true or false",
        "{'class': 'LTC', 'input_size': 3, 'units': 4, 'input_mapping': 'affin'}|'input_mapping' must be",
        "{'class': 'CfC', 'input_size': 3, 'units': 4, 'mode': 'fast'}|'mode'",
        "{'class': 'CfC', 'input_size': 3, 'units': 4, 'activation': 'elu'}|'activation'",
        "{'class': 'CfC', 'input_size': 3, 'units': 4, 'backbone_dropout': 1.0}|backbone_dropout",
        "{'class': 'CfC', 'input_size': 3, 'units': {'class': 'AutoNCP', 'units': 10, 'output_size': 2}, 'backbone_units': 8}|'backbone_units' cannot be used with a wiring",
        "{'class': 'CfC', 'input_size': 3, 'units': {'class': 'FullyConnected', 'units': 10, 'output_dim': 2}, 'proj_size': 1}|proj_size cannot be used with a single-layer wiring",
        "{'class': 'LTC', 'input_size': 3, 'units': {'class': 'AutoNCP', 'units': 10, 'output_size': 8}}|'output_size' 8 must be less than units - 2",
        "{'class': 'LTC', 'input_size': 3, 'units': {'class': 'AutoNCP', 'units': 10, 'output_size': 2, 'sparsity_level': 0.05}}|'sparsity_level' must be in [0.1, 1.0]",
        "{'class': 'LTC', 'input_size': 3, 'units': {'class': 'NCP', 'inter_neurons': 5, 'command_neurons': 2, 'motor_neurons': 1, 'sensory_fanout': 2, 'inter_fanout': 2, 'recurrent_command_synapses': 3, 'motor_fanin': 3}}|'motor_fanin' 3 exceeds command_neurons 2",
        "{'class': 'LTC', 'input_size': 2, 'units': {'class': 'Wiring', 'units': 2, 'output_dim': 1, 'adjacency_matrix': [[0, 1], [-1, 0]], 'sensory_adjacency_matrix': [[1, 0]]}}|sensory_adjacency_matrix has 1 rows but input_size is 2",
        "{'class': 'LTC', 'input_size': 1, 'units': {'class': 'Wiring', 'units': 2, 'output_dim': 1, 'adjacency_matrix': [[0, 2], [-1, 0]], 'sensory_adjacency_matrix': [[1, 0]]}}|must be -1, 0 or 1",
        "{'class': 'LTC', 'input_size': 1, 'units': {'class': 'Wiring', 'units': 2, 'output_dim': 1, 'adjacency_matrix': [[0, 1], [-1, 0]], 'sensory_adjacency_matrix': [[1, 0]], 'layers': [[1]]}}|layers leave out neuron 0",
        "{'class': 'LTC', 'input_size': 1, 'units': {'class': 'Wiring', 'units': 2, 'output_dim': 1, 'adjacency_matrix': [[0, 1], [-1, 0]], 'sensory_adjacency_matrix': [[1, 0]], 'layers': [[0], [1]]}}|last layer must be the motor neurons 0..0",
        "{'class': 'LTC', 'input_size': 1, 'units': {'class': 'Wiring', 'units': 2, 'output_dim': 1, 'adjacency_matrix': [[0, 1], [-1, 0]], 'sensory_adjacency_matrix': [[1, 0]], 'layers': [[1, 1], [0]]}}|holds neuron 1, which is in an earlier layer",
        "{'class': 'LTC', 'input_size': 1, 'units': {'class': 'Wiring', 'units': 2, 'output_dim': 1, 'adjacency_matrix': [[0, 1], [-1, 0]], 'sensory_adjacency_matrix': [[1, 0]], 'layers': [[1], ['x']]}}|give neuron ids",
    })
    void badInputNamesTheKey(String line) {
        String[] parts = line.split("\\|");
        assertThatThrownBy(() -> parse(parts[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(parts[1]);
    }

    @Test
    void allNcpsNamesAreWrittenBack() {
        JsonNode written = NcpsConfig.toJson(parse("{'class': 'LTC', 'input_size': 2, 'units': 4}"));
        List<String> keys = new ArrayList<>();
        written.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("class", "input_size", "units", "return_sequences", "batch_first",
                "mixed_memory", "input_mapping", "output_mapping", "ode_unfolds", "epsilon",
                "implicit_param_constraints");
    }
}
