package io.liquidlens.model;

import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout.Head;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import io.liquidlens.wiring.NeuronRole;

/**
 * ncps's {@code CfCCell} (docs/NCPS.md#cfc-cell): optional backbone, then the closed-form heads. Used on its own for
 * dense CfCs and as one layer of a {@link WiredCfcCell}, where a sparsity mask restricts ff1/ff2 (never
 * the time heads, docs/NCPS.md#wired-cfc).
 *
 * <p>The masked weights W * mask are formed once at load. The four heads of default/no_gate mode are
 * stored interleaved per (neuron, input) so one pass over the input computes all four dot products.
 * Dropout is the identity at inference.
 *
 * <p><b>Time constant output</b>: in default and no_gate mode step writes the time gate
 * {@code sigmoid(t_a * dt + t_b)} of each neuron, the CfC analogue of the liquid time constant named in
 * docs/ANALYSES.md#liquid-time-constant; in pure mode it writes {@code 1 / (|w_tau| + |ff1|)}, the time constant of the
 * exponential in {@code -A exp(-dt (|w_tau| + |ff1|)) ff1 + A}.
 */
public final class CfcCell implements RecurrentCell {
    private final int input;
    private final int hidden;
    private final int cat;
    private final CfcMode mode;
    private final Activation activation;
    private final float[][] backboneW;
    private final float[][] backboneB;
    private final int[] backboneIn;
    private final int backboneUnits;
    // default / no_gate: [((j * cat) + k) * 4 + head], heads ff1, ff2, time_a, time_b
    private final float[] heads;
    private final float[] headBias;
    // pure mode
    private final float[] ff1W;
    private final float[] ff1B;
    private final float[] wTauAbs;
    private final float[] amplitude;
    // for parameter counting and for reading back the connectivity
    private final float[] mask;

    CfcCell(CfcLayout layout, StateDictReader r) {
        this.input = layout.inputSize();
        this.hidden = layout.hiddenSize();
        this.mode = layout.mode();
        this.activation = layout.activation();
        this.backboneUnits = layout.backboneUnits();
        this.cat = layout.catSize();
        int h = hidden;
        int backboneLayers = layout.backboneLayers();
        this.mask = layout.masked() ? r.take(layout.mask()) : null;
        if (mode == CfcMode.PURE) {
            // ncps creates w_tau and A as zeros and ones but then xavier-initialises them like every 2-D
            // parameter (docs/NCPS.md#initialisation). Loading does not care; initialisation for training must copy ncps.
            float[] wTau = r.take(layout.wTau());
            amplitude = r.take(layout.amplitude());
            wTauAbs = new float[h];
            for (int j = 0; j < h; j++) {
                wTauAbs[j] = Math.abs(wTau[j]);
            }
        } else {
            wTauAbs = null;
            amplitude = null;
        }
        backboneW = new float[backboneLayers][];
        backboneB = new float[backboneLayers][];
        backboneIn = new int[backboneLayers];
        for (int l = 0; l < backboneLayers; l++) {
            backboneIn[l] = layout.backboneInput(l);
            backboneW[l] = r.take(layout.backboneWeight(l));
            backboneB[l] = r.take(layout.backboneBias(l));
        }
        float[] w1 = masked(r.take(layout.weight(Head.FF1)));
        float[] b1 = r.take(layout.bias(Head.FF1));
        if (mode == CfcMode.PURE) {
            ff1W = w1;
            ff1B = b1;
            heads = null;
            headBias = null;
        } else {
            ff1W = null;
            ff1B = null;
            float[] w2 = masked(r.take(layout.weight(Head.FF2)));
            float[] b2 = r.take(layout.bias(Head.FF2));
            float[] wa = r.take(layout.weight(Head.TIME_A));
            float[] ba = r.take(layout.bias(Head.TIME_A));
            float[] wb = r.take(layout.weight(Head.TIME_B));
            float[] bb = r.take(layout.bias(Head.TIME_B));
            heads = new float[h * cat * 4];
            headBias = new float[h * 4];
            for (int j = 0; j < h; j++) {
                for (int k = 0; k < cat; k++) {
                    int src = j * cat + k;
                    int dst = src * 4;
                    heads[dst] = w1[src];
                    heads[dst + 1] = w2[src];
                    heads[dst + 2] = wa[src];
                    heads[dst + 3] = wb[src];
                }
                headBias[4 * j] = b1[j];
                headBias[4 * j + 1] = b2[j];
                headBias[4 * j + 2] = ba[j];
                headBias[4 * j + 3] = bb[j];
            }
        }
    }

    /** True when input column {@code k} feeds unit {@code j} (always true without a mask). */
    boolean connected(int k, int j) {
        return mask == null || mask[j * (input + hidden) + k] != 0f;
    }

    private float[] masked(float[] weight) {
        if (mask != null) {
            for (int i = 0; i < weight.length; i++) {
                weight[i] *= mask[i];
            }
        }
        return weight;
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int stateSize() {
        return hidden;
    }

    @Override
    public int outputSize() {
        return hidden;
    }

    @Override
    public int scratchSize() {
        return input + hidden + 2 * backboneUnits;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The output is the new state itself (ncps returns {@code (h_new, h_new)}); {@code out} may be the
     * same array region as {@code h}.
     */
    @Override
    public void step(float[] x, int xOff, float dt, float[] h, int hOff, float[] c, int cOff, float[] out,
                     int outOff, float[] tau, int tauOff, float[] s, Clamp clamp) {
        clamp.apply(h, hOff);
        int n0 = input + hidden;
        System.arraycopy(x, xOff, s, 0, input); // cat([input, hx]): input first
        System.arraycopy(h, hOff, s, input, hidden);
        int feat = 0;
        int len = n0;
        for (int l = 0; l < backboneW.length; l++) {
            int dst = (l % 2 == 0) ? n0 : n0 + backboneUnits;
            dense(backboneW[l], backboneB[l], s, feat, len, s, dst, backboneUnits);
            for (int u = 0; u < backboneUnits; u++) {
                s[dst + u] = activate(s[dst + u]);
            }
            feat = dst;
            len = backboneUnits;
        }
        if (mode == CfcMode.PURE) {
            pure(s, feat, dt, h, hOff, tau, tauOff);
        } else {
            gated(s, feat, dt, h, hOff, tau, tauOff);
        }
        clamp.apply(h, hOff);
        readout(h, hOff, out, outOff);
    }

    /** {@inheritDoc} The state itself. */
    @Override
    public void readout(float[] h, int hOff, float[] out, int outOff) {
        if (out != h || outOff != hOff) {
            System.arraycopy(h, hOff, out, outOff, hidden);
        }
    }

    private void gated(float[] s, int feat, float dt, float[] h, int hOff, float[] tau, int tauOff) {
        final boolean noGate = mode == CfcMode.NO_GATE;
        for (int j = 0; j < hidden; j++) {
            float a0 = 0f;
            float a1 = 0f;
            float a2 = 0f;
            float a3 = 0f;
            int base = j * cat * 4;
            for (int k = 0; k < cat; k++, base += 4) {
                float v = s[feat + k];
                a0 += heads[base] * v;
                a1 += heads[base + 1] * v;
                a2 += heads[base + 2] * v;
                a3 += heads[base + 3] * v;
            }
            float ff1 = FastMath.tanh(a0 + headBias[4 * j]);
            float ff2 = FastMath.tanh(a1 + headBias[4 * j + 1]);
            float ta = a2 + headBias[4 * j + 2];
            float tb = a3 + headBias[4 * j + 3];
            float gate = FastMath.sigmoid(ta * dt + tb);
            h[hOff + j] = noGate ? ff1 + gate * ff2 : ff1 * (1f - gate) + gate * ff2;
            if (tau != null) {
                tau[tauOff + j] = gate;
            }
        }
    }

    private void pure(float[] s, int feat, float dt, float[] h, int hOff, float[] tau, int tauOff) {
        for (int j = 0; j < hidden; j++) {
            float acc = 0f;
            int base = j * cat;
            for (int k = 0; k < cat; k++) {
                acc += ff1W[base + k] * s[feat + k];
            }
            float ff1 = acc + ff1B[j];
            float rate = wTauAbs[j] + Math.abs(ff1);
            float a = amplitude[j];
            h[hOff + j] = -a * FastMath.exp(-dt * rate) * ff1 + a;
            if (tau != null) {
                tau[tauOff + j] = 1f / rate;
            }
        }
    }

    private static void dense(float[] w, float[] b, float[] x, int xOff, int in, float[] y, int yOff, int outN) {
        for (int o = 0; o < outN; o++) {
            float acc = 0f;
            int base = o * in;
            for (int k = 0; k < in; k++) {
                acc += w[base + k] * x[xOff + k];
            }
            y[yOff + o] = acc + b[o];
        }
    }

    private float activate(float v) {
        return switch (activation) {
            case LECUN_TANH -> 1.7159f * FastMath.tanh(0.666f * v);
            case SILU -> v * FastMath.sigmoid(v);
            case RELU -> v > 0f ? v : 0f;
            case TANH -> FastMath.tanh(v);
            case GELU -> (float) (0.5 * v * (1.0 + FastMath.erf(v / Math.sqrt(2.0))));
        };
    }

    /** Adds this cell's parameters; {@code roles[j]} is the role of hidden unit j, {@code sharedBackbone} counts the backbone. */
    void count(ParameterCounts.Tally t, NeuronRole[] roles) {
        int h = hidden;
        for (int l = 0; l < backboneW.length; l++) {
            long n = (long) backboneW[l].length + backboneB[l].length;
            t.tensor(n);
            t.shared(n);
        }
        int headsCount = mode == CfcMode.PURE ? 1 : 4;
        t.tensor((long) headsCount * (h * cat + h) + (mode == CfcMode.PURE ? 2L * h : 0));
        for (int j = 0; j < h; j++) {
            long maskedRow = cat;
            if (mask != null) {
                maskedRow = 0;
                for (int k = 0; k < cat; k++) {
                    if (mask[j * cat + k] != 0f) {
                        maskedRow++;
                    }
                }
            }
            long n = mode == CfcMode.PURE ? maskedRow + 1 + 2 : 2 * (maskedRow + 1) + 2L * (cat + 1);
            t.neuron(roles[j], n);
        }
    }
}
