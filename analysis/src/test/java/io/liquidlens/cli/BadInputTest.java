package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Safetensors;
import io.liquidlens.io.TorchCheckpoint;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gives exit code 1, exactly one line on stderr that names the file at fault,
 * no stack trace and no output file.
 */
class BadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CASE = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");

    @TempDir
    Path tmp;
    Path model;
    Path input;
    Path out;

    @BeforeEach
    void goodModelAndInput() throws IOException {
        model = FixtureModelFolders.write(CASE, tmp.resolve("model"));
        input = tmp.resolve("x.npy");
        Npy.write(input, NdArray.ofFloats(Fixtures.shape(CASE.get("input")), Fixtures.floats(CASE.get("input"))));
        out = tmp.resolve("result.npz");
    }

    private CliRunner simulate() {
        return CliRunner.run("simulate", "--model", model.toString(), "--input", input.toString(), "--out",
                out.toString());
    }

    private void assertRejected(CliRunner run, Path culprit, String... words) {
        assertThat(run.exitCode()).as("exit code; stderr: " + run.err()).isEqualTo(1);
        String err = run.err().strip();
        assertThat(err.lines().count()).as("one line: " + err).isEqualTo(1);
        assertThat(err).contains(culprit.getFileName().toString()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String w : words) {
            assertThat(err).containsIgnoringCase(w);
        }
        assertThat(out).doesNotExist();
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp files left").allMatch(
                    n -> n.equals("model") || n.equals("x.npy") || n.equals("weights"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theGoodCaseWorks() {
        CliRunner run = simulate();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void truncatedCheckpoint() throws IOException {
        Path pt = model.resolve("model.pt");
        byte[] bytes = Files.readAllBytes(pt);
        Files.write(pt, Arrays.copyOf(bytes, bytes.length / 2));
        assertRejected(simulate(), pt);
    }

    @Test
    void checkpointThatIsNotAZip() throws IOException {
        Path pt = model.resolve("model.pt");
        Files.writeString(pt, "this is not a torch checkpoint");
        assertRejected(simulate(), pt);
    }

    @Test
    void missingTensor() throws IOException {
        Path st = safetensorsWith(m -> {
            m.remove("rnn_cell.w");
            return m;
        });
        assertRejected(simulate(), st, "rnn_cell.w");
    }

    @Test
    void tensorOfTheWrongShape() throws IOException {
        Path st = safetensorsWith(m -> {
            m.put("rnn_cell.gleak", NdArray.ofFloats(new int[] {20}, new float[20]));
            return m;
        });
        assertRejected(simulate(), st, "rnn_cell.gleak");
    }

    @Test
    void nanWeights() throws IOException {
        Path st = safetensorsWith(m -> {
            float[] w = m.get("rnn_cell.w").toFloatArray();
            w[7] = Float.NaN;
            m.put("rnn_cell.w", NdArray.ofFloats(m.get("rnn_cell.w").shape(), w));
            return m;
        });
        assertRejected(simulate(), st, "rnn_cell.w");
    }

    @Test
    void infiniteWeights() throws IOException {
        Path st = safetensorsWith(m -> {
            float[] w = m.get("rnn_cell.cm").toFloatArray();
            w[0] = Float.POSITIVE_INFINITY;
            m.put("rnn_cell.cm", NdArray.ofFloats(m.get("rnn_cell.cm").shape(), w));
            return m;
        });
        assertRejected(simulate(), st, "rnn_cell.cm");
    }

    @Test
    void wiringWhoseSizeDoesNotMatchTheWeights() throws IOException {
        editManifest(m -> ((ObjectNode) m.get("ncps").get("units")).put("units", 20));
        assertRejected(simulate(), model.resolve("model.pt"));
    }

    @Test
    void unknownClass() throws IOException {
        editManifest(m -> ((ObjectNode) m.get("ncps")).put("class", "Transformer"));
        assertRejected(simulate(), model.resolve("model.json"), "Transformer");
    }

    @Test
    void unknownKeyword() throws IOException {
        editManifest(m -> ((ObjectNode) m.get("ncps")).put("ode_unfold", 3));
        assertRejected(simulate(), model.resolve("model.json"), "ode_unfold");
    }

    @Test
    void unknownWiringClass() throws IOException {
        editManifest(m -> ((ObjectNode) m.get("ncps").get("units")).put("class", "SuperNCP"));
        assertRejected(simulate(), model.resolve("model.json"), "SuperNCP");
    }

    @Test
    void manifestThatIsNotJson() throws IOException {
        Files.writeString(model.resolve("model.json"), "{\"ncps\": ");
        assertRejected(simulate(), model.resolve("model.json"));
    }

    @Test
    void folderWithACheckpointButNoManifest() throws IOException {
        Files.delete(model.resolve("model.json"));
        assertRejected(simulate(), model, "model.json");
    }

    @Test
    void truncatedInput() throws IOException {
        byte[] bytes = Files.readAllBytes(input);
        Files.write(input, Arrays.copyOf(bytes, bytes.length - 10));
        assertRejected(simulate(), input);
    }

    @Test
    void inputWithTheWrongNumberOfFeatures() throws IOException {
        Npy.write(input, NdArray.ofFloats(new int[] {1, 4, 5}, new float[20]));
        assertRejected(simulate(), input, "5");
    }

    @Test
    void inputWithNaN() throws IOException {
        float[] x = Fixtures.floats(CASE.get("input"));
        x[3] = Float.NaN;
        Npy.write(input, NdArray.ofFloats(Fixtures.shape(CASE.get("input")), x));
        assertRejected(simulate(), input, "NaN");
    }

    @Test
    void timespansOfTheWrongShape() throws IOException {
        Path ts = tmp.resolve("weights");
        Files.createDirectories(ts);
        Path tsFile = ts.resolve("ts.npy");
        Npy.write(tsFile, NdArray.ofFloats(new int[] {3, 6}, new float[18]));
        CliRunner run = CliRunner.run("simulate", "--model", model.toString(), "--input", input.toString(),
                "--timespans", tsFile.toString(), "--out", out.toString());
        assertRejected(run, tsFile, "(2, 6)");
    }

    @Test
    void corruptSafetensorsHeader() throws IOException {
        Path st = safetensorsWith(UnaryOperator.identity());
        byte[] bytes = Files.readAllBytes(st);
        bytes[0] = (byte) 0xff;
        bytes[5] = 0x7f;
        Files.write(st, bytes);
        assertRejected(simulate(), st);
    }

    @Test
    void missingModelFolder() {
        model = tmp.resolve("no-such-model");
        assertRejected(simulate(), model);
    }

    @Test
    void badUsageIsExitCodeTwo() {
        CliRunner run = CliRunner.run("simulate", "--model", model.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(out).doesNotExist();
    }

    /** Replaces the model's weights by a safetensors file made from the checkpoint and edited. */
    private Path safetensorsWith(UnaryOperator<Map<String, NdArray>> edit) throws IOException {
        Map<String, NdArray> weights = new LinkedHashMap<>(TorchCheckpoint.read(model.resolve("model.pt")));
        Path st = model.resolve("model.safetensors");
        Safetensors.write(st, edit.apply(weights));
        Files.delete(model.resolve("model.pt"));
        editManifest(m -> m.put("weights", "model.safetensors"));
        return st;
    }

    private void editManifest(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path file = model.resolve("model.json");
        ObjectNode m = (ObjectNode) JSON.readTree(Files.readString(file));
        edit.accept(m);
        Files.writeString(file, JSON.writeValueAsString(m));
    }
}
