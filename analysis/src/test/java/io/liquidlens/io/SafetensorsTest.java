package io.liquidlens.io;

import static io.liquidlens.io.NpyTest.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileWrittenToTheSpecification() {
        Map<String, NdArray> tensors = Safetensors.read(reference("reference.safetensors"));

        assertThat(tensors.keySet()).containsExactly("weight", "steps", "mask", "half", "brain");
        assertThat(tensors.get("weight")).isEqualTo(NdArray.ofFloats(new int[] {2, 2}, new float[] {1f, -2f, 0.5f, 3.25f}));
        assertThat(tensors.get("steps")).isEqualTo(NdArray.ofLongs(DType.INT64, new int[] {3}, new long[] {-1, 0, 7}));
        assertThat(tensors.get("mask")).isEqualTo(NdArray.ofBooleans(new int[] {2}, new boolean[] {true, false}));
        assertThat(tensors.get("half")).isEqualTo(NdArray.ofFloats(DType.FLOAT16, new int[] {2}, new float[] {0.5f, -65504f}));
        assertThat(tensors.get("brain")).isEqualTo(NdArray.ofFloats(DType.BFLOAT16, new int[] {2}, new float[] {1f, -3f}));
    }

    @Test
    void metadataIsReadSeparately() {
        assertThat(Safetensors.readMetadata(reference("reference.safetensors")))
                .containsExactly(Map.entry("format", "pt"), Map.entry("source", "liquidlens test"));
    }

    @Test
    void everyDtypeAndTheMetadataRoundTrip() {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        tensors.put("f32", NdArray.ofFloats(new int[] {2, 1}, new float[] {1.25f, Float.NaN}));
        tensors.put("f16", NdArray.ofFloats(DType.FLOAT16, new int[] {2}, new float[] {-2f, 0x1p-24f}));
        tensors.put("bf16", NdArray.ofFloats(DType.BFLOAT16, new int[] {2}, new float[] {1f, -0x1p100f}));
        tensors.put("f64", NdArray.ofDoubles(new int[] {}, new double[] {Math.PI}));
        long[] small = {-3, 4};
        for (DType d : new DType[] {DType.INT8, DType.INT16, DType.INT32, DType.INT64}) {
            tensors.put(d.name(), NdArray.ofLongs(d, new int[] {2}, small.clone()));
        }
        for (DType d : new DType[] {DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64}) {
            tensors.put(d.name(), NdArray.ofLongs(d, new int[] {2}, new long[] {0, 200}));
        }
        tensors.put("bool", NdArray.ofBooleans(new int[] {3}, new boolean[] {false, true, true}));
        tensors.put("empty", NdArray.ofFloats(new int[] {0, 5}, new float[0]));
        Path file = dir.resolve("all.safetensors");

        Safetensors.write(file, tensors, Map.of("format", "pt"));

        assertThat(Safetensors.read(file)).containsExactlyEntriesOf(tensors);
        assertThat(Safetensors.readMetadata(file)).containsExactly(Map.entry("format", "pt"));
    }

    @Test
    void headerIsPaddedSoDataIsEightByteAligned() throws Exception {
        Path file = dir.resolve("a.safetensors");
        Safetensors.write(file, Map.of("x", NdArray.ofFloats(new int[] {1}, new float[] {1f})));
        byte[] bytes = Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();

        assertThat(headerLength % 8).isZero();
        assertThat(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8).strip())
                .isEqualTo("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}");
    }

    @Test
    void unicodeArraysCannotBeWritten() {
        Path file = dir.resolve("u.safetensors");

        assertThatThrownBy(() -> Safetensors.write(file, Map.of("names", NdArray.ofStrings(new int[] {1}, new String[] {"a"}))))
                .isInstanceOf(LiquidLensException.class).hasMessage(file + ": tensor 'names': safetensors cannot hold unicode arrays");
    }

    @Test
    void offsetsMustTileTheDataBuffer() {
        String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[%d,%d]}";
        String b = "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[%d,%d]}";

        assertThat(problem("{" + a.formatted(0, 4) + "," + b.formatted(2, 6) + "}", 8))
                .endsWith("tensor 'b': data overlaps the previous tensor");
        assertThat(problem("{" + a.formatted(0, 4) + "," + b.formatted(8, 12) + "}", 12))
                .endsWith("tensor 'b': unused bytes 4..8 before its data");
        assertThat(problem("{" + a.formatted(0, 4) + "," + b.formatted(4, 8) + "}", 6))
                .endsWith("tensor 'b': data_offsets end at 8, past the 6-byte data buffer (truncated?)");
        assertThat(problem("{" + a.formatted(0, 4) + "}", 8))
                .endsWith("the data buffer has 8 bytes but the tensors cover 4");
        assertThat(problem("{" + a.formatted(0, 8) + "}", 8))
                .endsWith("tensor 'a': data_offsets span 8 bytes but F32 [1] needs 4");
        assertThat(problem("{" + a.formatted(4, 0) + "}", 4))
                .endsWith("tensor 'a': data_offsets must be [begin, end] with begin <= end");
    }

    @Test
    void badHeadersAreExplained() {
        assertThat(problem("{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1))
                .endsWith("tensor 'a': unsupported dtype F8_E4M3");
        assertThat(problem("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4))
                .endsWith("tensor 'a': shape [-1] holds something other than sizes");
        assertThat(problem("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4))
                .endsWith("tensor 'a': data_offsets is missing or not a list");
        assertThat(problem("{\"a\": [1,", 0)).contains("bad JSON header");
        assertThat(problem("{\"a\":{},\"a\":{}}", 0)).contains("bad JSON header").contains("Duplicate field 'a'");
        assertThat(problem("{\"__metadata__\":{\"n\":1}}", 0)).endsWith("__metadata__ value of 'n' is not a string");
    }

    @Test
    void implausibleHeaderLengthsAreRejected() throws Exception {
        Path file = dir.resolve("huge.safetensors");
        Files.write(file, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).array());

        assertThatThrownBy(() -> Safetensors.read(file)).isInstanceOf(LiquidLensException.class)
                .hasMessage(file + ": not a .safetensors file (header length 18446744073709551615 does not fit a file of 16 bytes)");
    }

    @Test
    void truncatedOrFlippedFilesFailCleanly() throws Exception {
        Corruption.assertEveryCorruptionFailsCleanly(dir, Files.readAllBytes(reference("reference.safetensors")),
                "x.safetensors", Safetensors::read);
    }

    /** The message reading a file with this header and {@code dataBytes} zero bytes of data gives. */
    private String problem(String json, int dataBytes) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = ZipFiles.concat(
                ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array(), header,
                new byte[dataBytes]);
        Path file = dir.resolve("bad.safetensors");
        try {
            Files.write(file, bytes);
            Safetensors.read(file);
        } catch (LiquidLensException e) {
            assertThat(e.getMessage()).startsWith(file + ": ");
            return e.getMessage();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("read without complaint");
    }
}
