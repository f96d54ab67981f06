package io.liquidlens.grad;

import io.liquidlens.io.NdArray;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.Wiring;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Small LTC state dicts for gradient checks: ncps's initialisation ranges from a seed, with the
 * mappings, erev and LSTM weights drawn away from their trivial initial values so that every path
 * carries a gradient worth checking.
 */
final class RandomLtcModels {
    private RandomLtcModels() {
    }

    static Map<String, NdArray> stateDict(ModelSpec spec, long seed) {
        LtcSpec ltc = (LtcSpec) spec.cell();
        int s = spec.inputSize();
        Wiring w = spec.units() instanceof UnitsSpec.Dense d
                ? new FullyConnectedSpec(d.units(), null, FullyConnectedSpec.DEFAULT_SEED, true).build(s)
                : spec.wiringSpec().build(s);
        int n = w.units();
        int m = w.outputDim();
        Random rng = new Random(seed);
        Map<String, NdArray> sd = new LinkedHashMap<>();
        put(sd, "rnn_cell.gleak", uniform(rng, 0.001, 1.0, n), n);
        put(sd, "rnn_cell.vleak", uniform(rng, -0.2, 0.2, n), n);
        put(sd, "rnn_cell.cm", uniform(rng, 0.4, 0.6, n), n);
        put(sd, "rnn_cell.sigma", uniform(rng, 3, 8, n * n), n, n);
        put(sd, "rnn_cell.mu", uniform(rng, 0.3, 0.8, n * n), n, n);
        put(sd, "rnn_cell.w", uniform(rng, 0.001, 1.0, n * n), n, n);
        put(sd, "rnn_cell.erev", jitter(rng, flat(w.adjacencyMatrix(), false)), n, n);
        put(sd, "rnn_cell.sensory_sigma", uniform(rng, 3, 8, s * n), s, n);
        put(sd, "rnn_cell.sensory_mu", uniform(rng, 0.3, 0.8, s * n), s, n);
        put(sd, "rnn_cell.sensory_w", uniform(rng, 0.001, 1.0, s * n), s, n);
        put(sd, "rnn_cell.sensory_erev", jitter(rng, flat(w.sensoryAdjacencyMatrix(), false)), s, n);
        put(sd, "rnn_cell.sparsity_mask", flat(w.adjacencyMatrix(), true), n, n);
        put(sd, "rnn_cell.sensory_sparsity_mask", flat(w.sensoryAdjacencyMatrix(), true), s, n);
        if (ltc.inputMapping().hasWeight()) {
            put(sd, "rnn_cell.input_w", uniform(rng, 0.5, 1.5, s), s);
        }
        if (ltc.inputMapping().hasBias()) {
            put(sd, "rnn_cell.input_b", uniform(rng, -0.3, 0.3, s), s);
        }
        if (ltc.outputMapping().hasWeight()) {
            put(sd, "rnn_cell.output_w", uniform(rng, 0.5, 1.5, m), m);
        }
        if (ltc.outputMapping().hasBias()) {
            put(sd, "rnn_cell.output_b", uniform(rng, -0.3, 0.3, m), m);
        }
        if (ltc.mixedMemory()) {
            put(sd, "lstm.input_map.weight", uniform(rng, -0.5, 0.5, 4 * n * s), 4 * n, s);
            put(sd, "lstm.input_map.bias", uniform(rng, -0.1, 0.1, 4 * n), 4 * n);
            put(sd, "lstm.recurrent_map.weight", uniform(rng, -0.5, 0.5, 4 * n * n), 4 * n, n);
        }
        return sd;
    }

    private static void put(Map<String, NdArray> sd, String name, double[] data, int... shape) {
        float[] f = new float[data.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) data[i];
        }
        sd.put(name, NdArray.ofFloats(shape, f));
    }

    private static double[] uniform(Random rng, double lo, double hi, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return v;
    }

    /** Trained-looking reversal potentials: the polarity plus noise (masked entries too, as in ncps). */
    private static double[] jitter(Random rng, double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.3 * rng.nextGaussian();
        }
        return v;
    }

    private static double[] flat(int[][] m, boolean abs) {
        int cols = m.length == 0 ? 0 : m[0].length;
        double[] v = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < cols; j++) {
                v[i * cols + j] = abs ? Math.abs(m[i][j]) : m[i][j];
            }
        }
        return v;
    }
}
