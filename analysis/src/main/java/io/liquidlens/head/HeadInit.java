package io.liquidlens.head;

import io.liquidlens.io.NdArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fresh weights for a head the way torch initialises {@code nn.Conv2d} and {@code nn.Linear}: kaiming
 * uniform with a = sqrt(5), which works out to U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for the weight, and the
 * same range for the bias. The channel-linear layer draws as its per-channel {@code nn.Linear(in, out)}
 * layers would (fan_in = in).
 *
 * <p>The distribution is torch's; the numbers are not (torch's generator is not reproduced here). They
 * come from one {@link SplittableRandom} seeded explicitly, drawn tensor by tensor in state-dict order,
 * element by element in row-major order, so a seed always gives the same weights.
 */
public final class HeadInit {

    private HeadInit() {
    }

    /** Every tensor of {@code spec}, float32, name to tensor in state-dict order. */
    public static Map<String, NdArray> torchDefaults(HeadSpec spec, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (LayerSpec layer : spec.layers()) {
            double bound = layer.fanIn() == 0 ? 0 : 1.0 / Math.sqrt(layer.fanIn());
            for (Map.Entry<String, int[]> t : layer.tensors().entrySet()) {
                int[] shape = t.getValue();
                int n = 1;
                for (int d : shape) {
                    n *= d;
                }
                float[] v = new float[n];
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (bound * (2 * random.nextDouble() - 1));
                }
                out.put(t.getKey(), NdArray.ofFloats(shape, v));
            }
        }
        return out;
    }
}
