package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Safetensors;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.CtrnnWeights;
import io.liquidlens.testing.RandomRollouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dynamics} on baselines: PCA over every hidden unit (nothing is left out, and the line says so), PC1's share
 * equal to one computed apart from the states {@code simulate} gives, units named by layer and index, and time
 * constants only where the model has them (a CT-RNN's tau, none for a torch layer).
 */
class BaselineDynamicsTest {
    @TempDir
    Path tmp;

    @Test
    void anLstmsPcaReadsEveryUnitAndItsShareIsTheStatesOwn() throws Exception {
        Path model = imported(BaselineFixtures.named("lstm16x2_in5_out2").weights());
        NdArray inputs = RandomRollouts.inputs(3, 50, 5, 7);
        Path rollouts = RandomRollouts.write(tmp.resolve("r"), inputs);
        Npy.write(tmp.resolve("x.npy"), inputs);

        CliRunner run = CliRunner.run("dynamics", "--model", model.toString(), "--rollouts", rollouts.toString(),
                "--noise-trials", "1", "--out", tmp.resolve("d").toString());
        CliRunner simulated = CliRunner.run("simulate", "--model", model.toString(), "--input",
                tmp.resolve("x.npy").toString(), "--out", tmp.resolve("s.npz").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        assertThat(run.out()).contains("of the variance of 32 neurons (all of them: no neuron is wired as an output)")
                .doesNotContain("left out");
        Map<String, Double> csv = csv(tmp.resolve("d/dynamics.csv"));
        double expected = pc1Share(Npz.read(tmp.resolve("s.npz")).get("states").toDoubleArray(), 150, 32);
        assertThat(csv.get("|pca.pc1_share")).isCloseTo(expected, Offset.offset(1e-6));
        assertThat(csv).containsKey("l1.u15|lmax").doesNotContainKey("inter 3 (id 3)|lmax");
        assertThat(csv.get("l0.u3|tau_median")).isNaN();
    }

    @Test
    void aCtrnnsTimeConstantsAreItsTaus() throws Exception {
        Map<String, NdArray> weights = CtrnnWeights.random(4, 9, 2, 21);
        Path file = tmp.resolve("ctrnn.safetensors");
        Safetensors.write(file, weights);
        Path model = imported(file);
        Path rollouts = RandomRollouts.write(tmp.resolve("r"), RandomRollouts.inputs(2, 40, 4, 3));

        CliRunner run = CliRunner.run("dynamics", "--model", model.toString(), "--rollouts", rollouts.toString(),
                "--noise-trials", "1", "--out", tmp.resolve("d").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Double> csv = csv(tmp.resolve("d/dynamics.csv"));
        float[] tauRaw = weights.get("rnn.tau_raw").toFloatArray();
        for (int j = 0; j < 9; j++) {
            double tau = Math.log1p(Math.exp(tauRaw[j]));
            assertThat(csv.get("l0.u" + j + "|tau_p10")).isCloseTo(tau, Offset.offset(1e-5));
            assertThat(csv.get("l0.u" + j + "|tau_p90")).isCloseTo(tau, Offset.offset(1e-5));
        }
    }

    private Path imported(Path weights) {
        Path model = tmp.resolve("m");
        CliRunner run = CliRunner.run("import", weights.toString(), "--out", model.toString(), "--set",
                "batch_first=true");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return model;
    }

    /** dynamics.csv's values by {@code neuron|quantity} (NaN for an empty field). */
    private static Map<String, Double> csv(Path file) throws Exception {
        Map<String, Double> out = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            out.put(f[1] + "|" + f[2], f[3].isEmpty() ? Double.NaN : Double.parseDouble(f[3]));
        }
        return out;
    }

    /** The largest eigenvalue's share of the trace of the centred covariance, by power iteration. */
    private static double pc1Share(double[] x, int rows, int cols) {
        double[] mean = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                mean[c] += x[r * cols + c] / rows;
            }
        }
        double[][] cov = new double[cols][cols];
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < cols; a++) {
                for (int b = 0; b < cols; b++) {
                    cov[a][b] += (x[r * cols + a] - mean[a]) * (x[r * cols + b] - mean[b]);
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < cols; a++) {
            trace += cov[a][a];
        }
        double[] v = new double[cols];
        java.util.Arrays.fill(v, 1);
        double lambda = 0;
        for (int it = 0; it < 5000; it++) {
            double[] w = new double[cols];
            for (int a = 0; a < cols; a++) {
                for (int b = 0; b < cols; b++) {
                    w[a] += cov[a][b] * v[b];
                }
            }
            double norm = 0;
            for (double d : w) {
                norm += d * d;
            }
            norm = Math.sqrt(norm);
            lambda = norm;
            for (int a = 0; a < cols; a++) {
                v[a] = w[a] / norm;
            }
        }
        return lambda / trace;
    }
}
