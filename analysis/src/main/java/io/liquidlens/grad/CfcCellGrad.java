package io.liquidlens.grad;

import io.liquidlens.model.FastMath;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout.Head;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import java.util.Arrays;

/**
 * ncps's {@code CfCCell} (docs/NCPS.md#cfc-cell) in double precision with a tape: {@code x = cat([input, h])}, an
 * optional backbone of Linear + activation layers (dropout is the identity, at inference and in these gradients), then
 * the closed-form heads. Used alone for a dense CfC and, masked, as one layer of a {@link WiredCfcCellGrad}.
 *
 * <p>Exact elementary functions ({@link Math#tanh}, {@link Math#exp}) rather than the fast float ones of the
 * simulator: finite-difference checks with a step of 1e-6 would see the approximation error of a fast
 * exponential (about 1e-9 relative) as a gradient error of 1e-3.
 *
 * <p>Tape per step: for each backbone layer its output and the activation's derivative at the
 * pre-activation (2U), then ff1, ff2 (both after tanh) and the gate (3H), or in pure mode the raw ff1 and
 * {@code exp(-dt (|w_tau| + |ff1|))} (2H). Scratch: the concatenated input, the incoming state gradient,
 * the head gradients and two feature-gradient buffers.
 *
 * <p>{@code hNext} may be the same region as {@code h}, and {@code dh} the same region as {@code dhNext}:
 * both are read before anything is written. {@code y} may be null (no output wanted; the output equals the
 * new state).
 */
public final class CfcCellGrad implements CellGrad {
    private static final double LECUN_A = 1.7159;
    private static final double LECUN_B = 0.666;
    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);

    private final CfcLayout layout;
    private final int input;
    private final int hidden;
    private final int cat;
    private final int units;
    private final int layers;
    private final boolean pure;
    private final boolean noGate;
    private final Activation activation;
    private final int[] bbW;
    private final int[] bbB;
    private final int[] bbIn;
    private final int ff1W;
    private final int ff1B;
    private final int ff2W;
    private final int ff2B;
    private final int taW;
    private final int taB;
    private final int tbW;
    private final int tbB;
    private final int wTau;
    private final int amp;
    private final int mask;
    // W * mask for ff1/ff2 of a masked cell, recomputed by prepare
    private final double[] maskedFf1;
    private final double[] maskedFf2;
    // scratch offsets
    private final int sGdh;
    private final int sGp;
    private final int sGa;
    private final int sGb;
    private final int scratchSize;
    private final int headTape;
    private final int tapeSize;

    private CfcCellGrad(CfcLayout layout, ParamSet params) {
        this.layout = layout;
        this.input = layout.inputSize();
        this.hidden = layout.hiddenSize();
        this.cat = layout.catSize();
        this.units = layout.backboneUnits();
        this.layers = layout.backboneLayers();
        this.pure = layout.mode() == CfcMode.PURE;
        this.noGate = layout.mode() == CfcMode.NO_GATE;
        this.activation = layout.activation();
        for (Tensor t : layout.tensors()) {
            params.offset(t); // every tensor checked before any is read
        }
        bbW = new int[layers];
        bbB = new int[layers];
        bbIn = new int[layers];
        for (int l = 0; l < layers; l++) {
            bbW[l] = params.offset(layout.backboneWeight(l));
            bbB[l] = params.offset(layout.backboneBias(l));
            bbIn[l] = layout.backboneInput(l);
        }
        ff1W = params.offset(layout.weight(Head.FF1));
        ff1B = params.offset(layout.bias(Head.FF1));
        ff2W = pure ? -1 : params.offset(layout.weight(Head.FF2));
        ff2B = pure ? -1 : params.offset(layout.bias(Head.FF2));
        taW = pure ? -1 : params.offset(layout.weight(Head.TIME_A));
        taB = pure ? -1 : params.offset(layout.bias(Head.TIME_A));
        tbW = pure ? -1 : params.offset(layout.weight(Head.TIME_B));
        tbB = pure ? -1 : params.offset(layout.bias(Head.TIME_B));
        wTau = pure ? params.offset(layout.wTau()) : -1;
        amp = pure ? params.offset(layout.amplitude()) : -1;
        mask = layout.masked() ? params.offset(layout.mask()) : -1;
        maskedFf1 = layout.masked() ? new double[hidden * cat] : null;
        maskedFf2 = layout.masked() && !pure ? new double[hidden * cat] : null;

        int wide = Math.max(input + hidden, units);
        sGdh = input + hidden;
        sGp = sGdh + hidden;
        sGa = sGp + 4 * hidden;
        sGb = sGa + wide;
        scratchSize = sGb + wide;
        headTape = 2 * units * layers;
        tapeSize = headTape + (pure ? 2 : 3) * hidden;
        if (layout.masked()) {
            prepare(params.values());
        }
    }

    /**
     * The cell described by {@code layout}, reading its tensors from {@code params} (looked up by name).
     *
     * @throws IllegalArgumentException naming the tensor when one is missing or has another shape
     */
    public static CfcCellGrad of(CfcLayout layout, ParamSet params) {
        return new CfcCellGrad(layout, params);
    }

    /** The layout this cell was built from. */
    public CfcLayout layout() {
        return layout;
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
    public int tapeSize() {
        return tapeSize;
    }

    @Override
    public int scratchSize() {
        return scratchSize;
    }

    /** Forms W * mask for ff1 (and ff2) of a masked cell; nothing to do otherwise. */
    @Override
    public void prepare(double[] values) {
        if (maskedFf1 == null) {
            return;
        }
        int n = hidden * cat;
        for (int i = 0; i < n; i++) {
            maskedFf1[i] = values[ff1W + i] * values[mask + i];
        }
        if (maskedFf2 != null) {
            for (int i = 0; i < n; i++) {
                maskedFf2[i] = values[ff2W + i] * values[mask + i];
            }
        }
    }

    @Override
    public void forward(double[] values, double[] x, int xo, double dt, double[] h, int ho, double[] hNext, int hno,
                        double[] y, int yo, double[] tape, int to, double[] scratch) {
        double[] s = scratch;
        System.arraycopy(x, xo, s, 0, input); // cat([input, hx]): input first
        System.arraycopy(h, ho, s, input, hidden);
        double[] feat = s;
        int fo = 0;
        for (int l = 0; l < layers; l++) {
            int out = to + 2 * units * l;
            backboneLayer(values, l, feat, fo, tape, out);
            feat = tape;
            fo = out;
        }
        int ht = to + headTape;
        if (pure) {
            pureHeads(values, feat, fo, dt, tape, ht, hNext, hno, y, yo);
        } else {
            gatedHeads(values, feat, fo, dt, tape, ht, hNext, hno, y, yo);
        }
    }

    private void backboneLayer(double[] values, int l, double[] in, int io, double[] tape, int out) {
        int len = bbIn[l];
        int w = bbW[l];
        int b = bbB[l];
        int deriv = out + units;
        for (int o = 0; o < units; o++) {
            double acc = values[b + o];
            int row = w + o * len;
            for (int k = 0; k < len; k++) {
                acc += values[row + k] * in[io + k];
            }
            activate(acc, tape, out + o, deriv + o);
        }
    }

    /** Writes act(a) to t[yi] and act'(a) to t[di]. */
    private void activate(double a, double[] t, int yi, int di) {
        switch (activation) {
            case LECUN_TANH -> {
                double th = Math.tanh(LECUN_B * a);
                t[yi] = LECUN_A * th;
                t[di] = LECUN_A * LECUN_B * (1 - th * th);
            }
            case SILU -> {
                double sg = sigmoid(a);
                t[yi] = a * sg;
                t[di] = sg * (1 + a * (1 - sg));
            }
            case RELU -> {
                // torch's ReLU backward passes the gradient only where the input is > 0: subgradient 0 at 0
                t[yi] = a > 0 ? a : 0;
                t[di] = a > 0 ? 1 : 0;
            }
            case TANH -> {
                double th = Math.tanh(a);
                t[yi] = th;
                t[di] = 1 - th * th;
            }
            case GELU -> {
                // exact form a * Phi(a); derivative Phi(a) + a * phi(a) with phi the standard normal pdf
                double cdf = 0.5 * (1 + FastMath.erf(a * SQRT_HALF));
                t[yi] = a * cdf;
                t[di] = cdf + a * INV_SQRT_2PI * Math.exp(-0.5 * a * a);
            }
            default -> throw new IllegalStateException("activation " + activation);
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private void gatedHeads(double[] values, double[] f, int fo, double dt, double[] tape, int ht, double[] hNext,
                            int hno, double[] y, int yo) {
        double[] w1 = maskedFf1 != null ? maskedFf1 : values;
        int o1 = maskedFf1 != null ? 0 : ff1W;
        double[] w2 = maskedFf2 != null ? maskedFf2 : values;
        int o2 = maskedFf2 != null ? 0 : ff2W;
        for (int j = 0; j < hidden; j++) {
            double p1 = values[ff1B + j];
            double p2 = values[ff2B + j];
            double pa = values[taB + j];
            double pb = values[tbB + j];
            int r = j * cat;
            for (int k = 0; k < cat; k++) {
                double v = f[fo + k];
                p1 += w1[o1 + r + k] * v;
                p2 += w2[o2 + r + k] * v;
                pa += values[taW + r + k] * v;
                pb += values[tbW + r + k] * v;
            }
            double f1 = Math.tanh(p1);
            double f2 = Math.tanh(p2);
            double g = sigmoid(pa * dt + pb);
            tape[ht + j] = f1;
            tape[ht + hidden + j] = f2;
            tape[ht + 2 * hidden + j] = g;
            double hn = noGate ? f1 + g * f2 : f1 * (1 - g) + g * f2;
            hNext[hno + j] = hn;
            if (y != null) {
                y[yo + j] = hn;
            }
        }
    }

    private void pureHeads(double[] values, double[] f, int fo, double dt, double[] tape, int ht, double[] hNext,
                           int hno, double[] y, int yo) {
        double[] w1 = maskedFf1 != null ? maskedFf1 : values;
        int o1 = maskedFf1 != null ? 0 : ff1W;
        for (int j = 0; j < hidden; j++) {
            double p1 = values[ff1B + j];
            int r = o1 + j * cat;
            for (int k = 0; k < cat; k++) {
                p1 += w1[r + k] * f[fo + k];
            }
            double e = Math.exp(-dt * (Math.abs(values[wTau + j]) + Math.abs(p1)));
            double a = values[amp + j];
            tape[ht + j] = p1;
            tape[ht + hidden + j] = e;
            double hn = -a * e * p1 + a; // no tanh on ff1 in pure mode
            hNext[hno + j] = hn;
            if (y != null) {
                y[yo + j] = hn;
            }
        }
    }

    @Override
    public void backward(double[] values, double[] dy, int dyo, double[] dhNext, int dhno, double[] x, int xo,
                         double dt, double[] h, int ho, double[] tape, int to, double[] dx, int dxo, double[] dh,
                         int dho, double[] grad, double[] scratch) {
        double[] s = scratch;
        for (int j = 0; j < hidden; j++) { // the output is the new state: both gradients land on h'
            s[sGdh + j] = dhNext[dhno + j] + (dy != null ? dy[dyo + j] : 0);
        }
        System.arraycopy(x, xo, s, 0, input); // layer-0 features again, for the weight gradients
        System.arraycopy(h, ho, s, input, hidden);
        double[] feat = layers == 0 ? s : tape;
        int fo = layers == 0 ? 0 : to + 2 * units * (layers - 1);
        int ht = to + headTape;
        Arrays.fill(s, sGa, sGa + cat, 0);
        if (pure) {
            pureBackward(values, dt, tape, ht, feat, fo, grad, s);
        } else {
            gatedBackward(values, dt, tape, ht, feat, fo, grad, s);
        }
        int ga = sGa;
        int gb = sGb;
        for (int l = layers - 1; l >= 0; l--) {
            double[] in = l == 0 ? s : tape;
            int io = l == 0 ? 0 : to + 2 * units * (l - 1);
            backboneBackward(values, l, tape, to + 2 * units * l + units, in, io, s, ga, gb, grad);
            int t = ga;
            ga = gb;
            gb = t;
        }
        System.arraycopy(s, ga, dx, dxo, input);
        System.arraycopy(s, ga + input, dh, dho, hidden);
    }

    private void gatedBackward(double[] values, double dt, double[] tape, int ht, double[] f, int fo, double[] grad,
                               double[] s) {
        double[] w1 = maskedFf1 != null ? maskedFf1 : values;
        int o1 = maskedFf1 != null ? 0 : ff1W;
        double[] w2 = maskedFf2 != null ? maskedFf2 : values;
        int o2 = maskedFf2 != null ? 0 : ff2W;
        for (int j = 0; j < hidden; j++) {
            double gh = s[sGdh + j];
            double f1 = tape[ht + j];
            double f2 = tape[ht + hidden + j];
            double g = tape[ht + 2 * hidden + j];
            double df1 = noGate ? gh : gh * (1 - g);
            double df2 = gh * g;
            double dg = noGate ? gh * f2 : gh * (f2 - f1);
            double dp1 = df1 * (1 - f1 * f1);
            double dp2 = df2 * (1 - f2 * f2);
            double dq = dg * g * (1 - g); // q = t_a * dt + t_b
            double dpa = dq * dt;
            grad[ff1B + j] += dp1;
            grad[ff2B + j] += dp2;
            grad[taB + j] += dpa;
            grad[tbB + j] += dq;
            int r = j * cat;
            for (int k = 0; k < cat; k++) {
                double v = f[fo + k];
                // a masked weight never reaches the output: its gradient is the unmasked one times the mask
                double m = mask >= 0 ? values[mask + r + k] : 1;
                grad[ff1W + r + k] += dp1 * v * m;
                grad[ff2W + r + k] += dp2 * v * m;
                grad[taW + r + k] += dpa * v;
                grad[tbW + r + k] += dq * v;
                s[sGa + k] += dp1 * w1[o1 + r + k] + dp2 * w2[o2 + r + k] + dpa * values[taW + r + k]
                        + dq * values[tbW + r + k];
            }
        }
    }

    private void pureBackward(double[] values, double dt, double[] tape, int ht, double[] f, int fo, double[] grad,
                              double[] s) {
        double[] w1 = maskedFf1 != null ? maskedFf1 : values;
        int o1 = maskedFf1 != null ? 0 : ff1W;
        for (int j = 0; j < hidden; j++) {
            double gh = s[sGdh + j];
            double p1 = tape[ht + j];
            double e = tape[ht + hidden + j];
            double a = values[amp + j];
            // h' = a - a e p1 with e = exp(-dt r), r = |w_tau| + |p1|
            grad[amp + j] += gh * (1 - e * p1);
            double dr = gh * a * p1 * e * dt;
            grad[wTau + j] += dr * Math.signum(values[wTau + j]); // torch: d|u|/du = sign(u), 0 at 0
            double dp1 = -gh * a * e + dr * Math.signum(p1);
            grad[ff1B + j] += dp1;
            int r = j * cat;
            for (int k = 0; k < cat; k++) {
                double m = mask >= 0 ? values[mask + r + k] : 1;
                grad[ff1W + r + k] += dp1 * f[fo + k] * m;
                s[sGa + k] += dp1 * w1[o1 + r + k];
            }
        }
    }

    /** Backbone layer l: gradient of its output in s[ga..] (U), writes the gradient of its input to s[gb..]. */
    private void backboneBackward(double[] values, int l, double[] tape, int deriv, double[] in, int io, double[] s,
                                  int ga, int gb, double[] grad) {
        int len = bbIn[l];
        int w = bbW[l];
        int b = bbB[l];
        Arrays.fill(s, gb, gb + len, 0);
        for (int o = 0; o < units; o++) {
            double da = s[ga + o] * tape[deriv + o];
            if (da == 0) {
                continue; // e.g. relu off: nothing flows through this unit
            }
            grad[b + o] += da;
            int row = w + o * len;
            for (int k = 0; k < len; k++) {
                grad[row + k] += da * in[io + k];
                s[gb + k] += da * values[row + k];
            }
        }
    }
}
