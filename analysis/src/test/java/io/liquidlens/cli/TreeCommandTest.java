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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liquidlens tree} end to end on the vector sample model, with rollouts whose answer is known. */
class TreeCommandTest {

    static Path sample(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            Path p = root.resolve(what);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException(what + " not found");
    }

    /**
     * Episodes for the vector sample (9 neurons: motor 0, command 1-3, inter 4-8) whose recorded states lie on a
     * grid of 0.05 and whose expert action is 1 (left) iff command 0 (id 1) > 0.3 and command 2 (id 3) <= -0.1.
     */
    static void writeEpisodes(Path dir, int episodes, int steps) {
        SplittableRandom rng = new SplittableRandom(11);
        for (int e = 0; e < episodes; e++) {
            float[] inputs = new float[steps * 6];
            float[] states = new float[steps * 9];
            float[] world = new float[steps * 2];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < 6; i++) {
                    inputs[t * 6 + i] = (float) rng.nextGaussian();
                }
                for (int n = 0; n < 9; n++) {
                    states[t * 9 + n] = (rng.nextInt(41) - 20) * 0.05f;
                }
                boolean left = states[t * 9 + 1] > 0.3f && states[t * 9 + 3] <= -0.1f;
                world[t * 2] = left ? 0.05f : 0f;
                world[t * 2 + 1] = 0f;
            }
            Rollout r = new Rollout(NdArray.ofFloats(new int[] {steps, 6}, inputs), null, null,
                    NdArray.ofFloats(new int[] {steps, 9}, states), NdArray.ofFloats(new int[] {steps, 2}, world),
                    List.of("expert_action", "d"), null, null, Map.of());
            Rollouts.write(dir.resolve(String.format("episode-%04d.npz", e)), r);
        }
    }

    @Test
    void theExpertsKnownRuleIsFoundWithFullFidelity(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data/a"));
        writeEpisodes(data, 8, 250);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("tree", "--model", sample("sample-models/vector-lanekeeping").toString(),
                "--rollouts", dir.resolve("data").toString(), "--label", "expert", "--sweep", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // every tree of the sweep that finds the rule is as faithful as the best: the smallest of them is reported
        assertThat(r.out()).startsWith("smallest tree within the best's 95% interval: 3 leaves (min leaf ")
                .contains("fidelity 1.0000 [1.0000, 1.0000] on 2 held-out episode(s)")
                .contains("; best: 3 leaves (min leaf 1), fidelity 1.0000 [1.0000, 1.0000];");
        assertThat(out.resolve("tree.dot")).exists();
        assertThat(out.resolve("data.arff")).exists();
        assertThat(out.resolve("sweep.csv")).exists();
        assertThat(out.resolve("tree.pdf")).isNotEmptyFile();
        assertThat(out.resolve("sweep.svg")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("rules.txt")))
                .contains("command 0 (id 1) > 0.3 and command 2 (id 3) <= -0.1 -> left");
        JsonNode json = new ObjectMapper().readTree(out.resolve("tree.json").toFile());
        assertThat(json.get("fidelity").asDouble()).isEqualTo(1.0);
        assertThat(json.get("leaves").asInt()).isEqualTo(3);
        assertThat(json.get("depth").asInt()).isEqualTo(2);
        assertThat(json.get("size").asInt()).isEqualTo(5);
        assertThat(json.get("confusion").get("matrix")).hasSize(3);
        assertThat(json.get("cross_validation").get("fidelity").asDouble()).isEqualTo(1.0);
        assertThat(json.get("held_out").get("episodes")).hasSize(2);
        assertThat(json.get("label").get("thresholds")).hasSize(2);
        assertThat(json.get("features")).extracting(JsonNode::asText)
                .containsExactly("command 0 (id 1)", "command 1 (id 2)", "command 2 (id 3)");
        assertThat(json.get("options").get("label").get("source").asText()).isEqualTo("expert");
        assertThat(json.get("sweep")).hasSize(9);
        assertThat(json.get("fidelity_ci")).extracting(JsonNode::asDouble).containsExactly(1.0, 1.0);
        assertThat(Files.readAllLines(out.resolve("sweep.csv")).get(0)).isEqualTo(
                "min_leaf,leaves,size,depth,fidelity,training_fidelity,fidelity_ci_low,fidelity_ci_high,reported");
        assertThat(json.get("provenance").get("inputs")).hasSize(2 + 8);
        assertThat(json.get("provenance").get("inputs").get(2).get("sha256").asText()).hasSize(64);
        assertThat(r.err()).contains("reading rollouts 8/8").contains("training trees");
    }

    @Test
    void minLeafChoosesExactlyThatTreeWithoutASweep(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeEpisodes(data, 8, 250);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("tree", "--model", sample("sample-models/vector-lanekeeping").toString(),
                "--rollouts", data.toString(), "--label", "expert", "--min-leaf", "500", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("fidelity ").doesNotContain("smallest tree").doesNotContain("best:");
        assertThat(out.resolve("sweep.csv")).doesNotExist();
        JsonNode json = new ObjectMapper().readTree(out.resolve("tree.json").toFile());
        assertThat(json.get("choice").get("by").asText()).isEqualTo("the options");
        assertThat(json.get("choice").get("min_leaf").asInt()).isEqualTo(500);
        assertThat(json.get("options").get("choice").asText()).isEqualTo("exact");
        assertThat(json.get("sweep")).isEmpty();
        assertThat(json.get("leaves").asInt()).isLessThan(3); // 500 steps a leaf cannot hold the rule's corner
    }

    @Test
    void theSampleTracesGiveTheDefaultPolicyTree(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("tree");
        CliRunner r = CliRunner.run("tree", "--model", sample("sample-models/vector-lanekeeping").toString(),
                "--rollouts", sample("sample-traces/vector-lanekeeping").toString(), "--rates", "--inter",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("tree.json").toFile());
        assertThat(json.get("fidelity").asDouble()).isBetween(0.0, 1.0);
        assertThat(json.get("features")).hasSize(2 * 8);
        assertThat(json.get("episodes")).hasSize(5).allSatisfy(e -> assertThat(e.get("states").asText())
                .isEqualTo("recorded"));
        assertThat(json.get("choice").get("by").asText()).isEqualTo("smallest tree within the best's 95% interval");
        assertThat(json.get("sweep")).hasSize(io.liquidlens.tree.TreeOptions.DEFAULT_SWEEP.size());
        double low = json.get("choice").get("best_fidelity_ci").get(0).asDouble();
        assertThat(json.get("fidelity").asDouble()).isGreaterThanOrEqualTo(low);
        for (JsonNode p : json.get("sweep")) {
            if (p.get("fidelity").asDouble() >= low) {
                assertThat(p.get("leaves").asInt()).isGreaterThanOrEqualTo(json.get("leaves").asInt());
            }
        }
        assertThat(out.resolve("sweep.csv")).exists();
    }

    @Test
    void badInputIsOneLineNamingTheFileOrOptionAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeEpisodes(data, 2, 20);
        String model = sample("sample-models/vector-lanekeeping").toString();
        String camera = sample("sample-models/ncp-lanekeeping").toString();
        Path out = dir.resolve("out");
        String[][] cases = {
            {"--rollouts", dir.resolve("missing.npz").toString()}, {"missing.npz", "no such rollout"},
            {"--rollouts", data.toString(), "--neurons", "command 9 (id 99)"}, {"no neuron named \"command 9 (id 99)\"", "C0"},
            {"--rollouts", data.toString(), "--bins", "1"}, {"--bins must be 2 or more, got 1"},
            {"--rollouts", data.toString(), "--confidence", "0.7"}, {"--confidence must be in (0, 0.5], got 0.7"},
            {"--rollouts", data.toString(), "--held-out", "1"}, {"--held-out must be in (0, 1)"},
            {"--rollouts", data.toString(), "--label", "teacher"}, {"--label must be network or expert"},
            {"--rollouts", data.toString(), "--sweep=0"}, {"--sweep sizes must be 1 or more"},
        };
        for (int c = 0; c < cases.length; c += 2) {
            String[] args = concat(new String[] {"tree", "--model", model, "--out", out.toString()}, cases[c]);
            CliRunner r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isIn(1, 2);
            for (String want : cases[c + 1]) {
                assertThat(r.err()).as(String.join(" ", args)).contains(want);
            }
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
        // a vector rollout for the camera model names the file
        CliRunner r = CliRunner.run("tree", "--model", camera, "--rollouts", data.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).contains("episode-0000.npz: holds vector inputs but the model takes image frames")
                .doesNotContain("\n");
        // states of another model's size name the file
        Path other = Files.createDirectories(dir.resolve("other"));
        Rollouts.write(other.resolve("x.npz"), new Rollout(NdArray.ofFloats(new int[] {3, 6}, new float[18]), null, null,
                NdArray.ofFloats(new int[] {3, 4}, new float[12]), null, List.of(), null, null, Map.of()));
        r = CliRunner.run("tree", "--model", model, "--rollouts", other.toString(), "--out", out.toString());
        assertThat(r.err()).contains("x.npz: has states of 4 neurons per step but the model has 9");
        // a rollout without expert_action, with --label expert
        Rollouts.write(other.resolve("x.npz"), Rollout.ofInputs(NdArray.ofFloats(new int[] {3, 6}, new float[18])));
        r = CliRunner.run("tree", "--model", model, "--rollouts", other.toString(), "--label", "expert", "--out",
                out.toString());
        assertThat(r.err()).contains("x.npz: has no world column \"expert_action\"");
        assertThat(out).doesNotExist();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).allSatisfy(n -> assertThat(n).doesNotStartWith(".out"));
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
