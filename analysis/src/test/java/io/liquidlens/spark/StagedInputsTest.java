package io.liquidlens.spark;

import static io.liquidlens.testing.Samples.fileUri;
import static io.liquidlens.testing.Samples.modelFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.Rollouts;
import io.liquidlens.io.ScratchFolder;
import io.liquidlens.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's copies of inputs named by URIs, read through Hadoop's local file system ({@code file:}): the code
 * path of {@code hdfs://} and {@code s3a://}, which need a cluster.
 */
class StagedInputsTest {
    private static final String VECTOR = "sample-models/vector-lanekeeping";

    @TempDir
    Path tmp;
    private ScratchFolder scratch;

    @BeforeEach
    void scratch() {
        scratch = ScratchFolder.create("test-staging");
    }

    @AfterEach
    void removeScratch() {
        scratch.close();
    }

    private StagedInputs staged(long maxBytes) {
        return new StagedInputs(new Configuration(), () -> scratch, maxBytes);
    }

    @Test
    void aModelFolderIsCopiedUnderItsNameWithWhatItsModelJsonNamesAndNamedByItsUri() throws IOException {
        Path m = modelFolder(VECTOR, tmp.resolve("runs/e1"));
        Files.writeString(m.resolve("notes.txt"), "not read");
        StagedInputs staged = staged(1L << 30);

        Path copy = staged.model(fileUri(m) + "/");

        assertThat(copy.getFileName()).hasToString("e1");
        String weights = ModelFolder.readManifest(m).weights();
        assertThat(copy.resolve("model.json")).hasSameBinaryContentAs(m.resolve("model.json"));
        assertThat(copy.resolve(weights)).hasSameBinaryContentAs(m.resolve(weights));
        assertThat(copy.resolve("notes.txt")).doesNotExist();
        assertThat(staged.sources()).containsExactly(entry(copy, fileUri(m)));
        assertThat(staged.model(fileUri(m.resolve("model.json")))).as("its model.json stands for it, copied once")
                .isEqualTo(copy);
    }

    @Test
    void aPatternAndAFolderOfModelFoldersStandForTheModelFoldersInNumberedNameOrder() throws IOException {
        Path runs = tmp.resolve("runs");
        for (String e : List.of("e2", "e10", "e1")) {
            modelFolder(VECTOR, runs.resolve(e));
        }
        Files.createDirectories(runs.resolve("empty"));
        Files.writeString(runs.resolve("e3.txt"), "not a folder");
        StagedInputs staged = staged(1L << 30);
        List<String> all = List.of(fileUri(runs) + "/e1", fileUri(runs) + "/e2", fileUri(runs) + "/e10");

        assertThat(staged.modelFolders(fileUri(runs) + "/e*", 200)).isEqualTo(all);
        assertThat(staged.modelFolders(fileUri(runs) + "/", 200)).isEqualTo(all);
        assertThat(staged.modelFolders(fileUri(runs) + "/e1", 200)).containsExactly(fileUri(runs) + "/e1");
        assertThat(staged.modelFolders(fileUri(runs) + "/z*", 200)).isEmpty();
        assertThat(staged.modelFolders(fileUri(runs), 1)).as("listing stops after most + 1").hasSize(2);
        assertThat(scratch.path()).isEmptyDirectory();
    }

    @Test
    void aFolderOfRolloutsIsCopiedWholeAndListsInTheSameOrder() throws IOException {
        Path clean = tmp.resolve("clean");
        List<Path> samples = Rollouts.list(List.of(Samples.of("sample-traces/vector-lanekeeping/clean")));
        Files.createDirectories(clean.resolve("b"));
        Files.copy(samples.get(0), clean.resolve("b/late.npz"));
        Files.copy(samples.get(1), clean.resolve("a.npz"));
        Files.copy(samples.get(0), clean.resolve("Z.NPZ"));
        Files.writeString(clean.resolve("README.md"), "not a rollout");

        Path copy = staged(1L << 30).rollouts(fileUri(clean) + "/");

        List<Path> original = Rollouts.listRecursively(List.of(clean));
        List<Path> copied = Rollouts.listRecursively(List.of(copy));
        assertThat(copied.stream().map(p -> copy.relativize(p).toString()))
                .containsExactlyElementsOf(original.stream().map(p -> clean.relativize(p).toString()).toList());
        for (int i = 0; i < original.size(); i++) {
            assertThat(copied.get(i)).hasSameBinaryContentAs(original.get(i));
        }
        assertThat(copy.resolve("README.md")).doesNotExist();
    }

    @Test
    void aMissingUriIsOneLineNamingItAndNothingIsCopied() {
        StagedInputs staged = staged(1L << 30);
        String missing = fileUri(tmp.resolve("no-such-run"));

        assertThatThrownBy(() -> staged.model(missing)).isInstanceOf(LiquidLensException.class)
                .hasMessage(missing + ": no such model folder or file");
        assertThatThrownBy(() -> staged.rollouts(missing + "/")).isInstanceOf(LiquidLensException.class)
                .hasMessage(missing + ": no such rollout file or folder");
        assertThat(scratch.path()).isEmptyDirectory();
    }

    @Test
    void inputsPastTheLimitAreRefusedBeforeAnyByteIsCopied() throws IOException {
        Path clean = tmp.resolve("clean");
        Files.createDirectories(clean);
        List<Path> samples = Rollouts.list(List.of(Samples.of("sample-traces/vector-lanekeeping/clean")));
        Files.copy(samples.get(0), clean.resolve("a.npz"));
        Files.copy(samples.get(1), clean.resolve("b.npz"));
        long limit = Files.size(clean.resolve("a.npz")) + Files.size(clean.resolve("b.npz")) - 1;

        assertThatThrownBy(() -> staged(limit).rollouts(fileUri(clean))).isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(fileUri(clean) + ": the bytes read from URIs " + (limit + 1)
                        + " is over the limit of " + limit + " (docs/FORMATS.md#limits)");
        Path m = modelFolder(VECTOR, tmp.resolve("m"));
        assertThatThrownBy(() -> staged(Files.size(m.resolve("model.json"))).model(fileUri(m)))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("is over the limit of");
        try (Stream<Path> files = Files.walk(scratch.path())) {
            assertThat(files.filter(Files::isRegularFile).map(scratch.path()::relativize))
                    .as("only the model.json, within the limit, was copied").containsExactly(Path.of("models/0/m/model.json"));
        }
    }

    @Test
    void aModelFromAUriMustHoldItsWeightsEvenWhenOutsideWeightsAreAllowed() throws IOException {
        Path m = modelFolder(VECTOR, tmp.resolve("outside/m"));
        String weights = ModelFolder.readManifest(m).weights();
        Files.move(m.resolve(weights), m.resolveSibling(weights));
        Files.writeString(m.resolve("model.json"), Files.readString(m.resolve("model.json"))
                .replace("\"" + weights + "\"", "\"../" + weights + "\""));
        System.setProperty(ModelFolder.ALLOW_OUTSIDE_WEIGHTS, "true");
        try {
            assertThatThrownBy(() -> staged(1L << 30).model(fileUri(m))).isInstanceOf(LiquidLensException.class)
                    .hasMessage(fileUri(m) + "/model.json: \"weights\" names a file outside the model folder; a model read"
                            + " from a URI must hold its weights");
        } finally {
            System.clearProperty(ModelFolder.ALLOW_OUTSIDE_WEIGHTS);
        }
    }

    @Test
    void aProblemWithACopyIsSaidOfItsUri() throws IOException {
        Path m = modelFolder(VECTOR, tmp.resolve("broken"));
        Files.writeString(m.resolve("model.json"), "{ not json");
        StagedInputs staged = staged(1L << 30);

        LiquidLensException e = org.junit.jupiter.api.Assertions.assertThrows(LiquidLensException.class,
                () -> staged.model(fileUri(m)));

        assertThat(staged.named(e.getMessage())).startsWith(fileUri(m) + "/model.json: not valid JSON")
                .doesNotContain(scratch.path().toString());
    }

    @Test
    void aSchemeWithoutAFileSystemNamesTheMissingConnector() {
        // s3a is in Hadoop's defaults, but its class is in hadoop-aws, which this classpath lacks
        for (String uri : List.of("nosuch://bucket/runs/e1", "s3a://bucket/runs/e1")) {
            assertThatThrownBy(() -> staged(1L << 30).model(uri)).isInstanceOf(LiquidLensException.class)
                    .hasMessageStartingWith(uri + ": no Hadoop file system for its scheme here")
                    .hasMessageContaining("hadoop-aws for s3a://").hasMessageNotContaining("\n");
        }
    }
}
