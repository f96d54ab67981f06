package io.liquidlens.bench;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.Wiring;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Benchmark models: ncps's AutoNCP(19, 1) wiring on 32 inputs (inter 11, command 7, motor 1) with
 * random weights in ncps's initialisation ranges, all from fixed seeds.
 *
 */
final class BenchModels {
    static final int INPUTS = 32;
    private static final int MOTOR = 1;
    private static final int UNITS = 19;

    private BenchModels() {
    }

    /** The AutoNCP(19, 1) wiring ncps builds for 32 inputs with its default seed. */
    static Wiring autoNcp() {
        return new AutoNcpSpec(UNITS, MOTOR, 0.5, 22222).build(INPUTS);
    }

    static ModelSpec ltcSpec() {
        return new ModelSpec(INPUTS, new UnitsSpec.Wired(new AutoNcpSpec(UNITS, MOTOR, 0.5, 22222)), LtcSpec.defaults());
    }

    static ModelSpec cfcSpec() {
        return new ModelSpec(INPUTS, new UnitsSpec.Wired(new AutoNcpSpec(UNITS, MOTOR, 0.5, 22222)),
                CfcSpec.wiredDefaults());
    }

    static LiquidModel ltc(Wiring w, long seed) {
        return LiquidModel.fromStateDict(ltcSpec(), w, ltcStateDict(w, seed));
    }

    /** The state dict of {@link #ltc}, in ncps order. */
    static Map<String, NdArray> ltcStateDict(Wiring w, long seed) {
        Random rng = new Random(seed);
        int n = w.units();
        int s = w.inputDim();
        Map<String, NdArray> sd = new HashMap<>();
        put(sd, "rnn_cell.gleak", uniform(rng, 0.001, 1.0, n), n);
        put(sd, "rnn_cell.vleak", uniform(rng, -0.2, 0.2, n), n);
        put(sd, "rnn_cell.cm", uniform(rng, 0.4, 0.6, n), n);
        put(sd, "rnn_cell.sigma", uniform(rng, 3, 8, n * n), n, n);
        put(sd, "rnn_cell.mu", uniform(rng, 0.3, 0.8, n * n), n, n);
        put(sd, "rnn_cell.w", uniform(rng, 0.001, 1.0, n * n), n, n);
        put(sd, "rnn_cell.erev", flat(w.adjacencyMatrix(), false), n, n);
        put(sd, "rnn_cell.sensory_sigma", uniform(rng, 3, 8, s * n), s, n);
        put(sd, "rnn_cell.sensory_mu", uniform(rng, 0.3, 0.8, s * n), s, n);
        put(sd, "rnn_cell.sensory_w", uniform(rng, 0.001, 1.0, s * n), s, n);
        put(sd, "rnn_cell.sensory_erev", flat(w.sensoryAdjacencyMatrix(), false), s, n);
        put(sd, "rnn_cell.sparsity_mask", flat(w.adjacencyMatrix(), true), n, n);
        put(sd, "rnn_cell.sensory_sparsity_mask", flat(w.sensoryAdjacencyMatrix(), true), s, n);
        put(sd, "rnn_cell.input_w", filled(s, 1f), s);
        put(sd, "rnn_cell.input_b", filled(s, 0f), s);
        put(sd, "rnn_cell.output_w", filled(w.outputDim(), 1f), w.outputDim());
        put(sd, "rnn_cell.output_b", filled(w.outputDim(), 0f), w.outputDim());
        return sd;
    }

    static LiquidModel wiredCfc(Wiring w, long seed) {
        Random rng = new Random(seed);
        int[][] adj = w.adjacencyMatrix();
        int[][] sens = w.sensoryAdjacencyMatrix();
        Map<String, NdArray> sd = new HashMap<>();
        int[] prev = null;
        for (int l = 0; l < w.layerCount(); l++) {
            int[] ids = w.layer(l);
            int in = prev == null ? w.inputDim() : prev.length;
            int h = ids.length;
            int cat = in + h;
            float[] mask = new float[h * cat];
            for (int j = 0; j < h; j++) {
                for (int k = 0; k < cat; k++) {
                    int pol = k >= in ? 1 : prev == null ? sens[k][ids[j]] : adj[prev[k]][ids[j]];
                    mask[j * cat + k] = Math.abs(pol);
                }
            }
            String p = "rnn_cell.layer_" + l + ".";
            put(sd, p + "sparsity_mask", mask, h, cat);
            double bound = Math.sqrt(6.0 / (cat + h));
            double bias = 1 / Math.sqrt(cat);
            for (String head : new String[] {"ff1", "ff2", "time_a", "time_b"}) {
                put(sd, p + head + ".weight", uniform(rng, -bound, bound, h * cat), h, cat);
                put(sd, p + head + ".bias", uniform(rng, -bias, bias, h), h);
            }
            prev = ids;
        }
        return LiquidModel.fromStateDict(cfcSpec(), w, sd);
    }

    static NdArray inputs(long seed, int batch, int steps) {
        Random rng = new Random(seed);
        float[] x = new float[batch * steps * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return NdArray.ofFloats(new int[] {batch, steps, INPUTS}, x);
    }

    private static void put(Map<String, NdArray> sd, String name, float[] data, int... shape) {
        sd.put(name, NdArray.ofFloats(shape, data));
    }

    private static float[] uniform(Random rng, double lo, double hi, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return v;
    }

    private static float[] filled(int n, float value) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static float[] flat(int[][] m, boolean abs) {
        int cols = m.length == 0 ? 0 : m[0].length;
        float[] v = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = abs ? Math.abs(m[i][j]) : m[i][j];
            }
        }
        return v;
    }
}
