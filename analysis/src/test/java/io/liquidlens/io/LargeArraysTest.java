package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long recordings: arrays of several chunks are decoded exactly, reading one costs about its decoded size (no
 * copy of the file's bytes on top), 8-bit arrays take one byte per element, and a header that promises more data
 * than there is allocates nothing for it.
 */
class LargeArraysTest {
    /** Floats over more than two chunks, and an element count that does not fill the last one. */
    private static final int FLOATS = 2 * Npy.CHUNK_BYTES / 4 + 12_345;
    /** What reading may allocate beyond the array itself: a chunk, zip buffers and bookkeeping. */
    private static final long SLACK = 3L * Npy.CHUNK_BYTES;

    @TempDir
    Path dir;

    @Test
    void arraysOfSeveralChunksRoundTripThroughFilesAndBothKindsOfArchive() {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("floats", NdArray.ofFloats(new int[] {FLOATS}, ramp(FLOATS)));
        double[] d = new double[Npy.CHUNK_BYTES / 8 + 3];
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 0.5 - 7;
        }
        arrays.put("doubles", NdArray.ofDoubles(new int[] {d.length}, d));
        byte[] b = new byte[Npy.CHUNK_BYTES + 17];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31);
        }
        arrays.put("levels", NdArray.ofBytes(DType.UINT8, new int[] {b.length}, b));
        Path stored = dir.resolve("stored.npz");
        Path deflated = dir.resolve("deflated.npz");
        Npz.write(stored, arrays, false);
        Npz.write(deflated, arrays, true);
        Path npy = dir.resolve("floats.npy");
        Npy.write(npy, arrays.get("floats"));

        assertThat(Npz.read(stored)).containsExactlyEntriesOf(arrays);
        assertThat(Npz.read(deflated)).containsExactlyEntriesOf(arrays);
        assertThat(Npy.read(npy)).isEqualTo(arrays.get("floats"));
    }

    @Test
    void readingAnArrayCostsItsDecodedSizeNotTheFilesBytesAgain() {
        NdArray x = NdArray.ofFloats(new int[] {4 * FLOATS}, ramp(4 * FLOATS));
        long size = 4L * x.size();
        Path npy = dir.resolve("x.npy");
        Npy.write(npy, x);
        Path stored = dir.resolve("stored.npz");
        Npz.write(stored, Map.of("x", x), false);
        Path deflated = dir.resolve("deflated.npz");
        Npz.write(deflated, Map.of("x", x), true);

        assertThat(allocatedBy(() -> Npy.read(npy))).isBetween(size, size + SLACK);
        assertThat(allocatedBy(() -> Npz.read(stored))).isBetween(size, size + SLACK);
        assertThat(allocatedBy(() -> Npz.read(deflated))).isBetween(size, size + SLACK);
    }

    @Test
    void eightBitArraysTakeOneBytePerElement() {
        byte[] levels = new byte[4 * Npy.CHUNK_BYTES];
        levels[1] = (byte) 255;
        Path file = dir.resolve("labels.npz");
        Npz.write(file, Map.of("labels", NdArray.ofBytes(DType.UINT8, new int[] {levels.length}, levels)), true);

        assertThat(allocatedBy(() -> Npz.read(file))).isLessThan(levels.length + SLACK);
        NdArray back = Npz.read(file).get("labels");
        assertThat(back.bytesView()).hasSize(levels.length);
        assertThat(back.toLongArray()[1]).isEqualTo(255);
        assertThat(back.toFloatArray()[1]).isEqualTo(255f);
        assertThat(NdArray.ofLongs(DType.INT8, new int[] {2}, new long[] {-128, 127}).toLongArray())
                .containsExactly(-128, 127);
    }

    @Test
    void eightBitArraysRefuseValuesOutsideTheirType() {
        assertThatThrownBy(() -> NdArray.ofLongs(DType.UINT8, new int[] {2}, new long[] {0, 256}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256");
        assertThatThrownBy(() -> NdArray.ofLongs(DType.INT8, new int[] {1}, new long[] {-129}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-129");
    }

    @Test
    void aHeaderPromisingMoreThanThereIsAllocatesNothingForIt() throws Exception {
        // 1.9 GB of float32 promised, 8 bytes present
        byte[] lying = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (475000000,), }", new byte[8]);
        Path npy = dir.resolve("lying.npy");
        Files.write(npy, lying);
        Path npz = dir.resolve("lying.npz");
        storedZip(npz, "x.npy", lying);

        for (Path file : new Path[] {npy, npz}) {
            long allocated = allocatedBy(() -> {
                assertThatThrownBy(() -> read(file))
                        .isInstanceOf(LiquidLensException.class).hasMessageContaining("truncated")
                        .hasMessageContaining("1900000000 bytes");
                return null;
            });
            assertThat(allocated).as(file.getFileName().toString()).isLessThan(SLACK);
        }
    }

    @Test
    void aRolloutReadForSomePartsLeavesTheOthersUnread() {
        int t = 3;
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("inputs", NdArray.ofFloats(new int[] {t, 2}, new float[] {1, 2, 3, 4, 5, 6}));
        arrays.put("states", NdArray.ofFloats(new int[] {t, 1}, new float[] {7, 8, 9}));
        arrays.put("world", NdArray.ofFloats(new int[] {t, 1}, new float[] {0, 0, 1}));
        arrays.put("world_names", NdArray.ofStrings(new int[] {1}, new String[] {"d"}));
        arrays.put("position", NdArray.ofFloats(new int[] {t, 2}, new float[6]));
        arrays.put("extra", NdArray.ofFloats(new int[] {1}, new float[] {1}));
        Path file = dir.resolve("r.npz");
        Npz.write(file, arrays, true);

        Rollout some = Rollouts.read(file, Set.of("states", "world"));

        assertThat(some.inputs()).isEqualTo(arrays.get("inputs"));
        assertThat(some.states()).isEqualTo(arrays.get("states"));
        assertThat(some.worldNames()).containsExactly("d");
        assertThat(some.position()).isNull();
        assertThat(some.extras()).isEmpty();
        assertThat(Rollouts.read(file).position()).isNotNull();
    }

    private static Object read(Path file) {
        return file.toString().endsWith(".npy") ? Npy.read(file) : Npz.read(file);
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.25f - 1000;
        }
        return v;
    }

    /** Bytes the current thread allocated while running {@code body}. */
    private static long allocatedBy(Supplier<?> body) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        body.get();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private static byte[] npy(String header, byte[] data) {
        byte[] text = (header + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(10 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length).put(text).put(data);
        return out.array();
    }

    private static void storedZip(Path file, String name, byte[] content) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry e = new ZipEntry(name);
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setMethod(ZipEntry.STORED);
            e.setSize(content.length);
            e.setCompressedSize(content.length);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        }
    }
}
