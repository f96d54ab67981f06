package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs on files: reproducible, resumable exactly, with provenance that says how the weights were made. */
class TrainingRunTest {
    @TempDir
    Path tmp;
    private Path model;
    private Path data;

    @BeforeEach
    void files() throws Exception {
        model = ToyTask.writeModelJson(tmp.resolve("toy"), "LTC", 3, null);
        data = ToyTask.writeRollouts(tmp.resolve("data"), ToyTask.filteredSquareWave(24, 20, 3, 5));
    }

    private static TrainOptions epochs(int n, long seed) {
        return new TrainOptions(n, 8, 16, 0.02, 0.5, 1.0, seed);
    }

    private TrainingRun.Outcome train(Path out, TrainOptions o, boolean resume) {
        return TrainingRun.prepare(new TrainingRun.Request(resume ? null : model, List.of(data), out, o, resume))
                .execute(TrainListener.NONE);
    }

    private static byte[] weights(Path folder) throws Exception {
        return Files.readAllBytes(folder.resolve(ModelFolder.readManifest(folder).weights()));
    }

    private static JsonNode training(Path folder) {
        return ModelFolder.readManifest(folder).provenance().get("training");
    }

    @Test
    void theSameSeedGivesBitIdenticalCheckpointsAndAnotherSeedDoesNot() throws Exception {
        train(tmp.resolve("a"), epochs(2, 11), false);
        train(tmp.resolve("b"), epochs(2, 11), false);
        train(tmp.resolve("c"), epochs(2, 12), false);
        assertThat(weights(tmp.resolve("a"))).isEqualTo(weights(tmp.resolve("b")));
        assertThat(weights(tmp.resolve("a"))).isNotEqualTo(weights(tmp.resolve("c")));
        assertThat(training(tmp.resolve("a"))).isEqualTo(training(tmp.resolve("b")));
    }

    @Test
    void resumingAfterTwoEpochsForTwoMoreIsBitIdenticalToFourStraight() throws Exception {
        TrainingRun.Outcome straight = train(tmp.resolve("straight"), epochs(4, 3), false);
        Path split = tmp.resolve("split");
        train(split, epochs(2, 3), false);
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(null, List.of(data), split, epochs(4, 3), true));
        assertThat(run.start()).isEqualTo(TrainingRun.Start.RESUMED);
        assertThat(run.epochsBefore()).isEqualTo(2);
        assertThat(run.optimizerRestored()).isTrue();
        TrainingRun.Outcome resumed = run.execute(TrainListener.NONE);

        assertThat(weights(split)).isEqualTo(weights(tmp.resolve("straight")));
        assertThat(resumed.epochLosses()).containsExactlyElementsOf(straight.epochLosses());
        assertThat(resumed.epochsDone()).isEqualTo(4);
        JsonNode t = training(split);
        assertThat(t.get("epochs_done").asInt()).isEqualTo(4);
        assertThat(t.get("resumed_from_epoch").asInt()).isEqualTo(2);
        assertThat(t.get("updates").asLong()).isEqualTo(training(tmp.resolve("straight")).get("updates").asLong());
        try (Stream<Path> files = Files.list(split)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("model.json",
                    "model-e0004.safetensors", "optimizer-e0004.safetensors", ".liquidlens-output");
        }
    }

    @Test
    void withoutItsOptimizerStateAResumedRunStartsFromTheCheckpointsWeightsAndEpoch() throws Exception {
        Path out = tmp.resolve("out");
        train(out, epochs(2, 3), false);
        byte[] checkpoint = weights(out);
        Files.delete(out.resolve("optimizer-e0002.safetensors"));
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(null, List.of(data), out, epochs(3, 3), true));
        assertThat(run.optimizerRestored()).isFalse();
        // the parameters it starts from are the checkpoint's float32 weights
        var sd = io.liquidlens.io.Safetensors.read(out.resolve("model-e0002.safetensors"));
        assertThat(run.params().get("rnn_cell.w")).containsExactly(sd.get("rnn_cell.w").toDoubleArray());
        TrainingRun.Outcome o = run.execute(TrainListener.NONE);
        assertThat(o.epochsDone()).isEqualTo(3);
        assertThat(o.epochLosses()).hasSize(3);
        assertThat(weights(out)).isNotEqualTo(checkpoint);
        assertThat(training(out).get("optimizer_restored").asBoolean()).isFalse();
    }

    @Test
    void aResumeThatWouldNotAddAnEpochIsRefused() {
        Path out = tmp.resolve("out");
        train(out, epochs(2, 3), false);
        assertThatThrownBy(() -> train(out, epochs(2, 3), true)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("model.json").hasMessageContaining("trained 2 epochs already");
    }

    @Test
    void existingWeightsAreTheStartingPointAndMissingOnesAreDrawnFromTheSeed() throws Exception {
        Path first = tmp.resolve("first");
        TrainingRun.Outcome o1 = train(first, epochs(3, 3), false);
        // fine-tune the trained model (its model.json names existing weights) into a new folder
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(first, List.of(data), tmp.resolve("second"),
                epochs(1, 3), false));
        assertThat(run.start()).isEqualTo(TrainingRun.Start.WEIGHTS);
        TrainingRun.Outcome o2 = run.execute(TrainListener.NONE);
        assertThat(o2.finalLoss()).isLessThan(o1.epochLosses().get(0));
        assertThat(training(tmp.resolve("second")).get("start").asText()).isEqualTo("weights");
        assertThat(training(first).get("start").asText()).isEqualTo("seeded_init");
    }

    @Test
    void aCheckpointRecordsItsDataOptionsLossesAndVersion() throws Exception {
        Path out = tmp.resolve("out");
        TrainingRun.Outcome o = train(out, epochs(2, 9), false);
        LoadedModel loaded = LoadedModel.load(out);
        JsonNode p = loaded.manifest().provenance();
        assertThat(p.get("command").asText()).isEqualTo("liquidlens train");
        assertThat(p.get("liquidlens_version").asText()).isNotBlank();
        List<String> hashes = new ArrayList<>();
        p.get("inputs").forEach(f -> {
            if (f.get("role").asText().equals("data")) {
                hashes.add(f.get("sha256").asText());
            }
        });
        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.list(data)) {
            files.sorted().forEach(f -> expected.add(Provenance.sha256(f)));
        }
        assertThat(hashes).containsExactlyElementsOf(expected);
        assertThat(p.get("options").get("lr").asText()).isEqualTo("0.02");
        assertThat(p.get("options").get("seed").asText()).isEqualTo("9");
        JsonNode t = p.get("training");
        assertThat(t.get("epochs_done").asInt()).isEqualTo(2);
        assertThat(t.get("epoch_losses")).hasSize(2);
        assertThat(t.get("final_loss").asDouble()).isEqualTo(o.finalLoss());
        assertThat(t.get("seed").asLong()).isEqualTo(9);
        assertThat(t.get("alpha").asDouble()).isEqualTo(0.5);
        assertThat(t.get("windows").asInt()).isEqualTo(48); // 24 episodes of 20 steps: windows at 0 and 4
        assertThat(t.get("optimizer_state").asText()).isEqualTo("optimizer-e0002.safetensors");
        assertThat(loaded.manifest().outputs()).containsExactly("y");
    }
}
