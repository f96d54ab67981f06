package io.liquidlens.io;

import static io.liquidlens.io.NpyTest.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatNpSavezWrote() {
        assertNumpyContents(Npz.read(reference("stored.npz")));
    }

    @Test
    void readsWhatNpSavezCompressedWrote() {
        assertNumpyContents(Npz.read(reference("compressed.npz")));
    }

    @Test
    void storedAndCompressedArchivesRoundTripInOrder() throws Exception {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("inputs", NdArray.ofFloats(new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}));
        arrays.put("world_names", NdArray.ofStrings(new int[] {2}, new String[] {"offset", "heading"}));
        arrays.put("labels", NdArray.ofLongs(DType.UINT8, new int[] {1, 2}, new long[] {0, 3}));
        arrays.put("alpha", NdArray.ofDoubles(new int[] {}, new double[] {0.25}));
        Path stored = dir.resolve("stored.npz");
        Path compressed = dir.resolve("compressed.npz");

        Npz.write(stored, arrays);
        Npz.write(compressed, arrays, true);

        assertThat(Npz.read(stored)).containsExactlyEntriesOf(arrays);
        assertThat(Npz.read(compressed)).containsExactlyEntriesOf(arrays);
        assertThat(methods(stored)).containsOnly(ZipEntry.STORED);
        assertThat(methods(compressed)).containsOnly(ZipEntry.DEFLATED);
    }

    @Test
    void entriesAreNpyFilesNamedAfterTheArrays() throws Exception {
        Path file = dir.resolve("a.npz");
        NdArray x = NdArray.ofFloats(new int[] {2}, new float[] {1, 2});
        Npz.write(file, Map.of("x", x));

        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThat(Collections.list(zip.entries())).extracting(ZipEntry::getName).containsExactly("x.npy");
            assertThat(Npy.read(zip.getInputStream(zip.getEntry("x.npy")), "x.npy")).isEqualTo(x);
        }
    }

    @Test
    void aSingleNpyFileIsNotAnArchive() {
        Path npy = reference("f8.npy");

        assertThatThrownBy(() -> Npz.read(npy)).isInstanceOf(LiquidLensException.class)
                .hasMessage(npy + ": this is a single .npy array, not an .npz archive");
    }

    @Test
    void foreignEntriesAndBadArraysAreNamed() throws Exception {
        Path readme = dir.resolve("readme.npz");
        ZipFiles.write(readme, Map.of("README.txt", "hi".getBytes(StandardCharsets.US_ASCII)), 0);
        Path bad = dir.resolve("bad.npz");
        ZipFiles.write(bad, Map.of("inputs.npy", "not numpy".getBytes(StandardCharsets.US_ASCII)), 0);

        assertThatThrownBy(() -> Npz.read(readme)).isInstanceOf(LiquidLensException.class)
                .hasMessage(readme + ": entry 'README.txt' is not a .npy array");
        assertThatThrownBy(() -> Npz.read(bad)).isInstanceOf(LiquidLensException.class)
                .hasMessage(bad + ": array 'inputs': not a .npy file (no \\x93NUMPY magic)");
    }

    @Test
    void truncatedOrFlippedArchivesFailCleanly() throws Exception {
        Corruption.assertEveryCorruptionFailsCleanly(dir, Files.readAllBytes(reference("stored.npz")), "s.npz",
                Npz::read);
        Corruption.assertEveryCorruptionFailsCleanly(dir, Files.readAllBytes(reference("compressed.npz")), "c.npz",
                Npz::read);
    }

    private static void assertNumpyContents(Map<String, NdArray> arrays) {
        assertThat(arrays.keySet()).containsExactly("inputs", "world_names", "steps");
        assertThat(arrays.get("inputs")).isEqualTo(NdArray.ofFloats(new int[] {3, 2},
                new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f}));
        assertThat(arrays.get("world_names").toStringArray()).containsExactly("offset", "heading");
        assertThat(arrays.get("steps")).isEqualTo(NdArray.ofLongs(DType.INT64, new int[] {3}, new long[] {1, 2, 3}));
    }

    private static java.util.List<Integer> methods(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getMethod).toList();
        }
    }
}
