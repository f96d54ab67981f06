package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.OutputFolders;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liquidlens train --keep-epochs}: every epoch a model folder of its own, for a report of the whole run. */
class TrainKeepEpochsTest {
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
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", out.toString(),
                "--batch", "4", "--lr", "0.01", "--keep-epochs"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static Map<String, NdArray> weights(Path folder) {
        return ModelFolder.readWeights(folder, ModelFolder.readManifest(folder));
    }

    @Test
    void everyEpochIsAModelFolderThatLoadsAndTheLastIsTheCheckpoint() {
        CliRunner run = train("--model", model.toString(), "--epochs", "3");
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
    void aResumedRunAddsItsEpochsBesideTheEarlierOnes() {
        assertThat(train("--model", model.toString(), "--epochs", "2").exitCode()).isZero();
        CliRunner run = train("--resume", "--epochs", "4");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ModelTokens.expand(out.resolve("epochs").toString())).extracting(p -> p.getFileName().toString())
                .containsExactly("e0001", "e0002", "e0003", "e0004");
    }

    @Test
    void aFolderTheUserPutWhereAnEpochGoesIsRefusedBeforeTrainingAndKept() throws Exception {
        assertThat(train("--model", model.toString(), "--epochs", "1").exitCode()).isZero();
        Path mine = Files.createDirectories(out.resolve("epochs/e0003"));
        Files.writeString(mine.resolve("notes.txt"), "mine");
        CliRunner run = train("--resume", "--epochs", "3");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("liquidlens train:")).toList()).singleElement()
                .asString().contains("e0003").doesNotContain("Exception");
        assertThat(run.err()).doesNotContain("epoch 2/3");
        assertThat(mine.resolve("notes.txt")).hasContent("mine");
        assertThat(out.resolve("epochs/e0002")).doesNotExist();
        assertThat(ModelFolder.readManifest(out).provenance().get("training").get("epochs_done").asInt()).isEqualTo(1);
    }

    @Test
    void withAPresetItIsBadUsage() {
        CliRunner run = CliRunner.run("train", "--preset", "vector-lanekeeping", "--quick", "--out",
                out.toString(), "--keep-epochs");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--keep-epochs goes with --model or --resume");
    }
}
