package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code liquidlens grad}: exit code 1, exactly one line on stderr naming the file at fault and
 * the problem, no stack trace, and no output file (nor a temporary one) left behind.
 */
class GradBadInputTest {
    private static final JsonNode CASE = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
    private static final int B = 2;
    private static final int L = 6;
    private static final int S = 8;
    private static final int N = 19;

    @TempDir
    Path tmp;
    Path model;
    Path inputs;
    Path input;
    Path weights;
    Path out;

    @BeforeEach
    void goodModelAndInputs() throws IOException {
        model = FixtureModelFolders.write(CASE, tmp.resolve("model"));
        inputs = Files.createDirectories(tmp.resolve("inputs"));
        input = inputs.resolve("x.npy");
        Npy.write(input, NdArray.ofFloats(new int[] {B, L, S}, Fixtures.floats(CASE.get("input"))));
        weights = inputs.resolve("g.npy");
        Npy.write(weights, NdArray.ofFloats(new int[] {B, L, 1}, ones(B * L)));
        out = tmp.resolve("grad.npz");
    }

    private CliRunner grad(String... extra) {
        List<String> args = new ArrayList<>(List.of("grad", "--model", model.toString(), "--input", input.toString(),
                "--output-weights", weights.toString(), "--out", out.toString()));
        args.addAll(Arrays.asList(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private Path file(String name, int[] shape, float[] data) {
        Path p = inputs.resolve(name);
        Npy.write(p, NdArray.ofFloats(shape, data));
        return p;
    }

    private void assertRejected(CliRunner run, Path culprit, String... words) throws IOException {
        assertThat(run.exitCode()).as("exit code; stderr: " + run.err()).isEqualTo(1);
        String err = run.err().strip();
        assertThat(err.lines().count()).as("one line: " + err).isEqualTo(1);
        assertThat(err).contains(culprit.getFileName().toString()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String w : words) {
            assertThat(err).containsIgnoringCase(w);
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no output or temporary file")
                    .containsExactlyInAnyOrder("model", "inputs");
        }
    }

    @Test
    void theGoodCaseWorks() {
        CliRunner run = grad();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out).exists();
    }

    @Test
    void outputWeightsOfTheWrongShape() throws IOException {
        weights = file("g.npy", new int[] {B, L}, ones(B * L));
        assertRejected(grad(), weights, "(2, 6, 1)");
    }

    @Test
    void outputWeightsForTheLastStepOnly() throws IOException {
        weights = file("g.npy", new int[] {B, 1}, ones(B));
        assertRejected(grad(), weights, "(2, 6, 1)");
    }

    @Test
    void outputWeightsWithNaN() throws IOException {
        float[] g = ones(B * L);
        g[4] = Float.NaN;
        weights = file("g.npy", new int[] {B, L, 1}, g);
        assertRejected(grad(), weights, "NaN");
    }

    @Test
    void inputWithTheWrongNumberOfFeatures() throws IOException {
        input = file("x.npy", new int[] {B, L, 5}, new float[B * L * 5]);
        assertRejected(grad(), input, "5", "8");
    }

    @Test
    void inputThatIsNotBatchFirst3d() throws IOException {
        input = file("x.npy", new int[] {L, S}, new float[L * S]);
        assertRejected(grad(), input, "(B, L, S)");
    }

    @Test
    void inputWithInfinity() throws IOException {
        float[] x = Fixtures.floats(CASE.get("input"));
        x[0] = Float.POSITIVE_INFINITY;
        input = file("x.npy", new int[] {B, L, S}, x);
        assertRejected(grad(), input, "infinite");
    }

    @Test
    void timespansOfTheWrongShape() throws IOException {
        Path ts = file("ts.npy", new int[] {B, L + 1}, ones(B * (L + 1)));
        assertRejected(grad("--timespans", ts.toString()), ts, "(2, 6)");
    }

    @Test
    void zeroElapsedTimeForAnLtc() throws IOException {
        float[] dt = ones(B * L);
        dt[3] = 0;
        Path ts = file("ts.npy", new int[] {B, L}, dt);
        assertRejected(grad("--timespans", ts.toString()), ts, "> 0");
    }

    @Test
    void initialStateOfTheWrongSize() throws IOException {
        Path h = file("h.npy", new int[] {B, N + 1}, new float[B * (N + 1)]);
        assertRejected(grad("--hx0", h.toString()), h, "(2, 19)");
    }

    @Test
    void cellStateForAModelWithoutMixedMemory() throws IOException {
        Path c = file("c.npy", new int[] {B, N}, new float[B * N]);
        assertRejected(grad("--cx0", c.toString()), c, "mixed memory");
    }

    @Test
    void truncatedOutputWeights() throws IOException {
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length - 4));
        assertRejected(grad(), weights);
    }

    @Test
    void missingOutputWeightsOptionIsBadUsage() {
        CliRunner run = CliRunner.run("grad", "--model", model.toString(), "--input", input.toString(), "--out",
                out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output-weights");
        assertThat(out).doesNotExist();
    }

    private static float[] ones(int count) {
        float[] a = new float[count];
        Arrays.fill(a, 1f);
        return a;
    }
}
