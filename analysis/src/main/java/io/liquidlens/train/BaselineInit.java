package io.liquidlens.train;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.BaselineLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fresh weights for a baseline, from a seed, drawn from the distributions torch gives a new module
 * (docs/BASELINES.md#ct-rnn for the CT-RNN's). As for {@link NcpsInit}, torch's own generator cannot be reproduced;
 * the distributions are the same, and the same seed always gives the same weights here.
 *
 * <ul>
 *   <li>torch's LSTM, GRU and RNN: every weight and bias U(+-1/sqrt(H)), H the hidden units;</li>
 *   <li>the CT-RNN: U, W and b U(+-1/sqrt(N)) as torch draws an RNN's, and {@code tau_raw = log(e - 1)}, so that
 *       every unit starts with tau = softplus(tau_raw) = 1;</li>
 *   <li>the readout, torch's Linear: weight (kaiming-uniform with a = sqrt(5)) and bias U(+-1/sqrt(H)).</li>
 * </ul>
 */
public final class BaselineInit {
    /** log(e - 1): softplus of it is 1. */
    static final double UNIT_TAU_RAW = Math.log(Math.E - 1);

    private BaselineInit() {
    }

    /** A complete state dict for the baseline {@code spec}, in its state-dict order, tensor after tensor. */
    public static Map<String, NdArray> initialStateDict(ModelSpec spec, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int hidden = ((UnitsSpec.Dense) spec.units()).units();
        // every recurrent tensor and the readout (fan-in H) share one bound
        double bound = 1 / Math.sqrt(hidden);
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Tensor t : BaselineLayout.of(spec)) {
            float[] v;
            if (t.name().equals(BaselineLayout.Ctrnn.TAU_RAW.key())) {
                v = new float[t.size()];
                java.util.Arrays.fill(v, (float) UNIT_TAU_RAW);
            } else {
                v = NcpsInit.uniform(t.size(), -bound, bound, rng);
            }
            out.put(t.name(), NdArray.ofFloats(t.shape(), v));
        }
        return out;
    }
}
