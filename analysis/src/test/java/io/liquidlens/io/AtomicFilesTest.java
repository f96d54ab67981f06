package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheTargetWithTheCompleteContent() throws Exception {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");

        AtomicFiles.write(target, out -> out.write("new content".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new content");
        assertThat(filesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of it".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).isInstanceOf(LiquidLensException.class).hasMessage(target + ": cannot write: disk full");

        assertThat(target).hasContent("old");
        assertThat(filesIn(dir)).containsExactly("out.txt");
    }

    @Test
    void aFailedFirstWriteLeavesNoFileAtAll() throws Exception {
        Path target = dir.resolve("new.npz");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(1);
            throw new IllegalStateException("bug in the body");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aMissingFolderIsReported() {
        Path target = dir.resolve("no/such/folder/out.npy");

        assertThatThrownBy(() -> Npy.write(target, NdArray.ofFloats(new int[] {1}, new float[] {1})))
                .isInstanceOf(LiquidLensException.class).hasMessageStartingWith(target + ": cannot write: folder");
    }

    @Test
    void everyWriterGoesThroughIt() throws Exception {
        NdArray x = NdArray.ofFloats(new int[] {1}, new float[] {1});
        Npy.write(dir.resolve("a.npy"), x);
        Npz.write(dir.resolve("a.npz"), Map.of("x", x), true);
        Safetensors.write(dir.resolve("a.safetensors"), Map.of("x", x));

        assertThat(filesIn(dir)).containsExactlyInAnyOrder("a.npy", "a.npz", "a.safetensors");
    }

    private static String[] filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
