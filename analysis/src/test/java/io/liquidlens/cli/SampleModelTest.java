package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed sample model {@code sample-models/vector-lanekeeping} loads in {@code info} and drives. */
class SampleModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path sample() {
        return sample("vector-lanekeeping");
    }

    private static Path sample(String name) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            Path p = root.resolve("sample-models/" + name);
            if (Files.isRegularFile(p.resolve("model.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("sample-models/" + name + " not found from " + Path.of("").toAbsolutePath());
    }

    @Test
    void theCameraNcpLoadsWithThePapersSizesAndDrivesAShortEpisode() throws Exception {
        Path ncp = sample("ncp-lanekeeping");
        CliRunner info = CliRunner.run("info", "--model", ncp.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode summary = JSON.readTree(info.out());
        assertThat(summary.at("/neurons/sensory").asInt()).isEqualTo(32);
        assertThat(summary.at("/neurons/inter").asInt()).isEqualTo(12);
        assertThat(summary.at("/neurons/command").asInt()).isEqualTo(6);
        assertThat(summary.at("/neurons/motor").asInt()).isEqualTo(1);
        assertThat(summary.at("/size_table/head_parameters").asLong()).isPositive();
        CliRunner eval = CliRunner.run("evaluate", "--model", ncp.toString(), "--episodes", "1", "--steps", "100",
                "--seed", "3", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(JSON.readTree(eval.out()).get("mean_abs_d").asDouble()).isLessThan(0.5);
    }

    @Test
    void theFullyConnectedAblationLoadsWithTheSameHeadAndNeuronsAndSaysHowItWasMade() throws Exception {
        Path fc = sample("fullyconnected-lanekeeping");
        CliRunner info = CliRunner.run("info", "--model", fc.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode summary = JSON.readTree(info.out());
        JsonNode ncp = JSON.readTree(CliRunner.run("info", "--model", sample("ncp-lanekeeping").toString(), "--json")
                .out());
        assertThat(summary.at("/size_table/rnn_neurons").asInt()).isEqualTo(19);
        assertThat(summary.at("/size_table/head_parameters").asLong())
                .isEqualTo(ncp.at("/size_table/head_parameters").asLong());
        // 19 x 19 recurrent + 32 x 19 sensory synapses, where the NCP keeps a fraction
        assertThat(summary.at("/size_table/synapses").asInt()).isEqualTo(19 * 19 + 32 * 19);
        JsonNode model = JSON.readTree(fc.resolve("model.json").toFile());
        assertThat(model.at("/provenance/preset/name").asText()).isEqualTo("fullyconnected-lanekeeping");
        assertThat(model.at("/provenance/training/epochs_done").asInt()).isEqualTo(15);
    }

    @Test
    void loadsInInfoAsTheNineNeuronNcpOnSixNamedInputs() throws Exception {
        CliRunner info = CliRunner.run("info", "--model", sample().toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("6 sensory (inputs), 5 inter, 3 command, 1 motor");
        JsonNode model = JSON.readTree(sample().resolve("model.json").toFile());
        assertThat(model.at("/provenance/preset/name").asText()).isEqualTo("vector-lanekeeping");
        assertThat(model.at("/inputs/names").toString()).isEqualTo(
                "[\"d\",\"mu\",\"kappa\",\"noise_1\",\"noise_2\",\"spurious_1\"]");
    }

    @Test
    void drivesHeldOutRoadsWithoutCrashing() throws Exception {
        CliRunner eval = CliRunner.run("evaluate", "--model", sample().toString(), "--episodes", "3", "--steps", "300",
                "--seed", "7", "--distractors", "noise-channels,spurious", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode result = JSON.readTree(eval.out());
        assertThat(result.get("crashes").asInt()).isZero();
        assertThat(result.get("mean_abs_d").asDouble()).isLessThan(0.25);
    }
}
