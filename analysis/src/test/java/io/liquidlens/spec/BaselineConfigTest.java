package io.liquidlens.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A baseline's {@code ncps} object: torch's constructor keywords and defaults, a CT-RNN's, and the readout. */
class BaselineConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelSpec parse(String text) {
        try {
            return NcpsConfig.parse(JSON.readTree(text.replace('\'', '"')));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void absentKeysTakeTorchsDefaults() {
        ModelSpec s = parse("{'class': 'GRU', 'input_size': 6, 'hidden_size': 20, 'readout': {'out_features': 1}}");

        assertThat(s.inputSize()).isEqualTo(6);
        assertThat(s.units()).isEqualTo(new UnitsSpec.Dense(20));
        assertThat(s.cell()).isEqualTo(new TorchRnnSpec(TorchRnnKind.GRU, 1, true, false, 0.0, new ReadoutSpec(1, true)));
        assertThat(s.wiringSpec()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'class': 'LSTM', 'input_size': 5, 'hidden_size': 16, 'num_layers': 2, 'batch_first': true, 'dropout': 0.2,"
            + " 'readout': {'out_features': 2, 'bias': false}}",
        "{'class': 'RNN', 'input_size': 4, 'hidden_size': 12, 'nonlinearity': 'relu', 'bias': false,"
            + " 'readout': {'out_features': 1}}",
        "{'class': 'CTRNN', 'input_size': 3, 'units': 7, 'ode_unfolds': 4, 'readout': {'out_features': 2}}"})
    void everyKeywordIsWrittenAndReadBackToTheSameModel(String text) {
        ModelSpec s = parse(text);

        JsonNode written = NcpsConfig.toJson(s);

        assertThat(NcpsConfig.parse(written)).isEqualTo(s);
        assertThat(written.get("readout").get("in_features").asInt())
                .isEqualTo(((UnitsSpec.Dense) s.units()).units());
    }

    @Test
    void aReluRnnKeepsItsNonlinearityAndAnLstmHasNone() {
        TorchRnnSpec relu = (TorchRnnSpec) parse("{'class': 'RNN', 'input_size': 1, 'hidden_size': 2,"
                + " 'nonlinearity': 'relu', 'readout': {'out_features': 1}}").cell();

        assertThat(relu.kind()).isEqualTo(TorchRnnKind.RNN_RELU);
        assertThatThrownBy(() -> parse("{'class': 'LSTM', 'input_size': 1, 'hidden_size': 2, 'nonlinearity': 'relu',"
                + " 'readout': {'out_features': 1}}")).hasMessage("ncps: 'nonlinearity' is a setting of RNN, not of LSTM");
        assertThatThrownBy(() -> parse("{'class': 'RNN', 'input_size': 1, 'hidden_size': 2, 'nonlinearity': 'gelu',"
                + " 'readout': {'out_features': 1}}")).hasMessageContaining("'nonlinearity' must be \"tanh\" or \"relu\"");
    }

    @Test
    void whatLiquidLensDoesNotComputeIsRefusedNamingTheKey() {
        String base = "{'class': 'LSTM', 'input_size': 3, 'hidden_size': 4, 'readout': {'out_features': 1}, ";
        assertThatThrownBy(() -> parse(base + "'bidirectional': true}")).hasMessageStartingWith("ncps: 'bidirectional'");
        assertThatThrownBy(() -> parse(base + "'proj_size': 2}")).hasMessageStartingWith("ncps: 'proj_size'");
        assertThatThrownBy(() -> parse(base + "'units': 4}")).hasMessage("ncps: unknown keyword 'units'");
        assertThatThrownBy(() -> parse(base + "'num_layers': 0}")).hasMessageContaining("'num_layers' must be in 1..100");
        assertThatThrownBy(() -> parse(base + "'dropout': 1.0}")).hasMessageContaining("dropout must be in [0, 1)");
    }

    @Test
    void theReadoutIsRequiredAndMustReadTheHiddenUnits() {
        assertThatThrownBy(() -> parse("{'class': 'GRU', 'input_size': 3, 'hidden_size': 4}"))
                .hasMessageStartingWith("ncps: 'readout' is required");
        assertThatThrownBy(() -> parse("{'class': 'GRU', 'input_size': 3, 'hidden_size': 4, 'readout':"
                + " {'in_features': 5, 'out_features': 1}}")).hasMessageContaining("'in_features' 5 must be the 4");
        assertThatThrownBy(() -> parse("{'class': 'GRU', 'input_size': 3, 'hidden_size': 4, 'readout':"
                + " {'class': 'Conv1d', 'out_features': 1}}")).hasMessageContaining("'class' must be \"Linear\"");
        assertThatThrownBy(() -> parse("{'class': 'GRU', 'input_size': 3, 'hidden_size': 4, 'readout':"
                + " {'out_features': 1, 'activation': 'relu'}}")).hasMessage("ncps.readout: unknown keyword 'activation'");
    }

    @Test
    void hiddenUnitsOfAllLayersTogetherAreBoundedBeforeAnythingIsMade() {
        assertThatThrownBy(() -> parse("{'class': 'LSTM', 'input_size': 3, 'hidden_size': 5000, 'num_layers': 3,"
                + " 'readout': {'out_features': 1}}")).hasMessageContaining("15000 is over the limit of 10000");
    }
}
