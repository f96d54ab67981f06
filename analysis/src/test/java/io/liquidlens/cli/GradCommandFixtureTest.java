package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.sim.BatchLayout;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code liquidlens grad} reproduces torch autograd's {@code input_grad} of every ncps fixture case, end to
 * end: a model folder with the real checkpoint, inputs, timespans, hx0 and the output weights G as
 * {@code .npy}, the gradients read back from the {@code .npz} the command writes.
 *
 * <p>Tolerance per element as in the grad package's fixture test: |ours - ncps| <= 1e-4 * max(|ncps|, 1e-3)
 * (ncps computes in float32, so an element that is tiny because its terms cancel is only known to about
 * 1e-7 absolute). Time-major cases are given batch-first, as the command always takes them; for
 * return_sequences=false cases G weights only the last step, which is what ncps differentiated.
 */
class GradCommandFixtureTest {
    private static final double RELATIVE = 1e-4;
    private static final double FLOOR = 1e-3;

    @TempDir
    Path tmp;

    static Stream<JsonNode> cases() {
        List<JsonNode> all = new ArrayList<>(Fixtures.cases("ltc.json"));
        all.addAll(Fixtures.cases("cfc.json"));
        assertThat(all).hasSizeGreaterThanOrEqualTo(18);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradReproducesTorchAutogradInputGradients(JsonNode c) throws Exception {
        boolean batchFirst = !c.get("ctor").has("batch_first") || c.get("ctor").get("batch_first").asBoolean();
        boolean sequences = !c.get("ctor").has("return_sequences") || c.get("ctor").get("return_sequences").asBoolean();
        boolean mixed = c.get("ctor").has("mixed_memory") && c.get("ctor").get("mixed_memory").asBoolean();
        Path model = FixtureModelFolders.write(c, tmp.resolve("model"));
        NdArray x = batchFirst(FixtureModels.tensor(c.get("input")), batchFirst);
        int b = x.dim(0);
        int l = x.dim(1);
        Path xFile = tmp.resolve("x.npy");
        Npy.write(xFile, x);
        NdArray g = outputWeights(FixtureModels.tensor(c.get("grad_output_weights")), batchFirst, sequences, b, l);
        Path gFile = tmp.resolve("g.npy");
        Npy.write(gFile, g);
        Path out = tmp.resolve("grad.npz");
        List<String> args = new ArrayList<>(List.of("grad", "--model", model.toString(), "--input", xFile.toString(),
                "--output-weights", gFile.toString(), "--out", out.toString()));
        if (!c.get("timespans").isNull()) {
            Path ts = tmp.resolve("ts.npy");
            Npy.write(ts, batchFirst(FixtureModels.tensor(c.get("timespans")), batchFirst));
            args.addAll(List.of("--timespans", ts.toString()));
        }
        if (!c.get("hx0").isNull()) {
            Path h = tmp.resolve("hx0.npy");
            Npy.write(h, FixtureModels.tensor(c.get("hx0")));
            args.addAll(List.of("--hx0", h.toString()));
        }

        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();

        Map<String, NdArray> result = Npz.read(out);
        NdArray inputGrad = result.get("input_grad");
        assertThat(inputGrad.dtype()).isEqualTo(DType.FLOAT32);
        NdArray expected = batchFirst(FixtureModels.tensor(c.get("input_grad")), batchFirst);
        assertThat(inputGrad.shape()).containsExactly(expected.shape());
        assertWithinTolerance(c.get("name").asText(), inputGrad.toDoubleArray(), expected.toDoubleArray());

        int n = Fixtures.shape(c.get("hx").isArray() ? c.get("hx").get(0) : c.get("hx"))[1];
        assertThat(result.get("hx0_grad").shape()).containsExactly(b, n);
        assertThat(result.get("hx0_grad").dtype()).isEqualTo(DType.FLOAT32);
        assertThat(result.containsKey("cx0_grad")).isEqualTo(mixed);
        JsonNode provenance = new ObjectMapper().readTree(result.get("provenance").toStringArray()[0]);
        assertThat(provenance.get("command").asText()).isEqualTo("liquidlens grad");
        assertThat(provenance.get("inputs").findValuesAsText("role")).contains("model", "weights", "input",
                "output_weights");
    }

    private static NdArray batchFirst(NdArray a, boolean batchFirst) {
        return batchFirst ? a : BatchLayout.swapBatchAndTime(a);
    }

    /** G as (B, L, M'): the fixture's, or for return-last models zero except on the last step. */
    private static NdArray outputWeights(NdArray g, boolean batchFirst, boolean sequences, int b, int l) {
        if (sequences) {
            return batchFirst(g, batchFirst);
        }
        int m = g.dim(1);
        float[] last = g.toFloatArray();
        float[] full = new float[b * l * m];
        for (int i = 0; i < b; i++) {
            System.arraycopy(last, i * m, full, (i * l + l - 1) * m, m);
        }
        return NdArray.ofFloats(new int[] {b, l, m}, full);
    }

    private static void assertWithinTolerance(String name, double[] actual, double[] expected) {
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double ratio = Math.abs(actual[i] - expected[i]) / (RELATIVE * Math.max(Math.abs(expected[i]), FLOOR));
            if (ratio > worst) {
                worst = ratio;
                at = i;
            }
        }
        assertThat(worst).as("%s input_grad: worst error / tolerance (element %d)", name, at).isLessThanOrEqualTo(1.0);
    }
}
