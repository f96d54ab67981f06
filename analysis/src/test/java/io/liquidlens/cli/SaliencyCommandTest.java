package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.SequenceTape;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code liquidlens saliency} on real ncps checkpoints and rollouts written as numpy would read them:
 * entries against central finite differences of the output at t over a forward pass of the whole rollout
 * (double precision), the zero region before the rollout starts, the norm, shapes, dtypes and provenance.
 */
class SaliencyCommandTest {
    private static final int STEPS = 14;
    private static final int WINDOW = 5;
    private static final double EPS = 1e-5;

    @TempDir
    Path tmp;

    private record Episode(float[] inputs, float[] timespans) {
    }

    private Episode writeRollout(Path file, int features, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[STEPS * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] ts = new float[STEPS];
        for (int t = 0; t < STEPS; t++) {
            ts[t] = (float) (0.5 + rng.nextDouble());
        }
        Rollout r = new Rollout(NdArray.ofFloats(new int[] {STEPS, features}, x), NdArray.ofFloats(new int[] {STEPS}, ts),
                null, null, null, List.of(), null, null, Map.of());
        Rollouts.write(file, r);
        return new Episode(x, ts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ltc.json:ltc_autoncp19_1_default", "cfc.json:cfc_dense16_proj3_mixed"})
    void saliencyEntriesAreTheDerivativesOfTheOutputOverTheWholeRollout(String which) throws Exception {
        JsonNode c = Fixtures.caseNamed(which.split(":")[0], which.split(":")[1]);
        SequenceGradient model = SequenceGradient.fromStateDict(FixtureModels.spec(c), FixtureModels.stateDict(c));
        int s = model.inputSize();
        int m = model.outputSize();
        int span = WINDOW + 1;
        Path rollout = tmp.resolve("episode.npz");
        Episode ep = writeRollout(rollout, s, 3);
        Path out = tmp.resolve("s.npz");
        CliRunner run = CliRunner.run("saliency", "--model", FixtureModelFolders.write(c, tmp.resolve("model")).toString(),
                "--rollout", rollout.toString(), "--window", String.valueOf(WINDOW), "--out", out.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();

        Map<String, NdArray> result = Npz.read(out);
        NdArray saliency = result.get("saliency");
        assertThat(saliency.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(saliency.shape()).containsExactly(STEPS, m, span, s);
        float[] sal = saliency.toFloatArray();

        Outputs outputs = new Outputs(model, toDoubles(ep.inputs), toDoubles(ep.timespans));
        for (int t : new int[] {2, 9, 13}) {
            int earlier = Math.max(1, WINDOW - t); // an earlier step inside the rollout
            for (int k : new int[] {WINDOW, earlier}) {
                int step = t - WINDOW + k;
                for (int o = 0; o < m; o++) {
                    for (int i = 0; i < s; i++) {
                        double fd = outputs.difference(t, o, step, i);
                        double ours = sal[((t * m + o) * span + k) * s + i];
                        assertThat(Math.abs(ours - fd)).as("%s d y[%d, %d] / d x[%d, %d]: saliency %g, finite differences %g",
                                which, t, o, step, i, ours, fd).isLessThanOrEqualTo(1e-4 * Math.max(Math.abs(fd), 1e-3));
                    }
                }
            }
        }

        // steps before the rollout starts are exactly zero; the rest of the window is not
        for (int t = 0; t < WINDOW; t++) {
            for (int o = 0; o < m; o++) {
                for (int k = 0; k < span; k++) {
                    double sumAbs = 0;
                    for (int i = 0; i < s; i++) {
                        sumAbs += Math.abs(sal[((t * m + o) * span + k) * s + i]);
                    }
                    if (t - WINDOW + k < 0) {
                        assertThat(sumAbs).as("t=%d k=%d lies before the rollout", t, k).isZero();
                    } else {
                        assertThat(sumAbs).as("t=%d k=%d", t, k).isPositive();
                    }
                }
            }
        }

        NdArray norm = result.get("norm");
        assertThat(norm.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(norm.shape()).containsExactly(STEPS, s);
        float[] nv = norm.toFloatArray();
        for (int t = 0; t < STEPS; t++) {
            for (int i = 0; i < s; i++) {
                double sq = 0;
                for (int o = 0; o < m; o++) {
                    for (int k = 0; k < span; k++) {
                        double v = sal[((t * m + o) * span + k) * s + i];
                        sq += v * v;
                    }
                }
                assertThat((double) nv[t * s + i]).as("norm[%d, %d]", t, i)
                        .isCloseTo(Math.sqrt(sq), org.assertj.core.data.Offset.offset(1e-6 * Math.sqrt(sq) + 1e-30));
            }
        }

        NdArray window = result.get("window");
        assertThat(window.dtype()).isEqualTo(DType.INT32);
        assertThat(window.rank()).isZero();
        assertThat(window.toLongArray()).containsExactly(WINDOW);
        JsonNode provenance = new ObjectMapper().readTree(result.get("provenance").toStringArray()[0]);
        assertThat(provenance.get("command").asText()).isEqualTo("liquidlens saliency");
        assertThat(provenance.get("inputs").findValuesAsText("role")).containsExactly("model", "weights", "rollout");
        assertThat(provenance.get("options").get("window").asText()).isEqualTo(String.valueOf(WINDOW));
    }

    /** The model's outputs over the whole rollout, and their central differences in one input. */
    private record Outputs(SequenceGradient model, double[] x, double[] dt) {

        double output(double[] xs, int t, int o) {
            SequenceTape tape = model.newTape(STEPS);
            model.forward(xs, dt, null, null, tape);
            return tape.output(t, o);
        }

        double difference(int t, int o, int step, int feature) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[step * model.inputSize() + feature] += EPS;
            minus[step * model.inputSize() + feature] -= EPS;
            return (output(plus, t, o) - output(minus, t, o)) / (2 * EPS);
        }
    }

    @Test
    void defaultWindowIsSixteenAndTheResultIsReproducible() throws IOException {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default");
        Path model = FixtureModelFolders.write(c, tmp.resolve("model"));
        Path rollout = tmp.resolve("episode.npz");
        writeRollout(rollout, 8, 5);
        Path a = tmp.resolve("a.npz");
        Path b = tmp.resolve("b.npz");
        assertThat(CliRunner.run("saliency", "--model", model.toString(), "--rollout", rollout.toString(), "--out",
                a.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("saliency", "--model", model.toString(), "--rollout", rollout.toString(), "--out",
                b.toString()).exitCode()).isZero();
        Map<String, NdArray> result = Npz.read(a);
        assertThat(result.get("window").toLongArray()).containsExactly(16);
        assertThat(result.get("saliency").shape()).containsExactly(STEPS, 1, 17, 8);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void imageRolloutIsRefusedWithAClearMessage() throws IOException {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        Path model = FixtureModelFolders.write(c, tmp.resolve("model"));
        Path rollout = tmp.resolve("camera.npz");
        Rollouts.write(rollout, Rollout.ofInputs(NdArray.ofFloats(new int[] {3, 4, 4, 3}, new float[3 * 48])));
        Path out = tmp.resolve("s.npz");
        CliRunner run = CliRunner.run("saliency", "--model", model.toString(), "--rollout", rollout.toString(), "--out",
                out.toString());
        assertOneLineError(run, 1, "camera.npz", "image");
        assertThat(out).doesNotExist();
    }

    @Test
    void rolloutWithTheWrongNumberOfFeaturesIsRefused() throws IOException {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        Path model = FixtureModelFolders.write(c, tmp.resolve("model"));
        Path rollout = tmp.resolve("episode.npz");
        writeRollout(rollout, 5, 1);
        Path out = tmp.resolve("s.npz");
        CliRunner run = CliRunner.run("saliency", "--model", model.toString(), "--rollout", rollout.toString(), "--out",
                out.toString());
        assertOneLineError(run, 1, "episode.npz", "5 features");
        assertThat(out).doesNotExist();
    }

    @Test
    void negativeWindowIsBadUsage() throws IOException {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        Path model = FixtureModelFolders.write(c, tmp.resolve("model"));
        Path rollout = tmp.resolve("episode.npz");
        writeRollout(rollout, 8, 1);
        Path out = tmp.resolve("s.npz");
        CliRunner run = CliRunner.run("saliency", "--model", model.toString(), "--rollout", rollout.toString(),
                "--window", "-1", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--window");
        assertThat(out).doesNotExist();
    }

    private static void assertOneLineError(CliRunner run, int code, String file, String word) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(code);
        String err = run.err().strip();
        assertThat(err.lines().count()).as(err).isEqualTo(1);
        assertThat(err).contains(file).containsIgnoringCase(word).doesNotContain("Exception");
    }

    private static double[] toDoubles(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
