package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    /** A file numpy wrote (see make_reference_files.py next to it). */
    static Path reference(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsFloatArraysNumpyWrote() {
        assertThat(Npy.read(reference("f4_2x3.npy"))).isEqualTo(NdArray.ofFloats(new int[] {2, 3},
                new float[] {-1.5f, 0f, 0.25f, 1e-3f, 3.4028235e38f, -7f}));
        assertThat(Npy.read(reference("f8.npy"))).isEqualTo(NdArray.ofDoubles(new int[] {3},
                new double[] {Math.PI, -0.0, 1e-300}));
        assertThat(Npy.read(reference("f2.npy"))).isEqualTo(NdArray.ofFloats(DType.FLOAT16, new int[] {5},
                new float[] {1f, -2.5f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY}));
    }

    @Test
    void readsIntegerAndBoolArraysNumpyWrote() {
        assertThat(Npy.read(reference("i1.npy"))).isEqualTo(longs(DType.INT8, -128, 0, 127));
        assertThat(Npy.read(reference("i2.npy"))).isEqualTo(longs(DType.INT16, -32768, 1, 32767));
        assertThat(Npy.read(reference("i4.npy"))).isEqualTo(longs(DType.INT32, Integer.MIN_VALUE, 2, Integer.MAX_VALUE));
        assertThat(Npy.read(reference("i8.npy"))).isEqualTo(longs(DType.INT64, Long.MIN_VALUE, 3, Long.MAX_VALUE));
        assertThat(Npy.read(reference("u1.npy"))).isEqualTo(longs(DType.UINT8, 0, 1, 255));
        assertThat(Npy.read(reference("u2.npy"))).isEqualTo(longs(DType.UINT16, 0, 1, 65535));
        assertThat(Npy.read(reference("u4.npy"))).isEqualTo(longs(DType.UINT32, 0, 1, 4294967295L));
        // uint64 values above Long.MAX_VALUE are held as their two's-complement bits.
        assertThat(Npy.read(reference("u8.npy"))).isEqualTo(longs(DType.UINT64, 0, 1, -1));
        assertThat(Npy.read(reference("b1.npy"))).isEqualTo(NdArray.ofBooleans(new int[] {2, 2},
                new boolean[] {true, false, false, true}));
    }

    @Test
    void readsUnicodeIncludingCharactersOutsideTheBasicPlane() {
        assertThat(Npy.read(reference("unicode.npy")).toStringArray())
                .containsExactly("d", "mu", "kappa", "\u03a9\u00e9\uD83D\uDE00");
    }

    @Test
    void readsZeroDimensionalAndEmptyArrays() {
        NdArray scalar = Npy.read(reference("scalar0d.npy"));
        NdArray empty = Npy.read(reference("empty_0x3.npy"));

        assertThat(scalar.shape()).isEmpty();
        assertThat(scalar.toFloatArray()).containsExactly(3.5f);
        assertThat(empty.shape()).containsExactly(0, 3);
        assertThat(empty.size()).isZero();
    }

    @Test
    void readsBigEndianArrays() {
        assertThat(Npy.read(reference("be_f4.npy"))).isEqualTo(NdArray.ofFloats(new int[] {2}, new float[] {1.5f, -2f}));
        assertThat(Npy.read(reference("be_i8.npy"))).isEqualTo(longs(DType.INT64, -2, 258));
        assertThat(Npy.read(reference("be_unicode.npy")).toStringArray()).containsExactly("ab", "c");
    }

    @Test
    void readsFormatVersionsTwoAndThree() {
        NdArray expected = NdArray.ofFloats(new int[] {2}, new float[] {1f, 2f});

        assertThat(Npy.read(reference("v2.npy"))).isEqualTo(expected);
        assertThat(Npy.read(reference("v3.npy"))).isEqualTo(expected);
    }

    @Test
    void rejectsFortranOrderWithAdvice() {
        Path file = reference("fortran.npy");

        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(LiquidLensException.class)
                .hasMessage(file + ": Fortran-order arrays are not supported; save with np.ascontiguousarray");
    }

    @Test
    void rejectsObjectArrays() {
        assertThatThrownBy(() -> Npy.read(reference("object.npy"))).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("object arrays (dtype |O, saved with allow_pickle) are not supported");
    }

    @Test
    void writesTheSameBytesAsNumpy() throws Exception {
        Path file = dir.resolve("f4.npy");

        Npy.write(file, Npy.read(reference("f4_2x3.npy")));

        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(reference("f4_2x3.npy")));
    }

    @Test
    void everyWritableDtypeRoundTrips() {
        List<NdArray> arrays = List.of(
                NdArray.ofFloats(new int[] {2, 2}, new float[] {1.5f, -0f, Float.NaN, Float.NEGATIVE_INFINITY}),
                NdArray.ofFloats(DType.FLOAT16, new int[] {3}, new float[] {0.5f, -65504f, 0x1p-24f}),
                NdArray.ofDoubles(new int[] {1, 2}, new double[] {Math.E, -1e300}),
                longs(DType.INT8, -128, 127), longs(DType.INT16, -32768, 32767),
                longs(DType.INT32, Integer.MIN_VALUE, 7), longs(DType.INT64, Long.MIN_VALUE, Long.MAX_VALUE),
                longs(DType.UINT8, 0, 255), longs(DType.UINT16, 65535), longs(DType.UINT32, 4294967295L),
                longs(DType.UINT64, -1, 5),
                NdArray.ofBooleans(new int[] {3}, new boolean[] {true, false, true}),
                NdArray.ofStrings(new int[] {2, 2}, new String[] {"", "lateral offset", "\u00e9", "\uD83D\uDE00x"}),
                NdArray.ofFloats(new int[] {}, new float[] {42f}),
                NdArray.ofStrings(new int[] {}, new String[] {"scalar"}),
                NdArray.ofLongs(DType.INT32, new int[] {0, 4}, new long[0]));
        for (int i = 0; i < arrays.size(); i++) {
            Path file = dir.resolve("a" + i + ".npy");
            Npy.write(file, arrays.get(i));
            assertThat(Npy.read(file)).as(arrays.get(i).toString()).isEqualTo(arrays.get(i));
        }
    }

    @Test
    void headersAreAlignedToSixtyFourBytes() throws Exception {
        Path file = dir.resolve("a.npy");
        Npy.write(file, NdArray.ofStrings(new int[] {1}, new String[] {"abc"}));
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;

        assertThat((10 + headerLength) % 64).isZero();
        assertThat(new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1))
                .startsWith("{'descr': '<U3', 'fortran_order': False, 'shape': (1,), }").endsWith("\n");
    }

    @Test
    void bfloat16HasNoNumpyForm() {
        Path file = dir.resolve("bf.npy");

        assertThatThrownBy(() -> Npy.write(file, NdArray.ofFloats(DType.BFLOAT16, new int[] {1}, new float[] {1f})))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("numpy has no bfloat16 dtype");
        assertThat(file).doesNotExist();
    }

    @Test
    void badHeadersAreExplained() {
        assertThat(problem(header("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }")))
                .isEqualTo("x: unsupported dtype '<c8'");
        assertThat(problem(header("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }")))
                .startsWith("x: structured dtypes are not supported");
        assertThat(problem(header("{'descr': '<f4', 'shape': (1,), }")))
                .startsWith("x: bad .npy header: expected a dict with descr, fortran_order and shape");
        assertThat(problem(header("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }")))
                .startsWith("x: bad .npy header: shape");
        assertThat(problem(header("{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }")))
                .isEqualTo("x: shape [100000, 100000] is too large to load");
        assertThat(problem(header("{'descr': '<f4', 'fortran_order': Nope, 'shape': (1,), }")))
                .startsWith("x: bad .npy header: unexpected character 'N'");
        assertThat(problem("not numpy".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("x: not a .npy file (no \\x93NUMPY magic)");
    }

    @Test
    void unicodeOfWidthZeroCannotAskForElementsWithoutBytes() {
        // a 128-byte file that used to allocate a billion strings (found by NpyFuzzTest)
        assertThat(problem(header("{'descr': '<U0', 'fortran_order': False, 'shape': (1000000000,), }")))
                .isEqualTo("x: unicode dtype of width 0 cannot hold the 1000000000 elements of shape [1000000000]");
        assertThat(Npy.read(header("{'descr': '<U0', 'fortran_order': False, 'shape': (0,), }"), "x").size())
                .isZero();
    }

    @Test
    void dataOfTheWrongSizeIsReported() {
        byte[] header = header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");

        assertThat(problem(ZipFiles.concat(header, new byte[7])))
                .isEqualTo("x: truncated: shape [2] needs 8 bytes of data but the file has 7");
        assertThat(problem(ZipFiles.concat(header, new byte[9])))
                .isEqualTo("x: more data after the array than shape [2] holds");
        assertThat(Npy.read(ZipFiles.concat(header, new byte[8]), "x").size()).isEqualTo(2);
    }

    @Test
    void unknownVersionIsReported() {
        byte[] bytes = header("{'descr': '<f4', 'fortran_order': False, 'shape': (), }");
        bytes[6] = 4;

        assertThat(problem(bytes)).isEqualTo("x: unsupported .npy format version 4.0");
    }

    @Test
    void truncatedOrFlippedFilesFailCleanly() throws Exception {
        Corruption.assertEveryCorruptionFailsCleanly(dir, Files.readAllBytes(reference("unicode.npy")), "x.npy",
                Npy::read);
        Corruption.assertEveryCorruptionFailsCleanly(dir, Files.readAllBytes(reference("f4_2x3.npy")), "y.npy",
                Npy::read);
    }

    private static NdArray longs(DType dtype, long... values) {
        return NdArray.ofLongs(dtype, new int[] {values.length}, values);
    }

    /** A version 1.0 file with this header text (padded to 64 bytes) and no data. */
    static byte[] header(String dict) {
        int padding = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] text = (dict + " ".repeat(padding) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        out.writeBytes(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) text.length).array());
        out.writeBytes(text);
        return out.toByteArray();
    }

    private static String problem(byte[] bytes) {
        try {
            Npy.read(bytes, "x");
        } catch (LiquidLensException e) {
            return e.getMessage();
        }
        throw new AssertionError("read without complaint");
    }
}
