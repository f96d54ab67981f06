package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code liquidlens simulate} reproduces ncps on every fixture case, end to end: a model folder holding
 * the real checkpoint, inputs as {@code .npy}, the result read back from the {@code .npz} it writes.
 */
class SimulateCommandFixtureTest {
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path tmp;

    static Stream<JsonNode> cases() {
        return Stream.concat(Fixtures.cases("ltc.json").stream(), Fixtures.cases("cfc.json").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void simulateMatchesNcps(JsonNode c) throws Exception {
        assertSimulatesLikeNcps(c, FixtureModelFolders.write(c, tmp.resolve("model")), tmp);
    }

    /** Simulates the case's input with {@code model} through the CLI and compares every result with ncps's. */
    static void assertSimulatesLikeNcps(JsonNode c, Path model, Path tmp) throws Exception {
        boolean batchFirst = !c.get("ctor").has("batch_first") || c.get("ctor").get("batch_first").asBoolean();
        int[] inShape = Fixtures.shape(c.get("input"));
        float[] input = Fixtures.floats(c.get("input"));
        int b = batchFirst ? inShape[0] : inShape[1];
        int l = batchFirst ? inShape[1] : inShape[0];
        int s = inShape[2];
        if (!batchFirst) {
            input = swap(input, l, b, s);
        }
        Path x = tmp.resolve("x.npy");
        Npy.write(x, NdArray.ofFloats(new int[] {b, l, s}, input));
        var args = new java.util.ArrayList<>(java.util.List.of("simulate", "--model", model.toString(), "--input",
                x.toString(), "--out", tmp.resolve("result.npz").toString()));
        if (!c.get("timespans").isNull()) {
            Path ts = tmp.resolve("ts.npy");
            Npy.write(ts, NdArray.ofFloats(Fixtures.shape(c.get("timespans")), Fixtures.floats(c.get("timespans"))));
            args.addAll(java.util.List.of("--timespans", ts.toString()));
        }
        if (!c.get("hx0").isNull()) {
            Path h = tmp.resolve("hx0.npy");
            Npy.write(h, NdArray.ofFloats(Fixtures.shape(c.get("hx0")), Fixtures.floats(c.get("hx0"))));
            args.addAll(java.util.List.of("--hx0", h.toString()));
        }

        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();

        Map<String, NdArray> result = Npz.read(tmp.resolve("result.npz"));
        NdArray outputs = result.get("outputs");
        int m = outputs.dim(2);
        assertThat(outputs.shape()).containsExactly(b, l, m);
        boolean sequences = !c.get("ctor").has("return_sequences") || c.get("ctor").get("return_sequences").asBoolean();
        float[] expectedOut = Fixtures.floats(c.get("output"));
        float[] actualOut = outputs.toFloatArray();
        if (!sequences) {
            actualOut = lastStep(actualOut, b, l, m);
        }
        assertClose("outputs", actualOut, expectedOut);

        JsonNode hx = c.get("hx");
        if (hx.isArray()) { // mixed memory: [h, c]
            assertClose("hx", result.get("hx").toFloatArray(), Fixtures.floats(hx.get(0)));
            assertClose("cx", result.get("cx").toFloatArray(), Fixtures.floats(hx.get(1)));
        } else {
            assertClose("hx", result.get("hx").toFloatArray(), Fixtures.floats(hx));
        }
        if (c.has("hidden_trace")) {
            assertClose("states", result.get("states").toFloatArray(), Fixtures.floats(c.get("hidden_trace")));
        }
    }

    private static float[] swap(float[] a, int d0, int d1, int inner) {
        float[] out = new float[a.length];
        for (int i = 0; i < d0; i++) {
            for (int j = 0; j < d1; j++) {
                System.arraycopy(a, (i * d1 + j) * inner, out, (j * d0 + i) * inner, inner);
            }
        }
        return out;
    }

    private static float[] lastStep(float[] seq, int b, int l, int m) {
        float[] out = new float[b * m];
        for (int i = 0; i < b; i++) {
            System.arraycopy(seq, (i * l + l - 1) * m, out, i * m, m);
        }
        return out;
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertThat(worst).as(what + ": max |java - ncps|").isLessThanOrEqualTo(TOLERANCE);
    }
}
