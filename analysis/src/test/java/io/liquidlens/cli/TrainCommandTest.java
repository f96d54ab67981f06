package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.OutputFolders;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens train} end to end: progress on stderr, a checkpoint that loads and simulates, and for
 * bad data or a diverging run exit code 1, one line naming the problem, and the previous checkpoint intact.
 * The model is an LTC, whose affine output mapping lets an absurd learning rate overflow the loss (a CfC's
 * outputs stay bounded however large its weights grow).
 */
class TrainCommandTest {
    @TempDir
    Path tmp;
    private Path model;
    private Path data;
    private Path out;

    @BeforeEach
    void files() throws Exception {
        model = ToyTask.writeModelJson(tmp.resolve("toy"), "LTC", 3, null);
        data = ToyTask.writeRollouts(tmp.resolve("data"), ToyTask.filteredSquareWave(12, 16, 3, 5));
        out = tmp.resolve("out");
    }

    private CliRunner train(String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--model", model.toString(), "--data", data.toString(),
                "--out", out.toString(), "--batch", "4"));
        args.addAll(List.of(extra));
        if (!args.contains("--lr")) {
            args.addAll(List.of("--lr", "0.01"));
        }
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** The error line: exactly one, naming {@code culprit} and each word, without a stack trace. */
    private static void assertOneLineError(CliRunner run, String culprit, String... words) {
        assertThat(run.exitCode()).as("exit code; stderr: " + run.err()).isEqualTo(1);
        List<String> errors = run.err().lines().filter(l -> l.startsWith("liquidlens train:")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(errors.get(0)).contains(culprit).doesNotContain("Exception");
        assertThat(run.err()).doesNotContain("\tat ");
        for (String w : words) {
            assertThat(errors.get(0)).containsIgnoringCase(w);
        }
    }

    /** Replaces episode 3 of the data set by {@code change} applied to it; returns its file. */
    private Path spoilEpisode(UnaryOperator<Map<String, NdArray>> change) throws Exception {
        Path f = data.resolve("ep003.npz");
        Npz.write(f, change.apply(new java.util.LinkedHashMap<>(Npz.read(f))), false);
        return f;
    }

    @Test
    void trainsFromSeedWithAProgressLinePerEpochAndLeavesAModelThatSimulates() throws Exception {
        CliRunner run = train("--epochs", "3");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("from ncps-style initial weights (seed 0)").contains("12 rollouts");
        List<String> epochLines = run.err().lines().filter(l -> l.startsWith("epoch ")).toList();
        assertThat(epochLines).hasSize(3);
        assertThat(epochLines.get(2)).matches("epoch 3/3  loss \\S+  elapsed \\d+s  ETA 0s");
        assertThat(run.out()).startsWith("trained 3 epochs: loss ");

        LoadedModel loaded = LoadedModel.load(out);
        assertThat(loaded.manifest().weights()).isEqualTo("model-e0003.safetensors");
        Path x = tmp.resolve("x.npy");
        Npy.write(x, NdArray.ofFloats(new int[] {1, 5, 3}, new float[15]));
        CliRunner sim = CliRunner.run("simulate", "--model", out.toString(), "--input", x.toString(), "--out",
                tmp.resolve("r.npz").toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
    }

    @Test
    void resumeContinuesTheCheckpointInTheOutputFolder() {
        assertThat(train("--epochs", "1").exitCode()).isZero();
        CliRunner run = CliRunner.run("train", "--data", data.toString(), "--out", out.toString(), "--batch", "4",
                "--lr", "0.01", "--epochs", "2", "--resume");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("resuming after epoch 1 (Adam state restored)");
        assertThat(run.err().lines().filter(l -> l.startsWith("epoch ")).toList()).singleElement().asString()
                .startsWith("epoch 2/2  loss ");
        assertThat(ModelFolder.readManifest(out).provenance().get("training").get("epochs_done").asInt()).isEqualTo(2);
    }

    @Test
    void dataWithTheWrongNumberOfFeaturesIsRejected() throws Exception {
        Path bad = spoilEpisode(a -> {
            a.put("inputs", NdArray.ofFloats(new int[] {16, 4}, new float[64]));
            return a;
        });
        assertOneLineError(train(), bad.toString(), "4 features", "takes 3");
        assertThat(out).doesNotExist();
    }

    @Test
    void actionsThatDoNotMatchTheOutputsAreRejected() throws Exception {
        Path bad = spoilEpisode(a -> {
            a.put("actions", NdArray.ofFloats(new int[] {16, 2}, new float[32]));
            return a;
        });
        assertOneLineError(train(), bad.toString(), "\"actions\" has 2 columns", "1 output");
    }

    @Test
    void aRolloutWithoutActionsIsRejected() throws Exception {
        Path bad = spoilEpisode(a -> {
            a.remove("actions");
            return a;
        });
        assertOneLineError(train(), bad.toString(), "no \"actions\"");
    }

    @Test
    void notANumberInTheDataIsRejected() throws Exception {
        Path bad = spoilEpisode(a -> {
            float[] y = a.get("actions").toFloatArray();
            y[7] = Float.NaN;
            a.put("actions", NdArray.ofFloats(new int[] {16, 1}, y));
            return a;
        });
        assertOneLineError(train(), bad.toString(), "NaN");
    }

    @Test
    void imageInputsAreRejectedForAModelWithoutAHead() throws Exception {
        Path bad = data.resolve("ep003.npz");
        Rollouts.write(bad, new Rollout(NdArray.ofFloats(new int[] {16, 2, 2, 3}, new float[192]), null,
                NdArray.ofFloats(new int[] {16, 1}, new float[16]), null, null, List.of(), null, null, Map.of()));
        assertOneLineError(train(), bad.toString(), "image inputs (16, 2, 2, 3)", "no perception head");
    }

    @Test
    void anOutputFolderHoldingAnotherModelIsNotOverwritten() throws Exception {
        ToyTask.writeModelJson(out, "LTC", 3, null);
        byte[] before = Files.readAllBytes(out.resolve("model.json"));
        assertOneLineError(train(), out.toString(), "did not write", "model.json", "nothing was touched");
        assertThat(Files.readAllBytes(out.resolve("model.json"))).isEqualTo(before);
    }

    @Test
    void aDivergingRunStopsWithOneLineAndLeavesTheLastGoodCheckpointIntact() throws Exception {
        assertThat(train("--epochs", "1").exitCode()).isZero();
        byte[] manifest = Files.readAllBytes(out.resolve("model.json"));
        byte[] weights = Files.readAllBytes(out.resolve("model-e0001.safetensors"));

        CliRunner run = CliRunner.run("train", "--data", data.toString(), "--out", out.toString(), "--batch", "4",
                "--epochs", "3", "--lr", "1e200", "--resume");
        assertOneLineError(run, out.toString(), "diverged in epoch 2", "checkpoint of epoch 1", "intact",
                "learning rate");
        assertThat(Files.readAllBytes(out.resolve("model.json"))).isEqualTo(manifest);
        assertThat(Files.readAllBytes(out.resolve("model-e0001.safetensors"))).isEqualTo(weights);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.json",
                    "model-e0001.safetensors", "optimizer-e0001.safetensors", ".liquidlens-output");
        }
        assertThat(LoadedModel.load(out).network().outputSize()).isEqualTo(1);
    }

    @Test
    void aLearningRateThatBlowsTheWeightsUpWithoutOverflowIsDivergenceToo() throws Exception {
        assertThat(train("--epochs", "1").exitCode()).isZero();
        Map<String, byte[]> before = contents(out);

        // Adam moves every weight by about the learning rate: weights near 1e30 give a huge but finite loss
        CliRunner run = CliRunner.run("train", "--data", data.toString(), "--out", out.toString(), "--batch", "4",
                "--epochs", "3", "--lr", "1e30", "--resume");
        assertOneLineError(run, out.toString(), "diverged in epoch 2", "checkpoint of epoch 1", "intact");
        assertThat(run.err()).containsPattern("loss \\S+ is more than 1000000.0 times|weight \\S+ became");
        assertThat(contents(out)).as("the good checkpoint, byte for byte").containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
    }

    @Test
    void weightsAKilledRunLeftWithoutAModelJsonAreRemovedByTheNextRun() throws Exception {
        assertThat(train("--epochs", "1").exitCode()).isZero();
        Files.write(out.resolve("model-e0002.safetensors"), new byte[] {1, 2, 3});
        Files.write(out.resolve("optimizer-e0002.safetensors"), new byte[] {1, 2, 3});

        CliRunner run = CliRunner.run("train", "--data", data.toString(), "--out", out.toString(), "--batch", "4",
                "--epochs", "2", "--lr", "0.01", "--resume");
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.json",
                    "model-e0002.safetensors", "optimizer-e0002.safetensors", ".liquidlens-output");
        }
        assertThat(LoadedModel.load(out).weightsFile().getFileName().toString()).isEqualTo("model-e0002.safetensors");
    }

    @Test
    void aSecondRunOnTheSameOutputFolderIsRefusedWhileTheFirstHoldsIt() throws Exception {
        try (io.liquidlens.io.OutputClaim first = io.liquidlens.io.OutputClaim.by("liquidlens train")
                .updatedFolder(out, f -> false).claim()) {
            assertOneLineError(train("--epochs", "1"), out.toString(), "another LiquidLens run is writing it");
        }
        assertThat(out).doesNotExist();
        assertThat(train("--epochs", "1").exitCode()).isZero();
    }

    @Test
    void theFirstCheckpointArrivesWholeAndAlone() throws Exception {
        assertThat(train("--epochs", "1").exitCode()).isZero();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing hidden left beside the output")
                    .containsExactlyInAnyOrder("toy", "data", "out");
        }
        assertThat(io.liquidlens.io.OutputFolders.read(out)).get()
                .extracting(io.liquidlens.io.OutputFolders.Marker::command).isEqualTo("liquidlens train");
    }

    private static Map<String, byte[]> contents(Path folder) throws java.io.IOException {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        try (var s = Files.list(folder)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void aRunThatDivergesBeforeItsFirstCheckpointWritesNothing() {
        CliRunner run = train("--epochs", "2", "--lr", "1e200");
        assertOneLineError(run, out.toString(), "diverged in epoch 1", "no checkpoint was written");
        assertThat(out.resolve("model.json")).doesNotExist();
    }

    @Test
    void optionsOutOfRangeAreBadUsage() {
        CliRunner run = train("--epochs", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("epochs must be >= 1, got 0");
        assertThat(CliRunner.run("train", "--data", data.toString(), "--out", out.toString()).exitCode()).isEqualTo(2);
    }

    /** Resumes the checkpoint in OUT up to {@code epochs}, keeping every epoch. */
    private CliRunner resumeKeepingEpochs(int epochs) {
        return CliRunner.run("train", "--data", data.toString(), "--out", out.toString(), "--batch", "4", "--lr",
                "0.01", "--epochs", Integer.toString(epochs), "--resume", "--keep-epochs");
    }

    private static Map<String, NdArray> weights(Path folder) {
        return ModelFolder.readWeights(folder, ModelFolder.readManifest(folder));
    }

    @Test
    void keepEpochsKeepsEveryEpochAsAModelFolderThatLoadsTheLastBeingTheCheckpoint() {
        CliRunner run = train("--epochs", "3", "--keep-epochs");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (int e = 1; e <= 3; e++) {
            Path kept = out.resolve(String.format("epochs/e%04d", e));
            LoadedModel loaded = LoadedModel.load(kept);
            assertThat(loaded.manifest().provenance().get("training").get("epochs_done").asInt()).isEqualTo(e);
            assertThat(loaded.manifest().provenance().get("training").has("optimizer_state")).isFalse();
            assertThat(kept.resolve(OutputFolders.MARKER)).isRegularFile();
        }
        assertThat(weights(out.resolve("epochs/e0003"))).isEqualTo(weights(out));
        assertThat(weights(out.resolve("epochs/e0001"))).isNotEqualTo(weights(out.resolve("epochs/e0003")));
        assertThat(ModelTokens.expand(out.resolve("epochs").toString())).hasSize(3);
    }

    @Test
    void aResumedRunKeepsItsEpochsBesideTheEarlierOnes() {
        assertThat(train("--epochs", "2", "--keep-epochs").exitCode()).isZero();
        CliRunner run = resumeKeepingEpochs(4);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ModelTokens.expand(out.resolve("epochs").toString())).extracting(p -> p.getFileName().toString())
                .containsExactly("e0001", "e0002", "e0003", "e0004");
    }

    @Test
    void aFolderTheUserPutWhereAKeptEpochGoesIsRefusedBeforeTrainingAndLeftAlone() throws Exception {
        assertThat(train("--epochs", "1", "--keep-epochs").exitCode()).isZero();
        Path mine = Files.createDirectories(out.resolve("epochs/e0003"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        CliRunner run = resumeKeepingEpochs(3);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("liquidlens train:")).toList()).singleElement()
                .asString().contains("e0003").doesNotContain("Exception");
        assertThat(run.err()).doesNotContain("epoch 2/3");
        assertThat(mine.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("epochs/e0002")).doesNotExist();
        assertThat(ModelFolder.readManifest(out).provenance().get("training").get("epochs_done").asInt()).isEqualTo(1);
    }

    @Test
    void keepEpochsWithAPresetIsBadUsage() {
        CliRunner run = CliRunner.run("train", "--preset", "vector-lanekeeping", "--quick", "--out",
                out.toString(), "--keep-epochs");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--keep-epochs goes with --model or --resume");
    }
}
