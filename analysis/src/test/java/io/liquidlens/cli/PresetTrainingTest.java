package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens train --preset}: a shortened preset records its data with the expert, trains, and leaves a
 * model folder that says in its provenance which preset, data and seeds made it; the vector preset learns to
 * drive (its loss falls and it keeps held-out roads it never saw).
 */
class PresetTrainingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void quickVectorPresetLearnsToKeepTheLaneOnHeldOutRoads() throws Exception {
        Path out = tmp.resolve("vector");
        CliRunner train = CliRunner.run("train", "--preset", "vector-lanekeeping", "--out", out.toString(), "--quick");
        assertThat(train.exitCode()).as(train.err()).isZero();

        JsonNode provenance = JSON.readTree(out.resolve("model.json").toFile()).get("provenance");
        JsonNode losses = provenance.at("/training/epoch_losses");
        assertThat(losses.get(losses.size() - 1).asDouble()).isLessThan(losses.get(0).asDouble() / 5);
        assertThat(provenance.at("/preset/name").asText()).isEqualTo("vector-lanekeeping");
        assertThat(provenance.at("/preset/data/episodes").asInt()).isEqualTo(20);
        assertThat(provenance.at("/preset/data/steps").asInt()).isEqualTo(300);
        assertThat(provenance.at("/preset/data/distractors").asText()).isEqualTo("noise-channels,spurious");
        assertThat(provenance.at("/preset/training_seed").asLong()).isEqualTo(1);
        assertThat(provenance.at("/training/epochs_done").asInt()).isEqualTo(30);
        assertThat(Files.list(out.resolve("data")).filter(f -> f.toString().endsWith(".npz")).count()).isEqualTo(20);

        CliRunner eval = CliRunner.run("evaluate", "--model", out.toString(), "--episodes", "2", "--steps", "200",
                "--seed", "0", "--distractors", "noise-channels,spurious", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode result = JSON.readTree(eval.out());
        assertThat(result.get("crashes").asInt()).isZero();
        assertThat(result.get("mean_abs_d").asDouble()).isLessThan(0.25);
    }

    @Test
    void tinyImagePresetWritesAModelThatInfoLoadsWithItsHead() throws Exception {
        Path out = tmp.resolve("ncp");
        Path data = tmp.resolve("frames");
        CliRunner train = CliRunner.run("train", "--preset", "ncp-lanekeeping", "--out", out.toString(), "--data",
                data.toString(), "--data-episodes", "1", "--steps", "24", "--epochs", "1", "--seed", "3");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("recording 1 episodes x 24 steps (camera sensor")
                .as("camera data are seed 1's whatever the training seed").contains("seed 1)");

        JsonNode model = JSON.readTree(out.resolve("model.json").toFile());
        assertThat(model.at("/provenance/preset/data/folder").asText()).isEqualTo(data.toString());
        assertThat(model.at("/provenance/preset/data/distractors").asText()).isEqualTo("shadows");
        assertThat(model.at("/provenance/preset/data/seed").asLong()).isEqualTo(1);
        assertThat(model.at("/provenance/preset/training_seed").asLong()).isEqualTo(3);
        assertThat(model.at("/head/layers").size()).isEqualTo(11);

        CliRunner info = CliRunner.run("info", "--model", out.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"inter\"");
        CliRunner text = CliRunner.run("info", "--model", out.toString());
        assertThat(text.out()).contains("32 sensory (inputs), 12 inter, 6 command, 1 motor");
    }

    @Test
    void tinyCameraLstmPresetTrainsTheNcpsHeadUnderATorchLstmThatInfoLoads() throws Exception {
        Path out = tmp.resolve("lstm");
        CliRunner train = shortCameraRun("lstm-lanekeeping", out, 1, 24, 1, 3);
        assertThat(train.err()).contains("recording 1 episodes x 24 steps (camera sensor").contains("seed 1)");

        JsonNode model = JSON.readTree(out.resolve("model.json").toFile());
        assertThat(model.at("/provenance/preset/name").asText()).isEqualTo("lstm-lanekeeping");
        assertThat(model.at("/provenance/training/cell_learning_rate_factor").asDouble()).isEqualTo(1.0);
        assertThat(model.at("/provenance/training/epoch_losses/0").asDouble()).isFinite().isPositive();
        assertThat(model.at("/head/layers").size()).isEqualTo(11);
        assertThat(model.at("/ncps/class").asText()).isEqualTo("LSTM");

        JsonNode summary = JSON.readTree(CliRunner.run("info", "--model", out.toString(), "--json").out());
        JsonNode ncp = JSON.readTree(CliRunner.run("info", "--model", SampleModelTest.sample("ncp-lanekeeping")
                .toString(), "--json").out());
        assertThat(summary.at("/size_table/head_parameters").asLong())
                .isEqualTo(ncp.at("/size_table/head_parameters").asLong());
        assertThat(summary.at("/size_table/rnn_neurons").asInt()).isEqualTo(64);
    }

    @Test
    void imagePresetsRunADaggerRoundWhereTheNetworkDrivesAndTheExpertLabels() throws Exception {
        Path out = tmp.resolve("dagger");
        CliRunner train = shortCameraRun("cfc-lanekeeping", out, 2, 20, 2, 5);
        assertThat(train.err()).contains("DAgger: the network after epoch 1 drives 1 new roads x 20 steps")
                .contains("resuming after epoch 1 (Adam state restored)");

        JsonNode provenance = JSON.readTree(out.resolve("model.json").toFile()).get("provenance");
        assertThat(provenance.at("/training/epochs_done").asInt()).isEqualTo(2);
        assertThat(provenance.at("/preset/dagger/after_epoch").asInt()).isEqualTo(1);
        assertThat(provenance.at("/preset/dagger/seed").asLong()).isEqualTo(6);
        assertThat(provenance.get("inputs").toString()).contains("data-dagger");

        java.util.List<Path> driven;
        try (var files = Files.list(out.resolve("data-dagger"))) {
            driven = files.filter(f -> f.toString().endsWith(".npz")).toList();
        }
        assertThat(driven).hasSize(1);
        io.liquidlens.io.Rollout r = io.liquidlens.io.Rollouts.read(driven.get(0));
        int expert = r.worldNames().indexOf("expert_action");
        float[] actions = r.actions().toFloatArray();
        float[] world = r.world().toFloatArray();
        int k = r.worldNames().size();
        for (int t = 0; t < actions.length; t++) {
            assertThat(actions[t]).isEqualTo(world[t * k + expert]);
        }
        assertThat(r.states()).as("the network drove, so its states are recorded").isNotNull();
    }

    @Test
    void secondRunOnTheSameDataFolderTrainsOnWhatIsThere() {
        Path data = tmp.resolve("shared-data");
        String[] common = {"--preset", "vector-lanekeeping", "--data", data.toString(), "--data-episodes", "2",
            "--steps", "40", "--epochs", "1"};
        CliRunner first = CliRunner.run(concat(new String[] {"train", "--out", tmp.resolve("a").toString()}, common));
        CliRunner second = CliRunner.run(concat(new String[] {"train", "--out", tmp.resolve("b").toString()}, common));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("training on the rollouts already in " + data);
    }

    @Test
    void aStudyMemberTrainedTwiceGivesTheSameBitsAndAnotherSeedOnTheSameDataOtherWeights() throws Exception {
        String[] tiny = {"--data-episodes", "2", "--steps", "40", "--epochs", "2"};
        CliRunner a = CliRunner.run(concat(new String[] {"train", "--preset", "vector-study-random-s2", "--out",
            tmp.resolve("a").toString()}, tiny));
        CliRunner b = CliRunner.run(concat(new String[] {"train", "--preset", "vector-study-random-s2", "--out",
            tmp.resolve("b").toString()}, tiny));
        CliRunner c = CliRunner.run(concat(new String[] {"train", "--preset", "vector-study-random-s3", "--out",
            tmp.resolve("c").toString()}, tiny));
        for (CliRunner run : List.of(a, b, c)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
        assertThat(Files.readAllBytes(tmp.resolve("b/model-e0002.safetensors")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("a/model-e0002.safetensors")));
        for (String episode : List.of("episode-0000.npz", "episode-0001.npz")) {
            assertThat(Files.readAllBytes(tmp.resolve("c/data").resolve(episode)))
                    .as("every seed of the study records the same data")
                    .isEqualTo(Files.readAllBytes(tmp.resolve("a/data").resolve(episode)));
        }
        assertThat(Files.readAllBytes(tmp.resolve("c/model-e0002.safetensors")))
                .isNotEqualTo(Files.readAllBytes(tmp.resolve("a/model-e0002.safetensors")));
        JsonNode provenance = JSON.readTree(tmp.resolve("c/model.json").toFile()).get("provenance");
        assertThat(provenance.at("/preset/training_seed").asLong()).isEqualTo(3);
        assertThat(provenance.at("/preset/data/seed").asLong()).isEqualTo(1);
    }

    @Test
    void theStudyTrainsAllThirtyMembersIntoTheirFoldersOnOneDataSet() throws Exception {
        Path out = tmp.resolve("study");
        CliRunner run = CliRunner.run("train", "--preset", "vector-study", "--out", out.toString(),
                "--data-episodes", "1", "--steps", "20", "--epochs", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsOnlyOnce("recording 1 episodes x 20 steps");
        assertThat(run.out().lines()).hasSize(30);
        for (String arch : List.of("ncp", "fullyconnected", "random", "cfc", "lstm", "gru")) {
            for (int seed = 1; seed <= 5; seed++) {
                JsonNode model = JSON.readTree(out.resolve(arch + "-s" + seed + "/model.json").toFile());
                assertThat(model.at("/provenance/preset/name").asText())
                        .isEqualTo("vector-study-" + arch + "-s" + seed);
                assertThat(model.at("/provenance/preset/training_seed").asLong()).isEqualTo(seed);
                assertThat(model.at("/provenance/preset/data/folder").asText()).isEqualTo(out.resolve("data")
                        .toString());
            }
        }
        CliRunner seeded = CliRunner.run("train", "--preset", "vector-study", "--out", tmp.resolve("x").toString(),
                "--seed", "4");
        assertThat(seeded.exitCode()).isEqualTo(2);
        assertThat(seeded.err()).contains("--seed: the vector-study preset trains seeds 1-5");
    }

    @Test
    void unknownPresetIsOneLineListingTheAcceptedOnes() {
        CliRunner run = CliRunner.run("train", "--preset", "ncp-lanekeping", "--out", tmp.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("unknown preset 'ncp-lanekeping'")
                .contains("ncp-lanekeeping, random-lanekeeping, fullyconnected-lanekeeping, cfc-lanekeeping,"
                        + " lstm-lanekeeping, vector-lanekeeping, vector-study and its members");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
    }

    @Test
    void presetRefusesOptionsItFixesAndAModelToo() {
        CliRunner lr = CliRunner.run("train", "--preset", "vector-lanekeeping", "--out", tmp.resolve("x").toString(),
                "--lr", "0.1");
        assertThat(lr.exitCode()).isEqualTo(2);
        assertThat(lr.err()).contains("--lr is set by the preset");
        CliRunner model = CliRunner.run("train", "--preset", "vector-lanekeeping", "--model", "m", "--out",
                tmp.resolve("y").toString());
        assertThat(model.exitCode()).isEqualTo(2);
        CliRunner noData = CliRunner.run("train", "--model", "m", "--out", tmp.resolve("z").toString());
        assertThat(noData.exitCode()).isEqualTo(2);
        assertThat(noData.err()).contains("--data");
    }

    /** A camera preset shrunk to {@code episodes} x {@code steps} of data and {@code epochs}; it must succeed. */
    private static CliRunner shortCameraRun(String preset, Path out, int episodes, int steps, int epochs, long seed) {
        CliRunner train = CliRunner.run("train", "--preset", preset, "--out", out.toString(), "--data-episodes",
                String.valueOf(episodes), "--steps", String.valueOf(steps), "--epochs", String.valueOf(epochs),
                "--seed", String.valueOf(seed));
        assertThat(train.exitCode()).as(train.err()).isZero();
        return train;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
