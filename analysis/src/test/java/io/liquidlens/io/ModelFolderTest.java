package io.liquidlens.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.AutoNcpSpec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code model.json} as FORMATS.md defines it: defaults, every rejected manifest (one line naming the file
 * and the key), {@code --model} as folder or file, the write/read round trip, and the golden file.
 */
class ModelFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A minimal valid manifest: 3 inputs, an AutoNCP(19, 1) LTC, weights in model.pt. */
    private static ObjectNode minimal() {
        ObjectNode m = JSON.createObjectNode();
        ObjectNode ncps = m.putObject("ncps");
        ncps.put("class", "LTC");
        ncps.put("input_size", 3);
        ObjectNode units = ncps.putObject("units");
        units.put("class", "AutoNCP");
        units.put("units", 19);
        units.put("output_size", 1);
        m.put("weights", "model.pt");
        return m;
    }

    private Path writeManifest(ObjectNode manifest) throws IOException {
        Path file = dir.resolve(ModelFolder.MANIFEST);
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return file;
    }

    private Path writeManifest(Consumer<ObjectNode> edit) throws IOException {
        ObjectNode m = minimal();
        edit.accept(m);
        return writeManifest(m);
    }

    /** Reading the folder must fail with one line that names model.json and holds every word. */
    private void assertRejected(Path manifest, String... words) {
        assertThatThrownBy(() -> ModelFolder.readManifest(dir))
                .isInstanceOf(LiquidLensException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).startsWith(manifest.toString() + ": ").doesNotContain("\n");
                    for (String w : words) {
                        assertThat(e.getMessage()).contains(w);
                    }
                });
    }

    private static Path golden() throws URISyntaxException {
        return Path.of(ModelFolderTest.class.getResource("/io/golden/model.json").toURI());
    }

    // --- parsing -------------------------------------------------------------------------------------

    @Test
    void absentInputsAndOutputsGetDefaultNames() throws IOException {
        writeManifest(minimal());

        ModelManifest m = ModelFolder.readManifest(dir);

        assertThat(m.inputs().kind()).isEqualTo(ModelManifest.InputSpec.Kind.VECTOR);
        assertThat(m.inputs().names()).containsExactly("input_0", "input_1", "input_2");
        assertThat(m.outputs()).isEmpty();
        assertThat(m.name()).isEqualTo("unnamed model");
        assertThat(m.provenance()).isNull();
        assertThat(m.weights()).isEqualTo("model.pt");
    }

    @Test
    void inputsWithoutNamesGetDefaultNames() throws IOException {
        writeManifest(m -> m.putObject("inputs").put("kind", "vector"));

        assertThat(ModelFolder.readManifest(dir).inputs().names()).containsExactly("input_0", "input_1", "input_2");
    }

    @Test
    void givenNamesAreKept() throws IOException {
        writeManifest(m -> {
            m.putObject("inputs").putArray("names").add("d").add("mu").add("kappa");
            m.putObject("outputs").putArray("names").add("curvature");
        });

        ModelManifest m = ModelFolder.readManifest(dir);

        assertThat(m.inputs().names()).containsExactly("d", "mu", "kappa");
        assertThat(m.outputs()).containsExactly("curvature");
    }

    @Test
    void inputNamesMustBeOnePerInputFeature() throws IOException {
        Path file = writeManifest(m -> m.putObject("inputs").putArray("names").add("d").add("mu"));

        assertRejected(file, "inputs.names", "2 names", "3 inputs");
    }

    /** Inputs {@code a, b, noise1} with the roles {@code edit} writes into {@code inputs.roles}. */
    private Path writeRoles(Consumer<ObjectNode> edit) throws IOException {
        return writeManifest(m -> {
            ObjectNode inputs = m.putObject("inputs");
            inputs.putArray("names").add("a").add("b").add("noise1");
            edit.accept(inputs.putObject("roles"));
        });
    }

    @Test
    void declaredRolesAreKeptAndTheOthersGoByTheSampleWorldsNames() throws IOException {
        writeManifest(m -> {
            ObjectNode inputs = m.putObject("inputs");
            inputs.putArray("names").add("a").add("kappa").add("noise1");
            inputs.putObject("roles").put("a", "task").put("noise1", "distractor");
        });

        ModelManifest.InputSpec in = ModelFolder.readManifest(dir).inputs();

        assertThat(in.roles()).containsExactly(Map.entry("a", InputRole.TASK), Map.entry("noise1", InputRole.DISTRACTOR));
        assertThat(in.resolvedRoles()).containsExactly(Map.entry("a", InputRole.TASK),
                Map.entry("kappa", InputRole.TASK), Map.entry("noise1", InputRole.DISTRACTOR));
        assertThat(in.declaredDistractors()).containsExactly("noise1");
        assertThat(in.withRoles(Map.of("a", InputRole.OTHER)).roleOf("a")).isEqualTo(InputRole.OTHER);
    }

    @Test
    void withoutRolesTheSampleWorldsNamesDecide() {
        ModelManifest.InputSpec in = ModelManifest.InputSpec.vector(List.of("d", "mu", "noise_1", "spurious_2", "x"));

        assertThat(in.resolvedRoles().values()).containsExactly(InputRole.TASK, InputRole.TASK, InputRole.DISTRACTOR,
                InputRole.DISTRACTOR, InputRole.OTHER);
        assertThat(in.declaredDistractors()).as("naming is a fallback, not a declaration").isEmpty();
    }

    @Test
    void anUnknownRoleIsRejectedByKey() throws IOException {
        Path file = writeRoles(r -> r.put("noise1", "noise"));

        assertRejected(file, "inputs.roles.\"noise1\"", "\"noise\" is not a role", "task, distractor, other");
    }

    @Test
    void aRoleForANameThatIsNotAnInputIsRejectedByKey() throws IOException {
        Path file = writeRoles(r -> r.put("spurious", "distractor"));

        assertRejected(file, "inputs.roles.\"spurious\"", "not one of the inputs [a, b, noise1]");
    }

    @Test
    void rolesMustBeAnObject() throws IOException {
        Path file = writeManifest(m -> {
            ObjectNode inputs = m.putObject("inputs");
            inputs.putArray("names").add("a").add("b").add("c");
            inputs.putArray("roles").add("task");
        });

        assertRejected(file, "inputs.roles must be an object");
    }

    @Test
    void rolesSurviveTheWriteReadRoundTrip() throws IOException {
        writeRoles(r -> r.put("noise1", "distractor").put("a", "other"));
        ModelManifest read = ModelFolder.readManifest(dir);

        JsonNode written = ModelFolder.toJson(read);

        assertThat(written.get("inputs").get("roles").toString()).isEqualTo("{\"noise1\":\"distractor\",\"a\":\"other\"}");
        assertThat(ModelFolder.parse(written).inputs().roles()).isEqualTo(read.inputs().roles());
    }

    @Test
    void unknownTopLevelKeyIsRejectedByName() throws IOException {
        Path file = writeManifest(m -> m.put("weigths", "model.pt"));

        assertRejected(file, "\"weigths\"", "unknown key");
    }

    @Test
    void ncpsMustBeAnObject() throws IOException {
        Path file = writeManifest(m -> m.put("ncps", "LTC(3, AutoNCP(19, 1))"));

        assertRejected(file, "\"ncps\"");
    }

    @Test
    void ncpsIsRequired() throws IOException {
        Path file = writeManifest(m -> m.remove("ncps"));

        assertRejected(file, "\"ncps\"");
    }

    @Test
    void aPerceptionHeadIsKeptForTheHeadPackageToInterpret() throws IOException {
        writeManifest(m -> m.putObject("head").put("input_shape", "as written"));

        assertThat(ModelFolder.readManifest(dir).head().get("input_shape").asText()).isEqualTo("as written");
    }

    @Test
    void aHeadThatIsNotAnObjectIsRejected() throws IOException {
        Path file = writeManifest(m -> m.put("head", "conv"));

        assertRejected(file, "\"head\"");
    }

    @Test
    void imageInputsNeedAHead() throws IOException {
        Path file = writeManifest(m -> m.putObject("inputs").put("kind", "image").putArray("shape").add(4).add(4).add(3));

        assertRejected(file, "head");
    }

    @Test
    void nullHeadIsAccepted() throws IOException {
        writeManifest(m -> m.putNull("head"));

        assertThat(ModelFolder.readManifest(dir).spec().inputSize()).isEqualTo(3);
    }

    @Test
    void anotherFormatIsRejected() throws IOException {
        Path file = writeManifest(m -> m.put("format", "liquidlens.model/2"));

        assertRejected(file, "liquidlens.model/2", ModelManifest.FORMAT);
    }

    @Test
    void weightsAreRequired() throws IOException {
        Path file = writeManifest(m -> m.remove("weights"));

        assertRejected(file, "\"weights\"");
    }

    @Test
    void invalidJsonIsRejected() throws IOException {
        Path file = dir.resolve(ModelFolder.MANIFEST);
        Files.writeString(file, "{\"ncps\": {\"class\": \"LTC\",");

        assertRejected(file, "not valid JSON");
    }

    @Test
    void aMissingWeightsFileIsNamed() throws IOException {
        writeManifest(minimal());
        ModelManifest m = ModelFolder.readManifest(dir);

        assertThatThrownBy(() -> ModelFolder.readWeights(dir, m))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(dir.resolve("model.pt") + ": ")
                .hasMessageContaining("does not exist");
    }

    // --- where the manifest is -----------------------------------------------------------------------

    @Test
    void modelArgumentMayBeTheFolderOrItsModelJson() throws IOException {
        Path file = writeManifest(minimal());

        assertThat(ModelFolder.manifestPath(dir)).isEqualTo(file);
        assertThat(ModelFolder.manifestPath(file)).isEqualTo(file);
        assertThat(ModelFolder.readManifest(file)).isEqualTo(ModelFolder.readManifest(dir));
        assertThat(ModelFolder.folderOf(file)).isEqualTo(dir.toAbsolutePath());
        assertThat(ModelFolder.folderOf(dir)).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void aFolderWithACheckpointButNoModelJsonSaysWhatIsMissing() throws IOException {
        Files.copy(Fixtures.checkpoint("ltc_autoncp19_1_default.pt"), dir.resolve("model.pt"));

        assertThatThrownBy(() -> ModelFolder.readManifest(dir))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(dir + ": no model.json")
                .hasMessageContaining("liquidlens import " + dir.resolve("model.pt") + " --out");
    }

    @Test
    void aCheckpointGivenAsTheModelPointsToImport() throws IOException {
        Path checkpoint = Files.copy(Fixtures.checkpoint("ltc_autoncp19_1_default.pt"), dir.resolve("weights.pt"));

        assertThatThrownBy(() -> ModelFolder.readManifest(checkpoint))
                .isInstanceOf(LiquidLensException.class)
                .hasMessage(checkpoint + ": is a checkpoint, not a model folder; make one from it with: liquidlens"
                        + " import " + checkpoint + " --out NEW_FOLDER");
    }

    @Test
    void anEmptyFolderHasNoModelJson() {
        assertThatThrownBy(() -> ModelFolder.readManifest(dir))
                .isInstanceOf(LiquidLensException.class)
                .hasMessage(dir + ": no model.json in this folder");
    }

    @Test
    void aMissingPathIsNamed() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> ModelFolder.readManifest(missing))
                .isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith(missing + ": ");
    }

    // --- writing -------------------------------------------------------------------------------------

    @Test
    void writtenFolderReadsBackWithWeightsAndProvenance() throws IOException {
        ObjectNode source = minimal();
        source.put("name", "round trip");
        source.put("weights", "weights.safetensors");
        source.putObject("inputs").putArray("names").add("a").add("b").add("c");
        source.putObject("outputs").putArray("names").add("steer");
        ObjectNode provenance = source.putObject("provenance");
        provenance.put("trainer", "unit test");
        provenance.putArray("episodes").add("e0.npz").add("e1.npz");
        provenance.putObject("optimizer").put("lr", 0.001);
        ModelManifest manifest = ModelFolder.parse(source);
        Map<String, NdArray> weights = TorchCheckpoint.read(Fixtures.checkpoint("ltc_autoncp19_1_default.pt"));
        Path folder = dir.resolve("written");

        ModelFolder.write(folder, manifest, weights);

        assertThat(folder.resolve("weights.safetensors")).exists();
        ModelManifest back = ModelFolder.readManifest(folder);
        assertThat(back).isEqualTo(manifest);
        assertThat(back.provenance()).isEqualTo(provenance);
        assertThat(ModelFolder.readWeights(folder, back)).containsExactlyInAnyOrderEntriesOf(weights);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("only the two files, no temporary leftovers")
                    .containsExactlyInAnyOrder("model.json", "weights.safetensors");
        }
    }

    @Test
    void weightsAreWrittenOnlyAsSafetensors() {
        ModelManifest manifest = ModelFolder.parse(minimal());

        assertThatThrownBy(() -> ModelFolder.write(dir.resolve("x"), manifest, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.pt");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    // --- golden file (docs/DESIGN.md#tests-and-golden-files)
    // --------------------------------------------------------------

    @Test
    void goldenManifestParses() throws Exception {
        ModelManifest m = ModelFolder.readManifest(golden());

        assertThat(m.name()).isEqualTo("lane-keeping NCP (19 neurons)");
        assertThat(m.description()).startsWith("Golden model.json");
        assertThat(m.spec().inputSize()).isEqualTo(3);
        assertThat(m.spec().units()).isEqualTo(new UnitsSpec.Wired(new AutoNcpSpec(19, 1, 0.5, 22222)));
        assertThat(m.spec().cell()).isEqualTo(
                new LtcSpec(true, true, false, Mapping.AFFINE, Mapping.AFFINE, 6, 1e-8, true));
        assertThat(m.weights()).isEqualTo("model.safetensors");
        assertThat(m.inputs().names()).containsExactly("d", "mu", "kappa");
        assertThat(m.outputs()).containsExactly("curvature");
        assertThat(m.provenance().get("optimizer").get("name").asText()).isEqualTo("Adam");
        assertThat(m.provenance().get("episodes")).hasSize(2);
    }

    @Test
    void goldenManifestWritesBackToTheSameJson() throws Exception {
        JsonNode golden = JSON.readTree(Files.readString(golden()));
        ModelManifest m = ModelFolder.readManifest(golden());

        // read back from text, so numbers compare as JSON numbers, not as the Java types that built them
        JsonNode written = JSON.readTree(JSON.writeValueAsString(ModelFolder.toJson(m)));

        assertThat(written).isEqualTo(golden);
    }

    @Test
    void goldenManifestSurvivesAWriteToAFolder() throws Exception {
        JsonNode golden = JSON.readTree(Files.readString(golden()));
        ModelManifest m = ModelFolder.readManifest(golden());
        Path folder = dir.resolve("golden");

        ModelFolder.write(folder, m, Map.of("x", NdArray.ofFloats(new int[] {1}, new float[] {1f})));

        assertThat(JSON.readTree(Files.readString(folder.resolve("model.json")))).isEqualTo(golden);
        assertThat(ModelFolder.readManifest(folder)).isEqualTo(m);
    }

    @Test
    void goldenBaselineManifestParsesAndWritesBackToTheSameJson() throws Exception {
        Path file = Path.of(ModelFolderTest.class.getResource("/io/golden/model-lstm.json").toURI());
        JsonNode golden = JSON.readTree(Files.readString(file));

        ModelManifest m = ModelFolder.readManifest(file);
        JsonNode written = JSON.readTree(JSON.writeValueAsString(ModelFolder.toJson(m)));

        assertThat(m.spec()).isEqualTo(new ModelSpec(6, new UnitsSpec.Dense(64), new TorchRnnSpec(TorchRnnKind.LSTM, 1,
                true, true, 0.0, new ReadoutSpec(1, true))));
        assertThat(written).isEqualTo(golden);
    }

    @Test
    void defaultsAreWrittenExplicitly() throws IOException {
        writeManifest(minimal());

        JsonNode written = ModelFolder.toJson(ModelFolder.readManifest(dir));

        assertThat(written.get("format").asText()).isEqualTo(ModelManifest.FORMAT);
        assertThat(written.get("head").isNull()).isTrue();
        assertThat(written.get("inputs").get("names")).extracting(JsonNode::asText)
                .isEqualTo(List.of("input_0", "input_1", "input_2"));
        assertThat(written.get("ncps").get("implicit_param_constraints").asBoolean()).isTrue();
        assertThat(written.get("ncps").get("units").get("seed").asLong()).isEqualTo(22222L);
    }

    @Test
    void aManifestInAnotherEncodingOrOfDataSizeIsNamedForWhatItIs(@TempDir Path dir) throws IOException {
        Path utf32 = Files.createDirectories(dir.resolve("utf32"));
        // Jackson reads UTF-32 as JSON may be; a character past U+10FFFF in it is not text at all
        Files.write(utf32.resolve("model.json"), new byte[] {0x7b, 0, 0, 0, 0x22, 0, 0, 0, -1, -1, -1, 0x7f, 0x22, 0, 0,
            0, 0x7d, 0, 0, 0});
        assertThatThrownBy(() -> ModelFolder.readManifest(utf32)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("is not UTF-8 text");

        Path huge = Files.createDirectories(dir.resolve("huge"));
        try (var f = new java.io.RandomAccessFile(huge.resolve("model.json").toFile(), "rw")) {
            f.setLength(ModelFolder.MAX_MANIFEST_BYTES + 1); // sparse: no disk, no memory
        }
        assertThatThrownBy(() -> ModelFolder.readManifest(huge)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining("over the limit of " + ModelFolder.MAX_MANIFEST_BYTES);
    }
}
