package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.RandomRollouts;
import io.liquidlens.tree.FeatureSet;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tree} on an LSTM baseline: it has no command neurons, so the default features are all its hidden units,
 * named by layer and index, and the summary line, the caption's options and tree.json say so.
 */
class BaselineTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aBaselinesTreeSplitsOnEveryUnitAndSaysSo() throws Exception {
        Path model = importedLstm();
        Path rollouts = rollouts(8, 60);

        CliRunner run = CliRunner.run("tree", "--model", model.toString(), "--rollouts", rollouts.toString(),
                "--min-leaf", "10", "--out", tmp.resolve("t").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(FeatureSet.ALL_UNITS_NOTE);
        JsonNode tree = JSON.readTree(tmp.resolve("t/tree.json").toFile());
        assertThat(tree.get("options").get("features").get("note").asText()).isEqualTo(FeatureSet.ALL_UNITS_NOTE);
        assertThat(tree.get("features")).hasSize(24);
        assertThat(tree.get("features").get(3).asText()).isEqualTo("l0.u3");
        String rules = Files.readString(tmp.resolve("t/rules.txt"));
        assertThat(rules).containsPattern("l0\\.u\\d+ [<>]").doesNotContain("inter ").doesNotContain("command");
        assertThat(rules).contains("over 24 features");
    }

    @Test
    void namedUnitsAreFoundByTheirLayerAndIndex() throws Exception {
        Path model = importedLstm();
        Path rollouts = rollouts(8, 60);

        CliRunner run = CliRunner.run("tree", "--model", model.toString(), "--rollouts", rollouts.toString(),
                "--neurons", "l0.u3,l0.u17", "--min-leaf", "10", "--out", tmp.resolve("t").toString());
        CliRunner unknown = CliRunner.run("tree", "--model", model.toString(), "--rollouts", rollouts.toString(),
                "--neurons", "command 0 (id 0)", "--out", tmp.resolve("u").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain(FeatureSet.ALL_UNITS_NOTE);
        assertThat(Files.readString(tmp.resolve("t/rules.txt"))).contains("over 2 features");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).contains("no neuron named \"command 0 (id 0)\"").contains("l0.u23")
                .doesNotContain("\n");
        assertThat(Files.exists(tmp.resolve("u"))).isFalse();
    }

    private Path importedLstm() {
        Path model = tmp.resolve("m");
        CliRunner run = CliRunner.run("import", BaselineFixtures.named("lstm24x1_in6_out1").weights().toString(),
                "--out", model.toString(), "--set", "batch_first=true");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return model;
    }

    private Path rollouts(int episodes, int steps) {
        return RandomRollouts.write(tmp.resolve("rollouts"), RandomRollouts.inputs(episodes, steps, 6, 22));
    }
}
