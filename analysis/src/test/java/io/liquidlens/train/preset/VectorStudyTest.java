package io.liquidlens.train.preset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.NcpsConfig;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.spec.WiringJson;
import io.liquidlens.wiring.Wiring;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The vector seed study's presets: four liquid architectures of nine neurons and the LSTM and GRU baselines of 64
 * units on the same six inputs, the random wiring with the NCP's synapse count, five seeds each, one recipe and one
 * data set for all.
 */
class VectorStudyTest {

    private static Wiring wiringOf(TrainingPreset p) {
        JsonNode ncps = p.template().get("ncps");
        return WiringJson.parse(ncps.get("units")).build(ncps.get("input_size").asInt());
    }

    private static TrainingPreset member(String name) {
        return TrainingPresets.get(name);
    }

    @Test
    void thirtyMembersSixArchitecturesTimesFiveSeedsAllRegisteredAsPresets() {
        List<TrainingPreset> members = VectorStudy.members();
        assertThat(members).hasSize(30);
        assertThat(members.stream().map(TrainingPreset::name).toList()).startsWith("vector-study-ncp-s1",
                "vector-study-ncp-s2").contains("vector-study-fullyconnected-s3", "vector-study-random-s5",
                "vector-study-cfc-s1", "vector-study-lstm-s1", "vector-study-gru-s5").doesNotHaveDuplicates();
        for (TrainingPreset m : members) {
            assertThat(TrainingPresets.names()).contains(m.name());
            long seed = Long.parseLong(m.name().substring(m.name().lastIndexOf("-s") + 2));
            assertThat(m.training().seed()).isEqualTo(seed);
        }
    }

    @Test
    void architecturesAreTheNamedCellsAndWiringsOfNineNeuronsOnSixInputs() {
        Map<String, TrainingPreset> bySeed1 = VectorStudy.members().stream()
                .filter(m -> m.name().endsWith("-s1") && m.template().at("/ncps/units").isObject())
                .collect(Collectors.toMap(TrainingPreset::name, Function.identity()));
        assertThat(bySeed1).hasSize(4);
        for (TrainingPreset m : bySeed1.values()) {
            Wiring w = wiringOf(m);
            assertThat(w.units()).as(m.name()).isEqualTo(9);
            assertThat(w.outputDim()).as(m.name()).isEqualTo(1);
            assertThat(w.inputDim()).as(m.name()).isEqualTo(6);
            assertThat(m.template().at("/inputs/names").toString())
                    .isEqualTo("[\"d_lane\",\"mu\",\"kappa\",\"noise_1\",\"noise_2\",\"spurious_1\"]");
        }
        assertThat(cell(bySeed1.get("vector-study-ncp-s1"))).isEqualTo("LTC");
        assertThat(cell(bySeed1.get("vector-study-fullyconnected-s1"))).isEqualTo("LTC");
        assertThat(cell(bySeed1.get("vector-study-random-s1"))).isEqualTo("LTC");
        assertThat(cell(bySeed1.get("vector-study-cfc-s1"))).isEqualTo("CfC");
        assertThat(wiringOf(bySeed1.get("vector-study-ncp-s1")).kind()).isEqualTo("NCP");
        assertThat(wiringOf(bySeed1.get("vector-study-fullyconnected-s1")).kind()).isEqualTo("FullyConnected");
        assertThat(wiringOf(bySeed1.get("vector-study-random-s1")).kind()).isEqualTo("Random");
        assertThat(bySeed1.get("vector-study-cfc-s1").template().at("/ncps/units"))
                .as("the wired CfC runs on the NCP's very wiring")
                .isEqualTo(bySeed1.get("vector-study-ncp-s1").template().at("/ncps/units"));
        assertThat(bySeed1.get("vector-study-ncp-s1").template().get("ncps"))
                .as("the study's NCP is the vector-lanekeeping sample's network")
                .isEqualTo(TrainingPresets.get("vector-lanekeeping").template().get("ncps"));
    }

    @Test
    void theBaselinesAreTorchLstmAndGruOfSixtyFourUnitsOnTheLiquidMembersInputsThatLoadAndStep() {
        TrainingPreset ncp = member("vector-study-ncp-s1");
        for (String torchClass : List.of("LSTM", "GRU")) {
            TrainingPreset m = member("vector-study-" + torchClass.toLowerCase(Locale.ROOT) + "-s1");
            JsonNode ncps = m.template().get("ncps");
            assertThat(ncps.get("class").asText()).isEqualTo(torchClass);
            assertThat(ncps.get("hidden_size").asInt()).isEqualTo(64);
            assertThat(ncps.get("num_layers").asInt()).isEqualTo(1);
            assertThat(ncps.at("/readout/out_features").asInt()).isEqualTo(1);
            assertThat(m.template().get("inputs")).as("the same names, so the same input roles and distractors")
                    .isEqualTo(ncp.template().get("inputs"));
            assertThat(m.template().get("outputs")).isEqualTo(ncp.template().get("outputs"));
            ModelSpec spec = NcpsConfig.parse(ncps);
            assertThat(spec.cell()).isInstanceOf(BaselineSpec.class);
            assertThat(spec.units()).isEqualTo(new UnitsSpec.Dense(64));
            assertThat(spec.inputSize()).isEqualTo(6);
        }
    }

    @Test
    void theRandomWiringHasTheNcpsSynapseCountAndTheFullyConnectedEverySynapse() {
        Wiring ncp = wiringOf(member("vector-study-ncp-s1"));
        Wiring random = wiringOf(member("vector-study-random-s1"));
        Wiring full = wiringOf(member("vector-study-fullyconnected-s1"));
        assertThat(ncp.synapseCount() + ncp.sensorySynapseCount()).isEqualTo(33);
        assertThat(random.synapseCount() + random.sensorySynapseCount())
                .isEqualTo(ncp.synapseCount() + ncp.sensorySynapseCount());
        assertThat(full.synapseCount()).isEqualTo(9 * 9);
        assertThat(full.sensorySynapseCount()).isEqualTo(6 * 9);
        assertThat(random.sensorySynapses()).as("the motor neuron can be reached from the inputs")
                .anyMatch(s -> s[1] == 0);
    }

    @Test
    void everyMemberHasTheSameRecipeAndRecordsTheSameDataWhateverItsSeed() {
        TrainingPreset first = member("vector-study-ncp-s1");
        for (TrainingPreset m : VectorStudy.members()) {
            assertThat(m.data()).as(m.name()).isEqualTo(first.data());
            assertThat(m.training().withSeed(1)).as(m.name()).isEqualTo(first.training());
            assertThat(m.quick()).isEqualTo(first.quick());
            assertThat(m.dagger()).isNull();
            PresetTraining job = PresetTraining.of(m, Path.of("out"), null, false, null, null, null, null);
            assertThat(job.dataSeed()).as(m.name()).isEqualTo(VectorStudy.DATA_SEED);
        }
        assertThat(first.data().distractors()).isEqualTo("noise-channels,spurious");
        PresetTraining reseeded = PresetTraining.of(member("vector-study-cfc-s2"), Path.of("out"), null, true, null,
                9L, null, null);
        assertThat(reseeded.options().seed()).isEqualTo(9);
        assertThat(reseeded.dataSeed()).as("--seed changes the training, not the data").isEqualTo(1);
    }

    @Test
    void thePresetsOutsideTheStudyStillRecordWithTheirTrainingSeed() {
        PresetTraining job = PresetTraining.of(member("vector-lanekeeping"), Path.of("out"), null, false, null, 7L,
                null, null);
        assertThat(job.dataSeed()).isEqualTo(7);
    }

    private static String cell(TrainingPreset p) {
        return p.template().at("/ncps/class").asText();
    }
}
