package io.liquidlens.io;

import io.liquidlens.head.HeadSpec;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the seed corpora of the fuzz tests from the reference files the other tests use: the valid
 * files themselves, their {@link ZipRecords} spelling, and a few damaged ones near the checks that matter
 * (truncations, a header length off by one, a flipped data byte). Not a test; rerun it when a fixture
 * changes, from the repository root:
 * {@code mvn -q -pl analysis test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.liquidlens.io.FuzzSeeds} (the full plugin name because the
 * {@code exec:} prefix does not resolve offline). Findings are written here too, from the builders of
 * the unit tests that pin them down.
 */
public final class FuzzSeeds {
    /** The analysis module, whether this runs from the repository root (exec:java) or from the module. */
    private static final Path MODULE = Files.isDirectory(Path.of("analysis/src")) ? Path.of("analysis") : Path.of(".");
    private static final Path RESOURCES = MODULE.resolve("src/test/resources");
    private static final Path INPUTS = RESOURCES.resolve("io/liquidlens/io");
    private static final String SMALL_CHECKPOINT = "cfc_dense16_pure_tanh_bl1.pt";

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        npy();
        npz();
        safetensors();
        torch();
        manifests();
        rollouts();
    }

    private static void npy() throws IOException {
        Path dir = INPUTS.resolve("NpyFuzzTestInputs/anyFileReadsOrFailsInOneLine");
        try (var files = Files.list(RESOURCES.resolve("io"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".npy")).sorted().toList()) {
                seed(dir, f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        byte[] good = Files.readAllBytes(RESOURCES.resolve("io/f4_2x3.npy"));
        seed(dir, "damaged-truncated-data.npy", Arrays.copyOf(good, good.length - 3));
        seed(dir, "damaged-extra-byte.npy", Arrays.copyOf(good, good.length + 1));
        byte[] longHeader = good.clone();
        longHeader[8]++;
        seed(dir, "damaged-header-length.npy", longHeader);
        // a finding, kept as a regression input: 128 bytes asking for a billion strings of width 0
        seed(dir, "finding-unicode-width-0.npy", NpyTest.header(
                "{'descr': '<U0', 'fortran_order': False, 'shape': (1000000000,), }"));
    }

    private static void npz() throws IOException {
        Path raw = INPUTS.resolve("NpzFuzzTestInputs/anyArchiveReadsOrFailsInOneLine");
        Path records = INPUTS.resolve("NpzFuzzTestInputs/anyEntriesReadOrFailInOneLine");
        for (String name : List.of("stored.npz", "compressed.npz")) {
            Path file = RESOURCES.resolve("io/" + name);
            byte[] bytes = Files.readAllBytes(file);
            seed(raw, name, bytes);
            seed(raw, "damaged-truncated-" + name, Arrays.copyOf(bytes, bytes.length / 2));
            byte[] flipped = bytes.clone();
            flipped[80] ^= 0x10;
            seed(raw, "damaged-flipped-" + name, flipped);
            seed(records, name + ".records", ZipRecords.fromEntries(ZipFiles.read(file), name.startsWith("c")));
        }
    }

    private static void safetensors() throws IOException {
        Path dir = INPUTS.resolve("SafetensorsFuzzTestInputs/anyFileReadsOrFailsInOneLine");
        byte[] reference = Files.readAllBytes(RESOURCES.resolve("io/reference.safetensors"));
        seed(dir, "reference.safetensors", reference);
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        tensors.put("half", NdArray.ofFloats(DType.FLOAT16, new int[] {2}, new float[] {1, -2}));
        tensors.put("brain", NdArray.ofFloats(DType.BFLOAT16, new int[] {1, 2}, new float[] {0.5f, 3}));
        tensors.put("flags", NdArray.ofBooleans(new int[] {3}, new boolean[] {true, false, true}));
        tensors.put("scalar", NdArray.ofLongs(DType.INT64, new int[] {}, new long[] {7}));
        tensors.put("empty", NdArray.ofFloats(new int[] {0, 4}, new float[0]));
        Path made = Files.createTempFile("seed", ".safetensors");
        Safetensors.write(made, tensors, Map.of("format", "pt", "note", "seed"));
        seed(dir, "dtypes-and-metadata.safetensors", Files.readAllBytes(made));
        Files.delete(made);
        seed(dir, "damaged-truncated.safetensors", Arrays.copyOf(reference, reference.length - 5));
        byte[] longHeader = reference.clone();
        longHeader[0]++;
        seed(dir, "damaged-header-length.safetensors", longHeader);
    }

    private static void torch() throws IOException {
        Path file = Fixtures.checkpoint(SMALL_CHECKPOINT);
        byte[] bytes = Files.readAllBytes(file);
        Path raw = INPUTS.resolve("TorchCheckpointFuzzTestInputs/anyArchiveReadsOrFailsInOneLine");
        seed(raw, SMALL_CHECKPOINT, bytes);
        seed(raw, "damaged-truncated.pt", Arrays.copyOf(bytes, bytes.length - 100));
        Map<String, byte[]> entries = ZipFiles.read(file);
        Path records = INPUTS.resolve("TorchCheckpointFuzzTestInputs/anyRecordsReadOrFailInOneLine");
        seed(records, SMALL_CHECKPOINT + ".records", ZipRecords.fromEntries(entries, false));
        Path pickles = INPUTS.resolve("TorchCheckpointFuzzTestInputs/anyPickleLoadsOrFailsInOneLine");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().endsWith("/data.pkl")) {
                seed(pickles, SMALL_CHECKPOINT + ".data.pkl", e.getValue());
            }
        }
        // a strided view of a shared storage, as torch writes a transposed tensor
        PickleBuilder view = new PickleBuilder();
        view.proto(2).emptyDict().shortStr("w")
                .tensor(() -> view.storage("FloatStorage", "0", "cpu", 6), 0, new int[] {2, 3}, new int[] {1, 2})
                .setItem().stop();
        seed(pickles, "strided-view.pkl", view.bytes());
        byte[] strided = view.bytes();
        seed(pickles, "empty-dict.pkl", new PickleBuilder().proto(2).emptyDict().stop().bytes());
        // findings, kept as regression inputs
        seed(pickles, "finding-cyclic-ordereddict-key.pkl", TorchCheckpointTest.cyclicOrderedDictKey());
        seed(pickles, "finding-key-of-a-billion-items.pkl", TorchCheckpointTest.keyOfABillionItems());
        Map<String, byte[]> broadcast = new LinkedHashMap<>();
        broadcast.put("broadcast/data.pkl", TorchCheckpointTest.strideZeroView());
        broadcast.put("broadcast/data/0", new byte[4]);
        broadcast.put("broadcast/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        seed(records, "finding-stride-0-view.records", ZipRecords.fromEntries(broadcast, false));
        seed(pickles, "truncated-view.pkl", Arrays.copyOf(strided, strided.length - 1));
    }

    private static void manifests() throws IOException {
        Path manifests = INPUTS.resolve("ModelManifestFuzzTestInputs/anyManifestReadsOrFailsInOneLine");
        Path heads = RESOURCES.resolve("io/liquidlens/head/HeadSpecFuzzTestInputs/anyHeadParsesOrFailsInOneLine");
        seed(manifests, "golden-model.json", Files.readAllBytes(RESOURCES.resolve("io/golden/model.json")));
        try (var models = Files.list(MODULE.resolve("../sample-models"))) {
            for (Path model : models.sorted().toList()) {
                Path preset = model.resolve("preset/model.json");
                if (!Files.isRegularFile(preset)) {
                    continue; // seed groups and the import example have no training preset
                }
                byte[] json = Files.readAllBytes(preset);
                seed(manifests, model.getFileName() + ".json", json);
                var head = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("head");
                if (head != null && !head.isNull()) {
                    seed(heads, model.getFileName() + "-head.json", head.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        byte[] golden = Files.readAllBytes(RESOURCES.resolve("head/golden-head.json"));
        seed(heads, "golden-head.json", golden);
        seed(heads, "channel-linear-head.json", ("{\"input_shape\":[4,6,2],\"layers\":[{\"type\":\"conv2d\",\"in\":2,"
                + "\"out\":3,\"kernel\":3,\"padding\":1},{\"type\":\"relu\"},{\"type\":\"channel_linear\","
                + "\"channels\":3,\"in\":24,\"out\":2},{\"type\":\"flatten\"},{\"type\":\"linear\",\"in\":6,\"out\":4,"
                + "\"bias\":null}]}").getBytes(StandardCharsets.UTF_8));
        HeadSpec.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Files.readAllBytes(heads.resolve("channel-linear-head.json"))));
    }

    private static void rollouts() throws IOException {
        Path dir = INPUTS.resolve("RolloutsFuzzTestInputs/anyRolloutReadsOrFailsInOneLine");
        Path small = RESOURCES.resolve("io/rollout_small.npz");
        seed(dir, "rollout_small.records", ZipRecords.fromEntries(ZipFiles.read(small), true));
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("inputs", NdArray.ofFloats(new int[] {3, 2}, new float[] {0, 1, 2, 3, 4, 5}));
        arrays.put("timespans", NdArray.ofFloats(new int[] {3, 1}, new float[] {1, 1, 0.5f}));
        arrays.put("actions", NdArray.ofDoubles(new int[] {3, 1}, new double[] {-1, 0, 1}));
        arrays.put("world", NdArray.ofFloats(new int[] {3, 2}, new float[] {0, 0, 1, 1, 2, 2}));
        arrays.put("world_names", NdArray.ofStrings(new int[] {2}, new String[] {"offset", "heading"}));
        arrays.put("position", NdArray.ofFloats(new int[] {3, 2}, new float[] {0, 0, 1, 0, 2, 0}));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            try {
                entries.put(e.getKey() + ".npy", Npy.toBytes(e.getValue()));
            } catch (FormatException ex) {
                throw new IllegalStateException(ex);
            }
        }
        seed(dir, "vector-rollout.records", ZipRecords.fromEntries(entries, false));
        Map<String, byte[]> image = new LinkedHashMap<>();
        try {
            image.put("inputs.npy", Npy.toBytes(NdArray.ofLongs(DType.UINT8, new int[] {2, 4, 6, 3}, pattern(2 * 4 * 6 * 3))));
            image.put("labels.npy", Npy.toBytes(NdArray.ofLongs(DType.UINT8, new int[] {2, 4, 6}, pattern(2 * 4 * 6))));
        } catch (FormatException ex) {
            throw new IllegalStateException(ex);
        }
        seed(dir, "image-rollout.records", ZipRecords.fromEntries(image, true));
    }

    /** Bytes 0..255 in a pattern, as long values for an uint8 array. */
    private static long[] pattern(int count) {
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = (i * 37) % 256;
        }
        return out;
    }

    private static void seed(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content);
    }
}
