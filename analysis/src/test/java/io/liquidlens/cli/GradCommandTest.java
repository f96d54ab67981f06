package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.SequenceTape;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code hx0_grad} and {@code cx0_grad} of {@code liquidlens grad} against central finite differences of
 * the model's weighted outputs with respect to the initial state (forward passes in double precision), on
 * real ncps checkpoints with random initial states, elapsed times and output weights.
 */
class GradCommandTest {
    private static final int BATCH = 2;
    private static final int STEPS = 5;
    private static final double EPS = 1e-5;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"ltc.json:ltc_autoncp19_1_mixed_memory", "ltc.json:ltc_fullyconnected16",
            "cfc.json:cfc_dense16_proj3_mixed", "cfc.json:cfc_wired_autoncp19_1_no_gate"})
    void initialStateGradientsMatchFiniteDifferences(String which) throws Exception {
        JsonNode c = Fixtures.caseNamed(which.split(":")[0], which.split(":")[1]);
        SequenceGradient model = SequenceGradient.fromStateDict(FixtureModels.spec(c), FixtureModels.stateDict(c));
        int s = model.inputSize();
        int n = model.stateSize();
        int m = model.outputSize();
        Random rng = new Random(17);
        float[] x = gaussian(rng, BATCH * STEPS * s, 1);
        float[] ts = new float[BATCH * STEPS];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = (float) (0.5 + rng.nextDouble());
        }
        float[] h0 = gaussian(rng, BATCH * n, 0.5);
        float[] c0 = gaussian(rng, BATCH * n, 0.5);
        float[] g = gaussian(rng, BATCH * STEPS * m, 1);

        Path modelDir = FixtureModelFolders.write(c, tmp.resolve("model"));
        List<String> args = new ArrayList<>(List.of("grad", "--model", modelDir.toString(),
                "--input", write("x.npy", new int[] {BATCH, STEPS, s}, x),
                "--timespans", write("ts.npy", new int[] {BATCH, STEPS, 1}, ts),
                "--hx0", write("h.npy", new int[] {BATCH, n}, h0),
                "--output-weights", write("g.npy", new int[] {BATCH, STEPS, m}, g),
                "--out", tmp.resolve("grad.npz").toString()));
        if (model.mixedMemory()) {
            args.addAll(List.of("--cx0", write("c.npy", new int[] {BATCH, n}, c0)));
        }
        CliRunner run = CliRunner.run(args.toArray(String[]::new));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        Map<String, NdArray> result = Npz.read(tmp.resolve("grad.npz"));
        float[] hGrad = result.get("hx0_grad").toFloatArray();
        float[] cGrad = model.mixedMemory() ? result.get("cx0_grad").toFloatArray() : null;

        Loss loss = new Loss(model, toDoubles(x), toDoubles(ts), toDoubles(g));
        double[] hd = toDoubles(h0);
        double[] cd = model.mixedMemory() ? toDoubles(c0) : null;
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < n; j++) {
                int at = i * n + j;
                assertAgrees(which + " hx0_grad[" + i + ", " + j + "]", hGrad[at], loss.difference(i, hd, cd, hd, at));
                if (cd != null) {
                    assertAgrees(which + " cx0_grad[" + i + ", " + j + "]", cGrad[at],
                            loss.difference(i, hd, cd, cd, at));
                }
            }
        }
    }

    /** sum(outputs * G) of one sample, and its central difference in one entry of h0 or c0. */
    private record Loss(SequenceGradient model, double[] x, double[] dt, double[] g) {

        double of(int sample, double[] h0, double[] c0) {
            int s = model.inputSize();
            int n = model.stateSize();
            int m = model.outputSize();
            SequenceTape tape = model.newTape(STEPS);
            model.forward(x, sample * STEPS * s, STEPS, dt, sample * STEPS, h0, sample * n, c0, sample * n, tape);
            double sum = 0;
            for (int t = 0; t < STEPS; t++) {
                for (int k = 0; k < m; k++) {
                    sum += tape.output(t, k) * g[(sample * STEPS + t) * m + k];
                }
            }
            return sum;
        }

        /** Perturbs {@code target[at]} (target is h0 or c0 itself) and restores it. */
        double difference(int sample, double[] h0, double[] c0, double[] target, int at) {
            double keep = target[at];
            target[at] = keep + EPS;
            double plus = of(sample, h0, c0);
            target[at] = keep - EPS;
            double minus = of(sample, h0, c0);
            target[at] = keep;
            return (plus - minus) / (2 * EPS);
        }
    }

    private static void assertAgrees(String what, double ours, double fd) {
        assertThat(Math.abs(ours - fd)).as("%s: grad %g, finite differences %g", what, ours, fd)
                .isLessThanOrEqualTo(1e-4 * Math.max(Math.abs(fd), 1e-3));
    }

    private String write(String name, int[] shape, float[] data) {
        Path p = tmp.resolve(name);
        Npy.write(p, NdArray.ofFloats(shape, data));
        return p.toString();
    }

    private static float[] gaussian(Random rng, int count, double sd) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = (float) (sd * rng.nextGaussian());
        }
        return out;
    }

    private static double[] toDoubles(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}
