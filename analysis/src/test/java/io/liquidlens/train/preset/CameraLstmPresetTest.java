package io.liquidlens.train.preset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.NcpsConfig;
import io.liquidlens.spec.UnitsSpec;
import org.junit.jupiter.api.Test;

/**
 * The camera LSTM ({@code lstm-lanekeeping}) is the NCP sample with only its recurrent part swapped: the same head
 * block, inputs, outputs, data, DAgger round and budget; a torch LSTM(32 -> 64) with a Linear(64 -> 1) readout, its
 * cell at the base rate.
 */
class CameraLstmPresetTest {
    private final TrainingPreset ncp = TrainingPresets.get("ncp-lanekeeping");
    private final TrainingPreset lstm = TrainingPresets.get("lstm-lanekeeping");

    @Test
    void itIsListedWithTheOtherCameraPresets() {
        assertThat(TrainingPresets.names()).containsSubsequence("cfc-lanekeeping", "lstm-lanekeeping",
                "vector-lanekeeping");
    }

    @Test
    void theHeadInputsAndOutputsAreTheNcpSamplesBlockForBlock() {
        for (String key : new String[] {"head", "inputs", "outputs", "format", "weights"}) {
            assertThat(lstm.template().get(key)).as(key).isEqualTo(ncp.template().get(key));
        }
    }

    @Test
    void theRecurrentPartIsATorchLstmOfSixtyFourUnitsOnTheHeadsFeaturesWithALinearReadout() {
        JsonNode ncps = lstm.template().get("ncps");
        assertThat(ncps.get("class").asText()).isEqualTo("LSTM");
        assertThat(ncps.get("num_layers").asInt()).isEqualTo(1);
        assertThat(ncps.get("batch_first").asBoolean()).isTrue();
        assertThat(ncps.get("input_size").asInt()).as("the head's 8 channels x 4 features")
                .isEqualTo(ncp.template().at("/ncps/input_size").asInt()).isEqualTo(32);
        assertThat(ncps.at("/readout/class").asText()).isEqualTo("Linear");
        assertThat(ncps.at("/readout/in_features").asInt()).isEqualTo(64);
        assertThat(ncps.at("/readout/out_features").asInt()).isEqualTo(1);
        ModelSpec spec = NcpsConfig.parse(ncps);
        assertThat(spec.cell()).isInstanceOf(BaselineSpec.class);
        assertThat(((BaselineSpec) spec.cell()).layers()).isEqualTo(1);
        assertThat(spec.units()).isEqualTo(new UnitsSpec.Dense(64));
        assertThat(spec.inputSize()).isEqualTo(32);
    }

    @Test
    void dataDaggerAndBudgetAreTheNcpSamplesWithTheCellAtTheBaseRate() {
        assertThat(lstm.data()).isEqualTo(ncp.data());
        assertThat(lstm.dagger()).isEqualTo(ncp.dagger());
        assertThat(lstm.quick()).isEqualTo(ncp.quick());
        assertThat(ncp.training().cellRateFactor()).isEqualTo(5);
        assertThat(lstm.training().cellRateFactor()).isEqualTo(1);
        assertThat(lstm.training()).as("epochs, batches, windows, rates, schedule, clip and seed")
                .isEqualTo(ncp.training().withCellRateFactor(1));
    }
}
