package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.SequenceTape;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.BaselineFixtures.Case;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code grad} and {@code saliency} on baselines imported from torch's state dicts: the gradients they write are
 * central finite differences of the model's outputs (in double precision, through the whole sequence), for a
 * two-layer LSTM's inputs, initial hidden states and initial cell states, and for a GRU's windowed saliency.
 */
class BaselineGradientCommandsTest {
    private static final double EPS = 1e-5;

    @TempDir
    Path tmp;

    @Test
    void gradOfATwoLayerLstmIsTheFiniteDifferenceOfItsOutputs() {
        Case c = BaselineFixtures.named("lstm16x2_in5_out2");
        Path model = imported(c);
        Random rng = new Random(3);
        NdArray x = c.input();
        int b = x.dim(0);
        int l = x.dim(1);
        int n = c.hidden() * c.layers();
        float[] g = gaussian(rng, b * l * c.outputs());
        float[] h0 = gaussian(rng, b * n);
        float[] c0 = gaussian(rng, b * n);
        Path gFile = npy("g.npy", new int[] {b, l, c.outputs()}, g);
        Path hFile = npy("h0.npy", new int[] {b, n}, h0);
        Path cFile = npy("c0.npy", new int[] {b, n}, c0);

        CliRunner run = CliRunner.run("grad", "--model", model.toString(), "--input", c.inputFile().toString(),
                "--output-weights", gFile.toString(), "--hx0", hFile.toString(), "--cx0", cFile.toString(), "--out",
                tmp.resolve("grad.npz").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, NdArray> out = Npz.read(tmp.resolve("grad.npz"));
        assertThat(out.get("input_grad").shape()).containsExactly(b, l, c.inputs());
        assertThat(out.get("cx0_grad").shape()).containsExactly(b, n);
        Loss loss = new Loss(SequenceGradient.fromStateDict(c.spec(), ModelFolder.readWeightsFile(c.weights())), 1, l,
                widen(g, l * c.outputs()));
        double[] xs = widen(x.toFloatArray(), l * c.inputs());
        double[] hs = widen(h0, n);
        double[] cs = widen(c0, n);
        float[] dx = out.get("input_grad").toFloatArray();
        for (int i = 0; i < l * c.inputs(); i += 7) {
            assertClose("input_grad[0, " + i + "]", dx[i], loss.difference(xs, i, xs, hs, cs));
        }
        float[] dh = out.get("hx0_grad").toFloatArray();
        float[] dc = out.get("cx0_grad").toFloatArray();
        for (int j = 0; j < n; j += 3) {
            assertClose("hx0_grad[0, " + j + "]", dh[j], loss.difference(hs, j, xs, hs, cs));
            assertClose("cx0_grad[0, " + j + "]", dc[j], loss.difference(cs, j, xs, hs, cs));
        }
    }

    @Test
    void saliencyOfAGruIsTheFiniteDifferenceOfEachOutputOverItsWindow() {
        Case c = BaselineFixtures.named("gru20x1_in6_out1");
        Path model = imported(c);
        int steps = 12;
        int window = 3;
        int s = c.inputs();
        float[] inputs = gaussian(new Random(4), steps * s);
        Path rollout = tmp.resolve("run.npz");
        Npz.write(rollout, Map.of("inputs", NdArray.ofFloats(new int[] {steps, s}, inputs), "actions",
                NdArray.ofFloats(new int[] {steps, 1}, new float[steps])), false);

        CliRunner run = CliRunner.run("saliency", "--model", model.toString(), "--rollout", rollout.toString(),
                "--window", "" + window, "--out", tmp.resolve("s.npz").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        NdArray saliency = Npz.read(tmp.resolve("s.npz")).get("saliency");
        assertThat(saliency.shape()).containsExactly(steps, 1, window + 1, s);
        float[] got = saliency.toFloatArray();
        SequenceGradient gradient = SequenceGradient.fromStateDict(c.spec(), ModelFolder.readWeightsFile(c.weights()));
        double[] xs = widen(inputs, steps * s);
        for (int t : new int[] {0, 5, 11}) {
            double[] onlyT = new double[steps];
            onlyT[t] = 1;
            Loss loss = new Loss(gradient, 1, steps, onlyT);
            for (int k = Math.max(0, window - t); k <= window; k++) {
                int from = t - window + k;
                for (int i = 0; i < s; i++) {
                    assertClose("saliency[" + t + ", 0, " + k + ", " + i + "]", got[((t * (window + 1)) + k) * s + i],
                            loss.difference(xs, from * s + i, xs, null, null));
                }
            }
        }
    }

    /** sum(outputs * weights) of one sequence through the double-precision model, and its central differences. */
    private record Loss(SequenceGradient g, int batch, int steps, double[] weights) {
        double value(double[] x, double[] h0, double[] c0) {
            SequenceTape tape = g.newTape(steps);
            g.forward(x, null, h0, c0, tape);
            double[] out = tape.outputs();
            double sum = 0;
            for (int i = 0; i < out.length; i++) {
                sum += out[i] * weights[i];
            }
            return sum;
        }

        /** d value / d target[i], target being one of x, h0, c0. */
        double difference(double[] target, int i, double[] x, double[] h0, double[] c0) {
            double keep = target[i];
            target[i] = keep + EPS;
            double up = value(x, h0, c0);
            target[i] = keep - EPS;
            double down = value(x, h0, c0);
            target[i] = keep;
            return (up - down) / (2 * EPS);
        }
    }

    /** The CLI writes float32: agreement to float rounding of the value, or 1e-6 near zero. */
    private static void assertClose(String what, float written, double fd) {
        assertThat(Math.abs(written - fd)).as(what + ": written " + written + ", finite difference " + fd)
                .isLessThanOrEqualTo(1e-5 * Math.abs(fd) + 1e-6);
    }

    private Path imported(Case c) {
        Path model = tmp.resolve(c.toString());
        CliRunner run = CliRunner.run("import", c.weights().toString(), "--out", model.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return model;
    }

    private Path npy(String name, int[] shape, float[] values) {
        Path p = tmp.resolve(name);
        Npy.write(p, NdArray.ofFloats(shape, values));
        return p;
    }

    private static float[] gaussian(Random rng, int size) {
        float[] out = new float[size];
        for (int i = 0; i < size; i++) {
            out[i] = (float) rng.nextGaussian();
        }
        return out;
    }

    /** The first {@code length} values, widened exactly. */
    private static double[] widen(float[] f, int length) {
        double[] d = new double[length];
        for (int i = 0; i < length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
