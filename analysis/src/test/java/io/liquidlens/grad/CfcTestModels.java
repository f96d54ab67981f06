package io.liquidlens.grad;

import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.train.NcpsInit;
import io.liquidlens.wiring.Wiring;
import java.util.List;
import java.util.Random;

/** Small CfC models with seeded random weights for the finite-difference tests. */
final class CfcTestModels {

    private CfcTestModels() {
    }

    /**
     * A ParamSet holding the tensors of {@code layouts} (masks from {@code wiring} via
     * {@link NcpsInit#wiredMask}, everything else N(0, 0.6^2)), then, if {@code projection > 0}, a
     * test-only {@code fc} Linear(outputs, projection).
     */
    static ParamSet random(List<CfcLayout> layouts, Wiring wiring, int outputs, int projection, long seed) {
        Random rnd = new Random(seed);
        ParamSet.Builder b = ParamSet.builder();
        for (int l = 0; l < layouts.size(); l++) {
            for (Tensor t : layouts.get(l).tensors()) {
                double[] v;
                if (!t.trainable()) {
                    float[] mask = NcpsInit.wiredMask(wiring, l);
                    v = new double[mask.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = mask[i];
                    }
                } else {
                    v = gaussian(rnd, t.size(), 0.6);
                }
                b.add(t.name(), t.shape(), v, t.trainable());
            }
        }
        if (projection > 0) {
            b.add("fc.weight", new int[] {projection, outputs}, gaussian(rnd, projection * outputs, 0.6), true);
            b.add("fc.bias", new int[] {projection}, gaussian(rnd, projection, 0.6), true);
        }
        return b.build();
    }

    static double[] gaussian(Random rnd, int n, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian() * sd;
        }
        return v;
    }

    static double[] uniform(Random rnd, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        return v;
    }
}
