package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.testing.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TorchCheckpointTest {
    private static final String SMALL = "ltc_autoncp19_1_default.pt";

    @TempDir
    Path dir;

    static Stream<JsonNode> fixtureCases() {
        return Stream.concat(Fixtures.cases("ltc.json").stream(), Fixtures.cases("cfc.json").stream());
    }

    static Stream<Arguments> namedFixtureCases() {
        return fixtureCases().map(c -> Arguments.of(c.get("checkpoint").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedFixtureCases")
    void everyFixtureCheckpointEqualsItsStateDictBitForBit(String checkpoint, JsonNode fixtureCase) {
        Map<String, NdArray> tensors = TorchCheckpoint.read(Fixtures.checkpoint(fixtureCase.get("checkpoint").asText()));

        assertMatchesStateDict(tensors, fixtureCase.get("state_dict"));
    }

    @Test
    void torch2CudaLayoutWithRenamedFolderReadsIdentically() {
        Path original = Fixtures.checkpoint(SMALL);
        Path variant = dir.resolve("renamed.pt");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : ZipFiles.read(original).entrySet()) {
            String name = "archive/" + e.getKey().substring(e.getKey().indexOf('/') + 1);
            byte[] content = e.getValue();
            if (name.equals("archive/data.pkl")) {
                content = replaceAll(content, binUnicode("cpu"), binUnicode("cuda:0"));
                entries.put(name, content);
                entries.put("archive/.format_version", "1".getBytes(StandardCharsets.US_ASCII));
                entries.put("archive/.storage_alignment", "64".getBytes(StandardCharsets.US_ASCII));
                entries.put("archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            } else {
                entries.put(name, content);
            }
        }
        entries.put("archive/.data/serialization_id", "1234567890".getBytes(StandardCharsets.US_ASCII));
        ZipFiles.write(variant, entries, 64);

        assertThat(new String(entries.get("archive/data.pkl"), StandardCharsets.ISO_8859_1)).contains("cuda:0")
                .doesNotContain("cpu");
        assertThat(TorchCheckpoint.read(variant)).isEqualTo(TorchCheckpoint.read(original));
        assertMatchesStateDict(TorchCheckpoint.read(variant), stateDictOf(SMALL));
    }

    @Test
    void bigEndianStoragesAreSwappedBack() {
        Path original = Fixtures.checkpoint(SMALL);
        Path variant = dir.resolve("big.pt");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : ZipFiles.read(original).entrySet()) {
            byte[] content = e.getValue();
            if (e.getKey().contains("/data/")) {
                content = swapFloat32(content); // every fixture storage is a FloatStorage
            }
            entries.put(e.getKey(), content);
            if (e.getKey().endsWith("/data.pkl")) {
                assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("LongStorage");
                entries.put(e.getKey().replace("data.pkl", "byteorder"), "big".getBytes(StandardCharsets.US_ASCII));
            }
        }
        ZipFiles.write(variant, entries, 0);

        assertMatchesStateDict(TorchCheckpoint.read(variant), stateDictOf(SMALL));
    }

    @Test
    void stridedViewsOfSharedStoragesAreCopiedInCOrder() {
        PickleBuilder p = new PickleBuilder().proto(2).global("collections", "OrderedDict").emptyTuple().reduce()
                .mark();
        // 'transposed': (3, 2) view with strides (1, 3) of storage 0 = [0 1 2 3 4 5]
        p.str("transposed").tensor(() -> p.storage("FloatStorage", "0", "cpu", 6), 0, new int[] {3, 2},
                new int[] {1, 3});
        // 'every_other': offset 1, size 3, stride 2 of the same storage
        p.str("every_other").tensor(() -> p.storage("FloatStorage", "0", "cpu", 6), 1, new int[] {3},
                new int[] {2});
        // 'scalar': a 0-d view at offset 5
        p.str("scalar").tensor(() -> p.storage("FloatStorage", "0", "cpu", 6), 5, new int[] {}, new int[] {});
        // 'param': a Parameter wrapping a contiguous (2, 3) view
        p.str("param").global("torch._utils", "_rebuild_parameter").mark();
        p.tensor(() -> p.storage("FloatStorage", "0", "mps", 6), 0, new int[] {2, 3}, new int[] {3, 1});
        p.bool(false).global("collections", "OrderedDict").emptyTuple().reduce().tuple().reduce();
        // 'steps': int64 storage 1
        p.str("steps").tensor(() -> p.storage("LongStorage", "1", "cuda:1", 2), 0, new int[] {2}, new int[] {1});
        p.setItems().stop();
        Path file = checkpoint("hand", p.bytes(), Map.of(
                "0", floats(0, 1, 2, 3, 4, 5),
                "1", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-7).putLong(1L << 40).array()));

        Map<String, NdArray> tensors = TorchCheckpoint.read(file);

        assertThat(tensors.keySet()).containsExactly("transposed", "every_other", "scalar", "param", "steps");
        assertThat(tensors.get("transposed")).isEqualTo(NdArray.ofFloats(new int[] {3, 2}, new float[] {0, 3, 1, 4, 2, 5}));
        assertThat(tensors.get("every_other")).isEqualTo(NdArray.ofFloats(new int[] {3}, new float[] {1, 3, 5}));
        assertThat(tensors.get("scalar")).isEqualTo(NdArray.ofFloats(new int[] {}, new float[] {5}));
        assertThat(tensors.get("param")).isEqualTo(NdArray.ofFloats(new int[] {2, 3}, new float[] {0, 1, 2, 3, 4, 5}));
        assertThat(tensors.get("steps")).isEqualTo(NdArray.ofLongs(DType.INT64, new int[] {2}, new long[] {-7, 1L << 40}));
    }

    @Test
    void foreignGlobalsAreRejectedByName() {
        byte[] system = new PickleBuilder().proto(2).global("os", "system").str("echo pwned").op(0x85).reduce()
                .stop().bytes();
        byte[] stacked = new PickleBuilder().proto(4).stackGlobal("builtins", "eval").str("1+1").op(0x85).reduce()
                .stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("system", system, Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageEndingWith(": unsupported pickle global os.system");
        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("eval", stacked, Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unsupported pickle global builtins.eval");
    }

    @Test
    void whitelistedStorageClassesCannotBeCalled() {
        byte[] call = new PickleBuilder().proto(2).global("torch", "FloatStorage").emptyTuple().reduce().stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("call", call, Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unsupported pickle call of torch.FloatStorage");
    }

    @Test
    void unsupportedOpcodesAreNamed() {
        byte[] inst = new PickleBuilder().proto(2).mark().op('i').stop().bytes(); // INST

        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("inst", inst, Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unsupported pickle opcode 0x69 at byte 3");
    }

    @Test
    void selfReferencingDeepAndOversizedPicklesFailCleanly() {
        byte[] cyclicKey = new PickleBuilder().proto(2).emptyDict().op(']').put(0).get(0).op('a').op(0x85)
                .str("v").setItem().stop().bytes();
        PickleBuilder deep = new PickleBuilder().proto(2).emptyDict().emptyTuple();
        for (int i = 0; i < 100_000; i++) {
            deep.op(0x85);
        }
        byte[] deepKey = deep.str("v").setItem().stop().bytes();
        byte[] huge = ZipFiles.concat(new PickleBuilder().proto(2).op('X').bytes(),
                new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f}, "abc".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("cyclic", cyclicKey, Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unhashable dict key of type tuple");
        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("deep", deepKey, Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unhashable dict key of type tuple");
        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("huge", huge, Map.of())))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("truncated pickle (a length of 2147483647 runs past the end)");
    }

    @Test
    void orderedDictKeysAreCheckedLikeDictKeys() {
        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("cyclic", cyclicOrderedDictKey(), Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("unhashable dict key of type tuple");
    }

    @Test
    void keysOfABillionItemsFromAFewKilobytesAreRefused() {
        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("bomb", keyOfABillionItems(), Map.of())))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("a dict key of more than 10000 items");
    }

    @Test
    void viewsThatRepeatOneStoredElementMillionsOfTimesAreRefused() {
        Path file = checkpoint("broadcast", strideZeroView(), Map.of("0", floats(7)));

        assertThatThrownBy(() -> TorchCheckpoint.read(file)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("tensor 'w': views repeat their storages' elements too often (100000000 "
                        + "elements from 1 stored; the limit is 16 times the stored elements plus 1048576)");
    }

    /** OrderedDict([(T, 1)]) where T = (L,) and L = [T]: hashing T used to overflow the stack. */
    static byte[] cyclicOrderedDictKey() {
        PickleBuilder p = new PickleBuilder().proto(2).global("collections", "OrderedDict");
        p.op(']').put(0).get(0).op(0x85).put(1).op('a').op('0');
        return p.op(']').get(1).integer(1).op(0x86).op('a').op(0x85).reduce().stop().bytes();
    }

    /** A dict key of four levels of 1000 memo references to the level below: 8 KB that used to hash for hours. */
    static byte[] keyOfABillionItems() {
        PickleBuilder p = new PickleBuilder().proto(2).emptyDict().mark();
        for (int i = 0; i < 1000; i++) {
            p.op('K').op(1);
        }
        p.tuple().put(0).op('0');
        for (int level = 1; level <= 3; level++) {
            p.mark();
            for (int i = 0; i < 1000; i++) {
                p.get(level - 1);
            }
            p.tuple().put(level).op('0');
        }
        return p.get(3).integer(1).setItem().stop().bytes();
    }

    /** {'w': one stored float seen 100 million times through stride 0}, which used to allocate 400 MB. */
    static byte[] strideZeroView() {
        PickleBuilder p = new PickleBuilder().proto(2).emptyDict().str("w");
        p.tensor(() -> p.storage("FloatStorage", "0", "cpu", 1), 0, new int[] {100_000_000}, new int[] {0});
        return p.setItem().stop().bytes();
    }

    @Test
    void smallBroadcastsAndTiedWeightsStillRead() {
        PickleBuilder p = new PickleBuilder().proto(2).emptyDict().mark();
        p.str("row").tensor(() -> p.storage("FloatStorage", "0", "cpu", 2), 0, new int[] {3, 2}, new int[] {0, 1});
        p.str("tied").tensor(() -> p.storage("FloatStorage", "0", "cpu", 2), 0, new int[] {2}, new int[] {1});
        p.setItems().stop();

        Map<String, NdArray> tensors = TorchCheckpoint.read(checkpoint("tied", p.bytes(), Map.of("0", floats(1, 2))));

        assertThat(tensors.get("row")).isEqualTo(NdArray.ofFloats(new int[] {3, 2}, new float[] {1, 2, 1, 2, 1, 2}));
        assertThat(tensors.get("tied")).isEqualTo(NdArray.ofFloats(new int[] {2}, new float[] {1, 2}));
    }

    @Test
    void missingStorageRecordIsReported() {
        Map<String, byte[]> entries = new LinkedHashMap<>(ZipFiles.read(Fixtures.checkpoint(SMALL)));
        entries.remove("ltc_autoncp19_1_default/data/3");
        Path file = dir.resolve("missing.pt");
        ZipFiles.write(file, entries, 0);

        assertThatThrownBy(() -> TorchCheckpoint.read(file)).isInstanceOf(LiquidLensException.class)
                .hasMessage(file + ": missing storage record ltc_autoncp19_1_default/data/3");
    }

    @Test
    void storageOfWrongSizeIsReported() {
        Map<String, byte[]> entries = new LinkedHashMap<>(ZipFiles.read(Fixtures.checkpoint(SMALL)));
        entries.put("ltc_autoncp19_1_default/data/0", new byte[12]);
        Path file = dir.resolve("short.pt");
        ZipFiles.write(file, entries, 0);

        assertThatThrownBy(() -> TorchCheckpoint.read(file)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("has 12 bytes but 19 float32 elements need 76");
    }

    @Test
    void viewPastItsStorageIsReported() {
        PickleBuilder p = new PickleBuilder().proto(2).emptyDict().str("w");
        p.tensor(() -> p.storage("FloatStorage", "0", "cpu", 4), 2, new int[] {3}, new int[] {1}).setItem().stop();
        Path file = checkpoint("past", p.bytes(), Map.of("0", floats(1, 2, 3, 4)));

        assertThatThrownBy(() -> TorchCheckpoint.read(file)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("tensor 'w': view (offset 2) runs past its storage of 4 elements");
    }

    @Test
    void fullTrainingCheckpointIsNotMistakenForAStateDict() {
        byte[] nested = new PickleBuilder().proto(2).emptyDict().str("model").emptyDict().setItem().stop().bytes();

        assertThatThrownBy(() -> TorchCheckpoint.read(checkpoint("nested", nested, Map.of())))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("not a plain state dict: entry 'model' is a dict, not a tensor");
    }

    @Test
    void nonZipFilesAreRecognised() throws Exception {
        Path legacy = Files.write(dir.resolve("legacy.pt"), new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10});
        Path text = Files.writeString(dir.resolve("text.pt"), "hello");
        Path npz = dir.resolve("arrays.npz");
        Npz.write(npz, Map.of("a", NdArray.ofFloats(new int[] {1}, new float[] {1})));

        assertThatThrownBy(() -> TorchCheckpoint.read(legacy)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("legacy (pre-1.6, non-zip) PyTorch checkpoint");
        assertThatThrownBy(() -> TorchCheckpoint.read(text)).isInstanceOf(LiquidLensException.class)
                .hasMessage(text + ": not a PyTorch checkpoint (not a zip archive)");
        assertThatThrownBy(() -> TorchCheckpoint.read(npz)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("no <folder>/data.pkl record");
        assertThatThrownBy(() -> TorchCheckpoint.read(dir.resolve("absent.pt"))).isInstanceOf(LiquidLensException.class)
                .hasMessageEndingWith("absent.pt: file not found");
    }

    @Test
    void truncatedOrFlippedCheckpointsFailCleanly() throws Exception {
        byte[] good = Files.readAllBytes(Fixtures.checkpoint("cfc_dense16_pure_tanh_bl1.pt"));
        Corruption.assertEveryCorruptionFailsCleanly(dir, good, "x.pt", TorchCheckpoint::read);
    }

    // ---- helpers ----

    static void assertMatchesStateDict(Map<String, NdArray> tensors, JsonNode stateDict) {
        List<String> names = new ArrayList<>();
        stateDict.properties().forEach(e -> names.add(e.getKey()));
        assertThat(tensors.keySet()).containsExactlyElementsOf(names);
        for (Map.Entry<String, JsonNode> e : stateDict.properties()) {
            NdArray tensor = tensors.get(e.getKey());
            assertThat(tensor.dtype()).as(e.getKey()).isEqualTo(DType.FLOAT32);
            assertThat(tensor.shape()).as(e.getKey()).containsExactly(Fixtures.shape(e.getValue()));
            assertThat(bits(tensor.toFloatArray())).as(e.getKey()).containsExactly(bits(Fixtures.floats(e.getValue())));
        }
    }

    private static JsonNode stateDictOf(String checkpoint) {
        return fixtureCases().filter(c -> c.get("checkpoint").asText().equals(checkpoint)).findFirst().orElseThrow()
                .get("state_dict");
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private Path checkpoint(String name, byte[] pickle, Map<String, byte[]> storages) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(name + "/data.pkl", pickle);
        storages.forEach((key, bytes) -> entries.put(name + "/data/" + key, bytes));
        entries.put(name + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        Path file = dir.resolve(name + ".pt");
        ZipFiles.write(file, entries, 0);
        return file;
    }

    private static byte[] floats(float... values) {
        ByteBuffer out = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }

    private static byte[] binUnicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return ZipFiles.concat(new byte[] {'X'},
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array(), b);
    }

    private static byte[] replaceAll(byte[] haystack, byte[] needle, byte[] replacement) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int replaced = 0;
        for (int i = 0; i < haystack.length;) {
            if (i + needle.length <= haystack.length
                    && java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                out.writeBytes(replacement);
                i += needle.length;
                replaced++;
            } else {
                out.write(haystack[i++]);
            }
        }
        assertThat(replaced).as("occurrences of the location string").isPositive();
        return out.toByteArray();
    }

    private static byte[] swapFloat32(byte[] little) {
        ByteBuffer in = ByteBuffer.wrap(little).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(little.length).order(ByteOrder.BIG_ENDIAN);
        while (in.hasRemaining()) {
            out.putFloat(in.getFloat());
        }
        return out.array();
    }
}
