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
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            Path p = root.resolve("sample-models/vector-lanekeeping");
            if (Files.isRegularFile(p.resolve("model.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("sample-models/vector-lanekeeping not found from " + Path.of("").toAbsolutePath());
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
