package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A CT-RNN's state dict filled from a seed (the names are docs/FORMATS.md#baselines'), for tests: weights of a size
 * that keeps the dynamics interesting, time constants between about 0.5 and 3.
 */
public final class CtrnnWeights {
    private CtrnnWeights() {
    }

    /** A CT-RNN of {@code s} inputs, {@code n} units, {@code m} outputs and {@code unfolds} solver steps. */
    public static ModelSpec spec(int s, int n, int m, int unfolds) {
        return new ModelSpec(s, new UnitsSpec.Dense(n), new CtrnnSpec(unfolds, true, new ReadoutSpec(m, true)));
    }

    /** Seeded weights for {@link #spec}: U, W and the readout ~ N(0, scale^2 / fan-in), biases ~ N(0, 0.3^2). */
    public static Map<String, NdArray> random(int s, int n, int m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, NdArray> w = new LinkedHashMap<>();
        w.put("rnn.weight_ih", gaussian(rng, new int[] {n, s}, 1.0 / Math.sqrt(s)));
        w.put("rnn.weight_hh", gaussian(rng, new int[] {n, n}, 1.5 / Math.sqrt(n)));
        w.put("rnn.bias", gaussian(rng, new int[] {n}, 0.3));
        float[] tauRaw = new float[n];
        for (int j = 0; j < n; j++) {
            tauRaw[j] = (float) (rng.nextDouble() * 3 - 0.5);
        }
        w.put("rnn.tau_raw", NdArray.ofFloats(new int[] {n}, tauRaw));
        w.put("fc.weight", gaussian(rng, new int[] {m, n}, 1.0 / Math.sqrt(n)));
        w.put("fc.bias", gaussian(rng, new int[] {m}, 0.1));
        return w;
    }

    /** The same tensors with every value of {@code name} replaced by {@code value}. */
    public static Map<String, NdArray> with(Map<String, NdArray> weights, String name, float value) {
        Map<String, NdArray> out = new LinkedHashMap<>(weights);
        NdArray a = weights.get(name);
        float[] v = new float[a.size()];
        java.util.Arrays.fill(v, value);
        out.put(name, NdArray.ofFloats(a.shape(), v));
        return out;
    }

    private static NdArray gaussian(SplittableRandom rng, int[] shape, double sd) {
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) (gaussian(rng) * sd);
        }
        return NdArray.ofFloats(shape, v);
    }

    /** Box-Muller from the seeded stream. */
    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
