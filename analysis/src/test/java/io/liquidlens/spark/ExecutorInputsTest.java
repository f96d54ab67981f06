package io.liquidlens.spark;

import static io.liquidlens.testing.Samples.fileUri;
import static io.liquidlens.testing.Samples.modelFolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.WorkInputs;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.Rollouts;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a task finds for the files its plan names: URIs copied once per process and checked, paths as they lie. */
class ExecutorInputsTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path tmp;

    @AfterEach
    void forgetCopies() {
        ExecutorCopies.forget();
    }

    private static Path rollout() {
        return Rollouts.list(List.of(Samples.of("sample-traces/vector-lanekeeping/clean"))).get(0);
    }

    @Test
    void aFileNamedByAUriIsCopiedOnceWithTheDriversBytes() {
        Path file = rollout().toAbsolutePath();
        WorkInputs.DataFile named = new WorkInputs.DataFile(fileUri(file), Provenance.sha256(file));
        ExecutorInputs inputs = new ExecutorInputs(false, GIB);

        Path copy = inputs.file(named);

        assertThat(copy).isNotEqualTo(file).hasSameBinaryContentAs(file);
        assertThat(copy.getFileName()).isEqualTo(file.getFileName());
        assertThat(inputs.file(named)).as("the process's copy serves its later tasks").isEqualTo(copy);
    }

    @Test
    void aFileWithOtherBytesThanTheDriverReadIsRefusedNamingItsUri() {
        Path file = rollout().toAbsolutePath();
        String other = "0".repeat(64);

        assertThatThrownBy(() -> new ExecutorInputs(false, GIB).file(new WorkInputs.DataFile(fileUri(file), other)))
                .isInstanceOf(LiquidLensException.class)
                .hasMessage(fileUri(file) + ": is not the file the driver read (SHA-256 " + Provenance.sha256(file)
                        + ", the driver's " + other + "); every executor must see the same files");
    }

    @Test
    void aPathIsReadWhereItLies() {
        Path file = rollout().toAbsolutePath().normalize();

        assertThat(new ExecutorInputs(false, GIB).file(new WorkInputs.DataFile(file.toString(),
                Provenance.sha256(file)))).isEqualTo(file);
    }

    @Test
    void modelFoldersOfOneNameInDifferentPlacesGetCopiesOfTheirOwn() throws IOException {
        Path a = modelFolder("sample-models/vector-study/ncp-s1", tmp.resolve("a/ncp"));
        Path b = modelFolder("sample-models/vector-study/ncp-s2", tmp.resolve("b/ncp"));
        ExecutorInputs inputs = new ExecutorInputs(false, GIB);

        Path manifestA = inputs.model(files(a));
        Path manifestB = inputs.model(files(b));

        assertThat(manifestA.getParent()).isNotEqualTo(manifestB.getParent());
        assertThat(manifestA.getParent().getFileName()).hasToString("ncp");
        assertThat(manifestB.getParent().getFileName()).hasToString("ncp");
        String weights = ModelFolder.readManifest(a).weights();
        assertThat(manifestA.resolveSibling(weights)).hasSameBinaryContentAs(a.resolve(weights));
        assertThat(manifestB.resolveSibling(weights)).hasSameBinaryContentAs(b.resolve(weights));
        assertThat(Files.readAllBytes(a.resolve(weights))).as("two different models")
                .isNotEqualTo(Files.readAllBytes(b.resolve(weights)));
    }

    @Test
    void anExecutorCopiesNoMoreThanTheLimit() {
        Path file = rollout().toAbsolutePath();
        long size = file.toFile().length();

        assertThatThrownBy(() -> new ExecutorInputs(false, size - 1).file(new WorkInputs.DataFile(fileUri(file),
                Provenance.sha256(file)))).isInstanceOf(LiquidLensException.class)
                .hasMessage(fileUri(file) + ": the bytes an executor copies " + size + " is over the limit of " + (size - 1)
                        + " (docs/FORMATS.md#limits)");
    }

    /** The plan's view of model folder {@code m}, named by its URI. */
    private static WorkInputs.ModelFiles files(Path m) {
        String weights = ModelFolder.readManifest(m).weights();
        return new WorkInputs.ModelFiles(fileUri(m),
                new WorkInputs.DataFile(ModelFolder.MANIFEST, Provenance.sha256(m.resolve(ModelFolder.MANIFEST))),
                new WorkInputs.DataFile(weights, Provenance.sha256(m.resolve(weights))));
    }
}
