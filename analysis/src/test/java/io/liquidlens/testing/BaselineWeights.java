package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.BaselineLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.ReadoutSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded state dicts of any baseline (every tensor BaselineLayout lists), for tests: values uniform in
 * [-scale, scale], wider than torch's initial ones so that gates saturate in places; a CT-RNN's tau_raw in
 * [-0.5, 2.5], time constants of about 0.5 to 2.6.
 */
public final class BaselineWeights {
    private BaselineWeights() {
    }

    /** A torch stack of {@code kind} with {@code layers} layers of {@code h} units on {@code s} inputs, M outputs. */
    public static ModelSpec torch(TorchRnnKind kind, int s, int h, int layers, int m, boolean bias) {
        return new ModelSpec(s, new UnitsSpec.Dense(h), new TorchRnnSpec(kind, layers, bias, true, 0.0,
                new ReadoutSpec(m, bias)));
    }

    /** Every tensor of {@code spec}, seeded. */
    public static Map<String, NdArray> random(ModelSpec spec, double scale, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Tensor t : BaselineLayout.of(spec)) {
            boolean tau = t.name().equals(BaselineLayout.Ctrnn.TAU_RAW.key());
            float[] v = new float[t.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (tau ? rng.nextDouble(-0.5, 2.5) : rng.nextDouble(-scale, scale));
            }
            out.put(t.name(), NdArray.ofFloats(t.shape(), v));
        }
        return out;
    }
}
