package io.liquidlens.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.LiquidLensException;
import io.liquidlens.head.HeadInit;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.io.Safetensors;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.testing.BarTask;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs of a camera model (conv head -> NCP) on image rollouts: fresh head weights from the run's seed,
 * checkpoints that keep the head, its image inputs and its tensors, exact resume, and one-line refusals of
 * data whose kind or frame shape does not fit the model.
 */
class ImageTrainingRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Path model;
    private Path data;

    @BeforeEach
    void files() throws Exception {
        model = BarTask.writeModelJson(tmp.resolve("bar"), "LTC", 6);
        data = ToyTask.writeRollouts(tmp.resolve("data"), BarTask.driftingBar(12, 20, 5));
    }

    private static TrainOptions epochs(int n, long seed) {
        return new TrainOptions(n, 4, 8, 0.02, 0.5, 1.0, seed);
    }

    private TrainingRun.Outcome train(Path out, TrainOptions o, boolean resume) {
        return TrainingRun.prepare(new TrainingRun.Request(resume ? null : model, List.of(data), out, o, resume))
                .execute(TrainListener.NONE);
    }

    private static byte[] weights(Path folder) throws Exception {
        return Files.readAllBytes(folder.resolve(ModelFolder.readManifest(folder).weights()));
    }

    @Test
    void aFreshRunDrawsTheHeadFromTheDerivedSeedAndTheCellAsNcpsDoes() throws Exception {
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(model, List.of(data), tmp.resolve("out"),
                epochs(1, 42), false));
        assertThat(run.start()).isEqualTo(TrainingRun.Start.SEEDED_INIT);
        assertThat(run.head()).isNotNull();
        assertThat(TrainingRun.headSeed(42)).isEqualTo(42 ^ 0x68656164L);
        HeadSpec head = HeadSpec.fromJson(JSON.readTree(BarTask.HEAD_JSON));
        List<String> names = run.params().params().stream().map(p -> p.name()).toList();
        assertThat(names.subList(0, 4)).containsExactly("head.0.weight", "head.0.bias", "head.3.weight", "head.3.bias");
        assertThat(names.subList(4, names.size())).allMatch(n -> n.startsWith("rnn_cell."));
        for (Map.Entry<String, NdArray> e : HeadInit.torchDefaults(head, TrainingRun.headSeed(42)).entrySet()) {
            assertThat(run.params().get(e.getKey())).as(e.getKey()).containsExactly(e.getValue().toDoubleArray());
        }
        for (Map.Entry<String, NdArray> e : NcpsInit.initialStateDict(run.spec(), 42).entrySet()) {
            assertThat(run.params().get(e.getKey())).as(e.getKey()).containsExactly(e.getValue().toDoubleArray());
        }
        assertThat(run.data().frameShape()).isEqualTo(head.input());
    }

    @Test
    void checkpointsKeepTheHeadItsImageInputsAndItsTensorsFirst() throws Exception {
        Path out = tmp.resolve("out");
        TrainingRun.Outcome o = train(out, epochs(2, 3), false);
        assertThat(o.epochLosses()).hasSize(2).allMatch(Double::isFinite);

        ModelManifest written = ModelFolder.readManifest(out);
        ModelManifest source = ModelFolder.readManifest(model);
        assertThat(HeadSpec.fromJson(written.head())).isEqualTo(HeadSpec.fromJson(source.head()));
        assertThat(written.inputs().kind()).isEqualTo(ModelManifest.InputSpec.Kind.IMAGE);
        assertThat(written.inputs().shape()).containsExactly(6, 8, 1);
        assertThat(written.provenance().get("training").get("head_seed").asLong()).isEqualTo(TrainingRun.headSeed(3));

        Map<String, NdArray> tensors = Safetensors.read(out.resolve(written.weights()));
        List<String> names = new ArrayList<>(tensors.keySet());
        assertThat(names.subList(0, 4)).containsExactly("head.0.weight", "head.0.bias", "head.3.weight", "head.3.bias");
        assertThat(tensors.get("head.0.weight").shape()).containsExactly(4, 1, 3, 3);
        // the head was trained too: its weights moved away from where they were drawn
        HeadSpec head = HeadSpec.fromJson(JSON.readTree(BarTask.HEAD_JSON));
        assertThat(tensors.get("head.3.weight").toFloatArray())
                .isNotEqualTo(HeadInit.torchDefaults(head, TrainingRun.headSeed(3)).get("head.3.weight").toFloatArray());

        LoadedModel loaded = LoadedModel.load(out);
        assertThat(loaded.network().outputSize()).isEqualTo(1);
    }

    @Test
    void resumingAnImageRunIsBitIdenticalToAStraightOne() throws Exception {
        TrainingRun.Outcome straight = train(tmp.resolve("straight"), epochs(4, 3), false);
        Path split = tmp.resolve("split");
        train(split, epochs(2, 3), false);
        TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(null, List.of(data), split, epochs(4, 3), true));
        assertThat(run.start()).isEqualTo(TrainingRun.Start.RESUMED);
        assertThat(run.optimizerRestored()).isTrue();
        TrainingRun.Outcome resumed = run.execute(TrainListener.NONE);
        assertThat(weights(split)).isEqualTo(weights(tmp.resolve("straight")));
        assertThat(resumed.epochLosses()).containsExactlyElementsOf(straight.epochLosses());
    }

    @Test
    void aCfcWithAHeadTrainsToo() throws Exception {
        model = BarTask.writeModelJson(tmp.resolve("cfc"), "CfC", 6);
        TrainingRun.Outcome o = train(tmp.resolve("out"), epochs(3, 1), false);
        assertThat(o.epochLosses()).hasSize(3);
        assertThat(o.finalLoss()).isLessThan(o.epochLosses().get(0));
        assertThat(LoadedModel.load(tmp.resolve("out")).manifest().head()).isNotNull();
    }

    /** Replaces episode 3 by {@code inputs} (actions kept); returns its file. */
    private Path replaceInputs(Path folder, NdArray inputs) {
        Path f = folder.resolve("ep003.npz");
        Rollouts.write(f, new Rollout(inputs, null, NdArray.ofFloats(new int[] {inputs.dim(0), 1},
                new float[inputs.dim(0)]), null, null, List.of(), null, null, Map.of()));
        return f;
    }

    private void assertRefused(Path culprit, String... words) {
        Path out = tmp.resolve("refused");
        assertThatThrownBy(() -> train(out, epochs(1, 1), false)).isInstanceOf(LiquidLensException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(culprit.toString()).doesNotContain("\n");
                    for (String w : words) {
                        assertThat(e.getMessage()).contains(w);
                    }
                });
        assertThat(out).doesNotExist();
    }

    @Test
    void framesOfAnotherShapeAreRefusedNamingTheFile() {
        Path bad = replaceInputs(data, NdArray.ofFloats(new int[] {20, 8, 6, 1}, new float[960]));
        assertRefused(bad, "frames (20, 8, 6, 1)", "(T, 6, 8, 1)");
    }

    @Test
    void vectorDataForAModelWithAHeadIsRefused() {
        Path bad = replaceInputs(data, NdArray.ofFloats(new int[] {20, 4}, new float[80]));
        assertRefused(bad, "vector inputs (20, 4)", "perception head takes image frames");
    }

    @Test
    void imageDataForAVectorModelIsRefused() throws Exception {
        model = ToyTask.writeModelJson(tmp.resolve("toy"), "LTC", 4, null);
        assertRefused(data.resolve("ep000.npz"), "image inputs (20, 6, 8, 1)", "no perception head");
    }

    @Test
    void aNonFinitePixelIsRefusedWithItsPlace() {
        float[] frames = new float[20 * 48];
        frames[3 * 48 + 2 * 8 + 5] = Float.POSITIVE_INFINITY;
        NdArray inputs = NdArray.ofFloats(new int[] {20, 6, 8, 1}, frames);
        // the rollout reader already refuses it; frames built in memory are checked with the pixel named
        assertRefused(replaceInputs(data, inputs), "\"inputs\" holds NaN or infinite values");
        Rollout r = new Rollout(inputs, null, NdArray.ofFloats(new int[] {20, 1}, new float[20]), null, null, List.of(),
                null, null, Map.of());
        assertThatThrownBy(() -> TrainingData.ofFrames(List.of(r), List.of("mem.npz"),
                new io.liquidlens.head.ImageShape(6, 8, 1), 1, true)).isInstanceOf(LiquidLensException.class)
                .hasMessage("mem.npz: \"inputs\" holds Infinity at step 3, pixel (row 2, column 5, channel 0)");
    }
}
