package io.liquidlens.grad;

import io.liquidlens.model.FastMath;
import io.liquidlens.model.StateDictLayout.Ltc;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * ncps's {@code LTCCell} (docs/NCPS.md#ltc-cell) in double precision with its reverse mode: input mapping, sensory
 * synapses, K unfolds of the fused semi-implicit solver, motor slice and output mapping.
 *
 * <p><b>Sparse.</b> A synapse exists where its sparsity-mask entry is non-zero; only those are computed.
 * In torch a masked synapse enters as {@code f(w) * sigmoid(...) * 0}, so its w, sigma, mu and erev get an
 * exact zero gradient; here they are never touched, which gives the same zeros. The masks are constants
 * (non-trainable) and get no gradient.
 *
 * <p><b>Constraints.</b> With {@code implicit_param_constraints} the effective w, sensory_w, cm and gleak
 * are torch's softplus (threshold 20) of the raw tensors, and gradients flow through it to the raw
 * values; otherwise f is the identity.
 *
 * <p><b>Tape of one step</b> (doubles): the mapped input (S), the sensory sigmoids (one per sensory
 * synapse), then per unfold u: the synapse sigmoids (one per internal synapse), the solver denominators
 * (N, epsilon included) and the state v_{u+1} (N). The state v_0 is the step's input state {@code h}.
 * Storing the sigmoids means the backward pass evaluates no exponential.
 *
 * <p>{@code dt} is this sample's elapsed time: {@code cm_t = f(cm) / (dt / K)} (the intended per-sample
 * semantics, docs/NCPS.md#timespans). The backward pass accepts {@code grad == null} (no parameter gradients:
 * input gradients only), see {@link #acceptsNullGradient()}.
 */
public final class LtcCellGrad implements CellGrad {
    private final int sensory;
    private final int units;
    private final int motor;
    private final int unfolds;
    private final double epsilon;
    private final boolean implicit;
    private final Mapping inputMapping;
    private final Mapping outputMapping;

    // offsets of the tensors in the flat value/gradient vectors (-1: absent)
    private final int oGleak;
    private final int oVleak;
    private final int oCm;
    private final int oSigma;
    private final int oMu;
    private final int oW;
    private final int oErev;
    private final int oSSigma;
    private final int oSMu;
    private final int oSW;
    private final int oSErev;
    private final int oMask;
    private final int oSMask;
    private final int oInW;
    private final int oInB;
    private final int oOutW;
    private final int oOutB;

    // synapse lists grouped by destination, fixed by the masks at construction
    private final int[] sRow;
    private final int[] sSrc;
    private final int[] sIdx; // flat index source * N + dest
    private final int[] row;
    private final int[] src;
    private final int[] idx;

    // values derived by prepare()
    private final double[] sW;      // f(sensory_w) * mask
    private final double[] sWd;     // d sW / d raw sensory_w = mask * f'(raw)
    private final double[] sSigma;
    private final double[] sMu;
    private final double[] sErev;
    private final double[] w;
    private final double[] wd;
    private final double[] sigma;
    private final double[] mu;
    private final double[] erev;
    private final double[] cm;      // f(cm)
    private final double[] cmD;     // f'(cm)
    private final double[] gl;      // f(gleak)
    private final double[] glD;
    private final double[] vleak;
    private final double[] glVleak;
    private final double[] inW;     // ones / zeros when the mapping has no such parameter
    private final double[] inB;
    private final double[] outW;
    private final double[] outB;

    // tape and scratch layout
    private final int tSig;
    private final int tUnfold;
    private final int unfoldStride;
    private final int tapeSize;
    private final int scratchSize;

    /**
     * A cell over the {@code rnn_cell.*} tensors of {@code params}.
     *
     * @param spec      the LTC options
     * @param inputSize S
     * @param motor     M, the number of motor neurons (ids 0..M-1) the output slices
     * @param params    a parameter set holding every {@code rnn_cell.*} tensor of ncps's LTC
     */
    public LtcCellGrad(LtcSpec spec, int inputSize, int motor, ParamSet params) {
        this.sensory = inputSize;
        this.unfolds = spec.odeUnfolds();
        this.epsilon = spec.epsilon();
        this.implicit = spec.implicitParamConstraints();
        this.inputMapping = spec.inputMapping();
        this.outputMapping = spec.outputMapping();
        this.units = params.param(Ltc.GLEAK.key()).size();
        this.motor = motor;
        int n = units;
        int s = sensory;
        if (motor < 1 || motor > n) {
            throw new IllegalArgumentException("motor size " + motor + " must be in [1, " + n + "]");
        }
        ToIntFunction<Ltc> offset = t -> t.presentIn(spec) ? params.offset(t.tensor(s, n, motor)) : -1;
        oGleak = offset.applyAsInt(Ltc.GLEAK);
        oVleak = offset.applyAsInt(Ltc.VLEAK);
        oCm = offset.applyAsInt(Ltc.CM);
        oSigma = offset.applyAsInt(Ltc.SIGMA);
        oMu = offset.applyAsInt(Ltc.MU);
        oW = offset.applyAsInt(Ltc.W);
        oErev = offset.applyAsInt(Ltc.EREV);
        oSSigma = offset.applyAsInt(Ltc.SENSORY_SIGMA);
        oSMu = offset.applyAsInt(Ltc.SENSORY_MU);
        oSW = offset.applyAsInt(Ltc.SENSORY_W);
        oSErev = offset.applyAsInt(Ltc.SENSORY_EREV);
        oMask = offset.applyAsInt(Ltc.SPARSITY_MASK);
        oSMask = offset.applyAsInt(Ltc.SENSORY_SPARSITY_MASK);
        oInW = offset.applyAsInt(Ltc.INPUT_W);
        oInB = offset.applyAsInt(Ltc.INPUT_B);
        oOutW = offset.applyAsInt(Ltc.OUTPUT_W);
        oOutB = offset.applyAsInt(Ltc.OUTPUT_B);

        double[] v = params.values();
        sRow = new int[n + 1];
        int sCount = countByDestination(v, oSMask, s, n, sRow);
        sSrc = new int[sCount];
        sIdx = new int[sCount];
        fillLists(v, oSMask, s, n, sSrc, sIdx);
        row = new int[n + 1];
        int count = countByDestination(v, oMask, n, n, row);
        src = new int[count];
        idx = new int[count];
        fillLists(v, oMask, n, n, src, idx);

        sW = new double[sCount];
        sWd = new double[sCount];
        sSigma = new double[sCount];
        sMu = new double[sCount];
        sErev = new double[sCount];
        w = new double[count];
        wd = new double[count];
        sigma = new double[count];
        mu = new double[count];
        erev = new double[count];
        cm = new double[n];
        cmD = new double[n];
        gl = new double[n];
        glD = new double[n];
        vleak = new double[n];
        glVleak = new double[n];
        inW = new double[s];
        inB = new double[s];
        outW = new double[motor];
        outB = new double[motor];

        tSig = s;
        tUnfold = s + sCount;
        unfoldStride = count + 2 * n;
        tapeSize = tUnfold + unfolds * unfoldStride;
        scratchSize = 10 * n + s + 4 * (count + sCount);
        prepare(v);
    }

    /**
     * The LTC cell of an ncps {@code LTC} model: the motor size is read from {@code output_w} when the
     * output mapping has one, else from the units (FullyConnected: every neuron is motor) or the wiring.
     */
    public static LtcCellGrad of(ModelSpec spec, ParamSet params) {
        LtcSpec ltc = (LtcSpec) spec.cell();
        int motor;
        if (ltc.outputMapping().hasWeight()) {
            motor = params.param(Ltc.OUTPUT_W.key()).size();
        } else if (spec.units() instanceof UnitsSpec.Dense d) {
            motor = d.units();
        } else {
            motor = spec.wiringSpec().build(spec.inputSize()).outputDim();
        }
        return new LtcCellGrad(ltc, spec.inputSize(), motor, params);
    }

    private static int countByDestination(double[] v, int maskOff, int sources, int dests, int[] rowStart) {
        int c = 0;
        for (int j = 0; j < dests; j++) {
            rowStart[j] = c;
            for (int i = 0; i < sources; i++) {
                if (v[maskOff + i * dests + j] != 0) {
                    c++;
                }
            }
        }
        rowStart[dests] = c;
        return c;
    }

    private static void fillLists(double[] v, int maskOff, int sources, int dests, int[] srcOut, int[] idxOut) {
        int c = 0;
        for (int j = 0; j < dests; j++) {
            for (int i = 0; i < sources; i++) {
                int k = i * dests + j;
                if (v[maskOff + k] != 0) {
                    srcOut[c] = i;
                    idxOut[c] = k;
                    c++;
                }
            }
        }
    }

    /** torch's {@code Softplus()} (threshold 20) or the identity. */
    private double positive(double x) {
        if (!implicit) {
            return x;
        }
        return x > 20 ? x : Math.log1p(Math.exp(x));
    }

    /** Derivative of {@link #positive}: the logistic sigmoid below the threshold, 1 above it. */
    private double positiveSlope(double x) {
        if (!implicit || x > 20) {
            return 1;
        }
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public int inputSize() {
        return sensory;
    }

    @Override
    public int stateSize() {
        return units;
    }

    @Override
    public int outputSize() {
        return motor;
    }

    @Override
    public int tapeSize() {
        return tapeSize;
    }

    @Override
    public int scratchSize() {
        return scratchSize;
    }

    /** Internal synapses computed (non-zero mask entries). */
    public int synapseCount() {
        return src.length;
    }

    /** Sensory synapses computed (non-zero mask entries). */
    public int sensorySynapseCount() {
        return sSrc.length;
    }

    /** True: {@link #backward} takes {@code grad == null} to mean "input gradients only". */
    @Override
    public boolean acceptsNullGradient() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The synapse lists were fixed by the masks at construction (masks are constants); a changed mask
     * is rejected rather than silently ignored.
     */
    @Override
    public void prepare(double[] v) {
        checkMasks(v, oSMask, sensory, sIdx, sRow);
        checkMasks(v, oMask, units, idx, row);
        for (int k = 0; k < sIdx.length; k++) {
            int i = sIdx[k];
            double m = v[oSMask + i];
            sW[k] = positive(v[oSW + i]) * m;
            sWd[k] = positiveSlope(v[oSW + i]) * m;
            sSigma[k] = v[oSSigma + i];
            sMu[k] = v[oSMu + i];
            sErev[k] = v[oSErev + i];
        }
        for (int k = 0; k < idx.length; k++) {
            int i = idx[k];
            double m = v[oMask + i];
            w[k] = positive(v[oW + i]) * m;
            wd[k] = positiveSlope(v[oW + i]) * m;
            sigma[k] = v[oSigma + i];
            mu[k] = v[oMu + i];
            erev[k] = v[oErev + i];
        }
        for (int j = 0; j < units; j++) {
            cm[j] = positive(v[oCm + j]);
            cmD[j] = positiveSlope(v[oCm + j]);
            gl[j] = positive(v[oGleak + j]);
            glD[j] = positiveSlope(v[oGleak + j]);
            vleak[j] = v[oVleak + j];
            glVleak[j] = gl[j] * vleak[j];
        }
        for (int i = 0; i < sensory; i++) {
            inW[i] = oInW >= 0 ? v[oInW + i] : 1;
            inB[i] = oInB >= 0 ? v[oInB + i] : 0;
        }
        for (int m = 0; m < motor; m++) {
            outW[m] = oOutW >= 0 ? v[oOutW + m] : 1;
            outB[m] = oOutB >= 0 ? v[oOutB + m] : 0;
        }
    }

    private void checkMasks(double[] v, int maskOff, int sources, int[] lists, int[] rowStart) {
        int count = 0;
        for (int k = 0; k < sources * units; k++) {
            if (v[maskOff + k] != 0) {
                count++;
            }
        }
        boolean same = count == lists.length;
        for (int k = 0; same && k < lists.length; k++) {
            same = v[maskOff + lists[k]] != 0;
        }
        if (!same) {
            throw new IllegalStateException("the sparsity masks changed after the cell was built (they are constants)");
        }
    }

    @Override
    public void forward(double[] values, double[] x, int xo, double dt, double[] h, int ho, double[] hNext, int hno,
                        double[] y, int yo, double[] tape, int to, double[] scratch) {
        final int n = units;
        final int oNumS = 0;
        final int oDenS = n;
        final int oCmt = 2 * n;
        // mapped input, kept on the tape
        for (int i = 0; i < sensory; i++) {
            tape[to + i] = x[xo + i] * inW[i] + inB[i];
        }
        final int sig0 = to + tSig;
        for (int j = 0; j < n; j++) {
            double num = 0;
            double den = 0;
            for (int k = sRow[j], end = sRow[j + 1]; k < end; k++) {
                double a = FastMath.sigmoidd(sSigma[k] * (tape[to + sSrc[k]] - sMu[k]));
                tape[sig0 + k] = a;
                double wa = sW[k] * a;
                num += wa * sErev[k];
                den += wa;
            }
            scratch[oNumS + j] = num;
            scratch[oDenS + j] = den;
        }
        double dtOverK = dt / unfolds;
        for (int j = 0; j < n; j++) {
            scratch[oCmt + j] = cm[j] / dtOverK;
        }
        double[] vin = h;
        int vo = ho;
        final int syn = src.length;
        for (int u = 0; u < unfolds; u++) {
            int base = to + tUnfold + u * unfoldStride;
            int oDen = base + syn;
            int oOut = oDen + n;
            for (int j = 0; j < n; j++) {
                double num = 0;
                double den = 0;
                for (int k = row[j], end = row[j + 1]; k < end; k++) {
                    double a = FastMath.sigmoidd(sigma[k] * (vin[vo + src[k]] - mu[k]));
                    tape[base + k] = a;
                    double wa = w[k] * a;
                    num += wa * erev[k];
                    den += wa;
                }
                double cmt = scratch[oCmt + j];
                double d = cmt + gl[j] + (den + scratch[oDenS + j]) + epsilon;
                tape[oDen + j] = d;
                tape[oOut + j] = (cmt * vin[vo + j] + glVleak[j] + (num + scratch[oNumS + j])) / d;
            }
            vin = tape;
            vo = oOut;
        }
        System.arraycopy(vin, vo, hNext, hno, n);
        // the motor neurons are ids 0..M-1, sliced whatever the output mapping
        for (int m = 0; m < motor; m++) {
            y[yo + m] = vin[vo + m] * outW[m] + outB[m];
        }
    }

    @Override
    public void backward(double[] values, double[] dy, int dyo, double[] dhNext, int dhno, double[] x, int xo,
                         double dt, double[] h, int ho, double[] tape, int to, double[] dx, int dxo, double[] dh,
                         int dho, double[] grad, double[] scratch) {
        final int n = units;
        final int syn = src.length;
        final int sSyn = sSrc.length;
        final boolean params = grad != null;
        // scratch layout
        final int oG = 0;            // dL/dv_{u+1}
        final int oDv = n;           // dL/dv_u being accumulated
        final int oDNumS = 2 * n;
        final int oDDenS = 3 * n;
        final int oDCmt = 4 * n;
        final int oDGl = 5 * n;
        final int oDVleak = 6 * n;
        final int oCmt = 7 * n;
        final int oDxm = 8 * n;
        final int oDSigma = oDxm + sensory;
        final int oDMu = oDSigma + syn;
        final int oDW = oDMu + syn;
        final int oDErev = oDW + syn;
        final int oDSSigma = oDErev + syn;
        final int oDSMu = oDSSigma + sSyn;
        final int oDSW = oDSMu + sSyn;
        final int oDSErev = oDSW + sSyn;
        final int end = oDSErev + sSyn;

        Arrays.fill(scratch, oDNumS, oDVleak + n, 0);
        Arrays.fill(scratch, oDxm, oDxm + sensory, 0);
        if (params) {
            Arrays.fill(scratch, oDSigma, end, 0);
        }
        double dtOverK = dt / unfolds;
        for (int j = 0; j < n; j++) {
            scratch[oCmt + j] = cm[j] / dtOverK;
        }

        // dL/dv_K: from the future plus the output mapping
        final int lastOut = to + tUnfold + (unfolds - 1) * unfoldStride + syn + n;
        System.arraycopy(dhNext, dhno, scratch, oG, n);
        if (dy != null) {
            for (int m = 0; m < motor; m++) {
                double g = dy[dyo + m];
                scratch[oG + m] += g * outW[m];
                if (params) {
                    if (oOutW >= 0) {
                        grad[oOutW + m] += g * tape[lastOut + m];
                    }
                    if (oOutB >= 0) {
                        grad[oOutB + m] += g;
                    }
                }
            }
        }

        int g0 = oG;
        int dv0 = oDv;
        for (int u = unfolds - 1; u >= 0; u--) {
            int base = to + tUnfold + u * unfoldStride;
            int oDen = base + syn;
            int oOut = oDen + n;
            double[] vin;
            int vo;
            if (u == 0) {
                vin = h;
                vo = ho;
            } else {
                vin = tape;
                vo = base - unfoldStride + syn + n;
            }
            Arrays.fill(scratch, dv0, dv0 + n, 0);
            for (int j = 0; j < n; j++) {
                double dnum = scratch[g0 + j] / tape[oDen + j];
                double dden = -dnum * tape[oOut + j];
                double cmt = scratch[oCmt + j];
                scratch[dv0 + j] += dnum * cmt;
                scratch[oDNumS + j] += dnum;
                scratch[oDDenS + j] += dden;
                if (params) {
                    scratch[oDCmt + j] += dnum * vin[vo + j] + dden;
                    scratch[oDGl + j] += dnum * vleak[j] + dden;
                    scratch[oDVleak + j] += dnum * gl[j];
                }
                for (int k = row[j], e = row[j + 1]; k < e; k++) {
                    double a = tape[base + k];
                    double ev = erev[k];
                    double wa = w[k] * a;
                    double dwa = dnum * ev + dden;
                    double dz = dwa * wa * (1 - a);
                    int i = src[k];
                    double sg = sigma[k];
                    scratch[dv0 + i] += dz * sg;
                    if (params) {
                        scratch[oDErev + k] += dnum * wa;
                        scratch[oDW + k] += dwa * a;
                        scratch[oDSigma + k] += dz * (vin[vo + i] - mu[k]);
                        scratch[oDMu + k] -= dz * sg;
                    }
                }
            }
            int t = g0;
            g0 = dv0;
            dv0 = t;
        }
        // g0 now holds dL/dv_0 = dL/dh
        System.arraycopy(scratch, g0, dh, dho, n);

        // sensory synapses: their sums entered every unfold; dNumS/dDenS hold the totals
        final int sig0 = to + tSig;
        for (int j = 0; j < n; j++) {
            double dns = scratch[oDNumS + j];
            double dds = scratch[oDDenS + j];
            for (int k = sRow[j], e = sRow[j + 1]; k < e; k++) {
                double a = tape[sig0 + k];
                double wa = sW[k] * a;
                double dwa = dns * sErev[k] + dds;
                double dz = dwa * wa * (1 - a);
                int i = sSrc[k];
                double sg = sSigma[k];
                scratch[oDxm + i] += dz * sg;
                if (params) {
                    scratch[oDSErev + k] += dns * wa;
                    scratch[oDSW + k] += dwa * a;
                    scratch[oDSSigma + k] += dz * (tape[to + i] - sMu[k]);
                    scratch[oDSMu + k] -= dz * sg;
                }
            }
        }
        for (int i = 0; i < sensory; i++) {
            dx[dxo + i] = scratch[oDxm + i] * inW[i];
        }
        if (!params) {
            return;
        }
        for (int i = 0; i < sensory; i++) {
            double d = scratch[oDxm + i];
            if (oInW >= 0) {
                grad[oInW + i] += d * x[xo + i];
            }
            if (oInB >= 0) {
                grad[oInB + i] += d;
            }
        }
        for (int k = 0; k < syn; k++) {
            int i = idx[k];
            grad[oSigma + i] += scratch[oDSigma + k];
            grad[oMu + i] += scratch[oDMu + k];
            grad[oW + i] += scratch[oDW + k] * wd[k];
            grad[oErev + i] += scratch[oDErev + k];
        }
        for (int k = 0; k < sSyn; k++) {
            int i = sIdx[k];
            grad[oSSigma + i] += scratch[oDSSigma + k];
            grad[oSMu + i] += scratch[oDSMu + k];
            grad[oSW + i] += scratch[oDSW + k] * sWd[k];
            grad[oSErev + i] += scratch[oDSErev + k];
        }
        for (int j = 0; j < n; j++) {
            // cm_t = f(cm) / (dt / K)
            grad[oCm + j] += scratch[oDCmt + j] * cmD[j] / dtOverK;
            grad[oGleak + j] += scratch[oDGl + j] * glD[j];
            grad[oVleak + j] += scratch[oDVleak + j];
        }
    }
}
