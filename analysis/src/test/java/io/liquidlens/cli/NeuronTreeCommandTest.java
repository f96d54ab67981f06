package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liquidlens tree --level neuron} on the vector sample model, with neurons whose response to d is known. */
class NeuronTreeCommandTest {

    /**
     * Episodes for the vector sample (9 neurons: motor 0, command 1-3, inter 4-8) with world columns d, mu, kappa:
     * exactly half the steps have d > 0.2 (so the median of a two-valued state falls between its values);
     * command 0 (id 1) is 1 iff d > 0.2, else 0; command 1 (id 2) the reverse (low iff d > 0.2); the rest noise.
     */
    static void writeEpisodes(Path dir, int episodes, int steps, boolean withWorld) {
        SplittableRandom rng = new SplittableRandom(5);
        for (int e = 0; e < episodes; e++) {
            float[] inputs = new float[steps * 6];
            float[] states = new float[steps * 9];
            float[] world = new float[steps * 3];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < 6; i++) {
                    inputs[t * 6 + i] = (float) rng.nextGaussian();
                }
                boolean far = t % 2 == 0;
                double d = far ? 0.2 + (rng.nextInt(20) + 1) * 0.04 : 0.2 - rng.nextInt(20) * 0.04;
                for (int n = 0; n < 9; n++) {
                    states[t * 9 + n] = (float) rng.nextGaussian();
                }
                states[t * 9 + 1] = far ? 1 : 0;
                states[t * 9 + 2] = far ? 0 : 1;
                world[t * 3] = (float) d;
                world[t * 3 + 1] = (float) rng.nextGaussian();
                world[t * 3 + 2] = (float) rng.nextGaussian();
            }
            Rollout r = new Rollout(NdArray.ofFloats(new int[] {steps, 6}, inputs), null, null,
                    NdArray.ofFloats(new int[] {steps, 9}, states),
                    withWorld ? NdArray.ofFloats(new int[] {steps, 3}, world) : null,
                    withWorld ? List.of("d", "mu", "kappa") : List.of(), null, null, Map.of());
            Rollouts.write(dir.resolve(String.format("episode-%04d.npz", e)), r);
        }
    }

    private static String model() {
        return TreeCommandTest.sample("sample-models/vector-lanekeeping").toString();
    }

    @Test
    void aStepFunctionOfDIsOneSplitAtPointTwoAndTheMirrorNeuronConflicts(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeEpisodes(data, 8, 200, true);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("tree", "--level", "neuron", "--model", model(), "--rollouts", data.toString(),
                "--neurons", "C0,C1,I0", "--bins", "2", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("3 neuron trees over d, mu, kappa (1600 steps, 2 held-out episode(s))");
        JsonNode json = new ObjectMapper().readTree(out.resolve("neurons.json").toFile());
        JsonNode c0 = json.get("neurons").get(0);
        assertThat(c0.get("name").asText()).isEqualTo("command 0 (id 1)");
        assertThat(c0.get("fidelity").asDouble()).isEqualTo(1.0);
        assertThat(c0.get("leaves").asInt()).isEqualTo(2);
        assertThat(c0.get("depth").asInt()).isEqualTo(1);
        // each class is covered by one rule, so the class names the rule: concentration 1 by its definition
        assertThat(c0.get("concentration").asDouble()).isEqualTo(1.0);
        JsonNode rules = c0.get("rules");
        assertThat(rules.get(0).get("class").asText()).isEqualTo("low");
        assertThat(rules.get(0).get("bounds").get("d").get("at_most").asDouble()).isCloseTo(0.2, within());
        assertThat(rules.get(1).get("rule").asText()).startsWith("d > 0.2").contains("-> high (");
        assertThat(rules.get(0).get("steps").asInt() + rules.get(1).get("steps").asInt()).isEqualTo(1600);
        JsonNode conflict = json.get("conflicts").get(0);
        assertThat(conflict.get("first").asText()).isEqualTo("command 0 (id 1)");
        assertThat(conflict.get("second").asText()).isEqualTo("command 1 (id 2)");
        assertThat(conflict.get("steps").asInt()).isEqualTo(800);
        assertThat(conflict.get("pair_steps").asInt()).isEqualTo(1600);
        assertThat(json.get("provenance").get("command").asText()).isEqualTo("liquidlens tree --level neuron");
        assertThat(out.resolve("neurons/C0.dot")).exists();
        assertThat(out.resolve("neurons/I0.dot")).exists();
        assertThat(Files.readString(out.resolve("neuron-rules.txt"))).contains("# command 1 (id 2) (C1)")
                .contains("-> low (");
        // neurons.pdf: one tree per page, each captioned with its neuron
        try (PDDocument pdf = Loader.loadPDF(out.resolve("neurons.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper text = new PDFTextStripper();
            String[] neurons = {"command 0 (id 1)", "command 1 (id 2)", "inter 0 (id 4)"};
            for (int page = 1; page <= 3; page++) {
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(pdf)).contains(neurons[page - 1]).contains("fidelity");
            }
        }
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.021);
    }

    @Test
    void aWorldColumnThatDoesNotExistIsOneLine(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeEpisodes(data, 2, 20, true);
        CliRunner r = CliRunner.run("tree", "--level", "neuron", "--model", model(), "--rollouts", data.toString(),
                "--world", "d,speed", "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("episode-0000.npz")
                .contains("no world column \"speed\"").contains("--world").contains("d, mu, kappa");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aRolloutWithoutWorldIsOneLine(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeEpisodes(data, 2, 20, false);
        CliRunner r = CliRunner.run("tree", "--level", "neuron", "--model", model(), "--rollouts", data.toString(),
                "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip()).doesNotContain("\n").contains("episode-0000.npz").contains("has no world array");
    }

    @Test
    void policyOptionsAreRefusedAtTheNeuronLevel(@TempDir Path dir) {
        CliRunner r = CliRunner.run("tree", "--level", "neuron", "--model", model(), "--rollouts",
                dir.resolve("rollouts").toString(), "--rates", "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("--rates");
        CliRunner l = CliRunner.run("tree", "--level", "tree", "--model", model(), "--rollouts",
                dir.resolve("rollouts").toString(),
                "--out", dir.resolve("out").toString());
        assertThat(l.err()).contains("--level must be policy or neuron");
    }
}
