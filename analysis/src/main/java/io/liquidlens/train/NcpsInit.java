package io.liquidlens.train;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.model.StateDictLayout.Lstm;
import io.liquidlens.model.StateDictLayout.Ltc;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.wiring.Wiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Fresh weights for a model, drawn from the distributions ncps uses (docs/NCPS.md#initialisation), from a seed.
 * ncps draws from torch's global generator, which cannot be reproduced; the distributions are the same,
 * and the same seed always gives the same weights here.
 *
 * <ul>
 *   <li>LTC: gleak U(0.001, 1), vleak U(-0.2, 0.2), cm U(0.4, 0.6), sigma U(3, 8), mu U(0.3, 0.8),
 *       w U(0.001, 1) (sensory_* alike); erev and the masks from the wiring's polarities; input_w and
 *       output_w ones, input_b and output_b zeros.</li>
 *   <li>CfC: every 2-D trainable tensor xavier-uniform, bound sqrt(6 / (fan_in + fan_out)) (including
 *       pure mode's w_tau and A, as ncps does); biases U(+-1/sqrt(fan_in)) as torch's
 *       Linear; masks from the wiring.</li>
 *   <li>Mixed-memory LSTM: input map xavier-uniform, its bias U(-0.1, 0.1), recurrent map orthogonal.</li>
 *   <li>Projection {@code fc}: torch's Linear default, U(+-1/sqrt(in)) for weight and bias.</li>
 * </ul>
 */
public final class NcpsInit {
    private NcpsInit() {
    }

    /** A complete state dict for {@code spec}, in ncps's order, with the wiring ncps builds for it. */
    public static Map<String, NdArray> initialStateDict(ModelSpec spec, long seed) {
        return initialStateDict(spec, StateDictLayout.wiringOf(spec), seed);
    }

    /** A complete state dict for {@code spec} with a given wiring (null for a dense CfC). */
    public static Map<String, NdArray> initialStateDict(ModelSpec spec, Wiring wiring, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Tensor> layout = StateDictLayout.of(spec, wiring);
        // null for an LTC; for a CfC its parts, whose masks the wiring fills
        List<CfcLayout> cfc = spec.cell() instanceof LtcSpec ? null : StateDictLayout.cfcLayouts(spec, wiring);
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Tensor t : layout) {
            out.put(t.name(), NdArray.ofFloats(t.shape(), values(t, cfc, wiring, layout, rng)));
        }
        return out;
    }

    private static float[] values(Tensor t, List<CfcLayout> cfc, Wiring wiring, List<Tensor> layout,
                                  SplittableRandom rng) {
        String name = t.name();
        int[] shape = t.shape();
        if (name.startsWith(StateDictLayout.CELL_PREFIX)) {
            if (cfc == null) {
                return ltc(Ltc.ofKey(name), t, wiring, rng);
            }
            if (!t.trainable()) { // the mask of a wired layer
                return wiredMask(wiring, cfc.stream().map(CfcLayout::mask).toList().indexOf(t));
            }
            if (shape.length == 2) { // weights, and pure mode's w_tau and A
                return xavier(shape, rng);
            }
            double bound = 1 / Math.sqrt(named(layout, StateDictLayout.weightBeside(name)).shape()[1]);
            return uniform(t.size(), -bound, bound, rng);
        }
        if (name.equals(Lstm.INPUT_MAP_WEIGHT.key())) {
            return xavier(shape, rng);
        }
        if (name.equals(Lstm.INPUT_MAP_BIAS.key())) {
            return uniform(t.size(), -0.1, 0.1, rng);
        }
        if (name.equals(Lstm.RECURRENT_MAP_WEIGHT.key())) {
            return orthogonal(shape[0], shape[1], rng);
        }
        // the projection fc: torch's Linear default
        double bound = 1 / Math.sqrt(named(layout, StateDictLayout.FC_WEIGHT).shape()[1]);
        return uniform(t.size(), -bound, bound, rng);
    }

    private static float[] ltc(Ltc which, Tensor t, Wiring wiring, SplittableRandom rng) {
        int n = t.size();
        return switch (which) {
            case GLEAK, W, SENSORY_W -> uniform(n, 0.001, 1.0, rng);
            case VLEAK -> uniform(n, -0.2, 0.2, rng);
            case CM -> uniform(n, 0.4, 0.6, rng);
            case SIGMA, SENSORY_SIGMA -> uniform(n, 3, 8, rng);
            case MU, SENSORY_MU -> uniform(n, 0.3, 0.8, rng);
            case EREV -> polarities(wiring.adjacencyMatrix(), false);
            case SENSORY_EREV -> polarities(wiring.sensoryAdjacencyMatrix(), false);
            case SPARSITY_MASK -> polarities(wiring.adjacencyMatrix(), true);
            case SENSORY_SPARSITY_MASK -> polarities(wiring.sensoryAdjacencyMatrix(), true);
            case INPUT_W, OUTPUT_W -> filled(n, 1f);
            case INPUT_B, OUTPUT_B -> filled(n, 0f);
        };
    }

    /**
     * The sparsity mask ncps gives wired CfC layer {@code l} when it builds the cell from {@code wiring}: shape
     * (H_l, in_l + H_l), row j = unit j of the layer, columns the layer's inputs (the sensory features for layer 0,
     * else the previous layer's neurons) then its own units; |polarity| of the inputs, and ones throughout the
     * intra-layer block.
     */
    public static float[] wiredMask(Wiring wiring, int l) {
        int[] ids = wiring.layer(l);
        int[] prev = l == 0 ? null : wiring.layer(l - 1);
        int in = prev == null ? wiring.inputDim() : prev.length;
        int cols = in + ids.length;
        float[] m = new float[ids.length * cols];
        for (int j = 0; j < ids.length; j++) {
            for (int k = 0; k < cols; k++) {
                int pol = k >= in ? 1 : prev == null ? wiring.sensoryPolarity(k, ids[j]) : wiring.polarity(prev[k], ids[j]);
                m[j * cols + k] = Math.abs(pol);
            }
        }
        return m;
    }

    /** The tensor of {@code layout} called {@code name} (a weight, whose second dimension is fan_in). */
    private static Tensor named(List<Tensor> layout, String name) {
        return layout.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no tensor " + name));
    }

    private static float[] polarities(int[][] m, boolean abs) {
        int cols = m.length == 0 ? 0 : m[0].length;
        float[] out = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = abs ? Math.abs(m[i][j]) : m[i][j];
            }
        }
        return out;
    }

    static float[] uniform(int n, double lo, double hi, SplittableRandom rng) {
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

    /** xavier_uniform_ for a (fan_out, fan_in) tensor. */
    private static float[] xavier(int[] shape, SplittableRandom rng) {
        double bound = Math.sqrt(6.0 / (shape[0] + shape[1]));
        return uniform(shape[0] * shape[1], -bound, bound, rng);
    }

    /**
     * torch's orthogonal_ for a (rows, cols) matrix with rows >= cols: the Q of a QR decomposition of a
     * Gaussian matrix, with column signs fixed by R's diagonal so the result is uniformly distributed.
     */
    static float[] orthogonal(int rows, int cols, SplittableRandom rng) {
        double[][] q = new double[cols][rows]; // column-major: q[c] is column c
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                q[c][r] = gaussian(rng);
            }
        }
        // modified Gram-Schmidt; R's diagonal is the norm before normalising (positive), so no sign fix needed
        for (int c = 0; c < cols; c++) {
            for (int p = 0; p < c; p++) {
                double dot = 0;
                for (int r = 0; r < rows; r++) {
                    dot += q[p][r] * q[c][r];
                }
                for (int r = 0; r < rows; r++) {
                    q[c][r] -= dot * q[p][r];
                }
            }
            double norm = 0;
            for (int r = 0; r < rows; r++) {
                norm += q[c][r] * q[c][r];
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < rows; r++) {
                q[c][r] /= norm;
            }
        }
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = (float) q[c][r];
            }
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller; SplittableRandom has no nextGaussian in Java 17
        double u = 1.0 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
