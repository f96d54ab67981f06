package io.liquidlens.model;

import io.liquidlens.model.StateDictLayout.Ltc;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.wiring.NeuronRole;
import java.util.EnumMap;
import java.util.Map;

/**
 * ncps's {@code LTCCell} with the fused semi-implicit solver (docs/NCPS.md#fused-ode-solver), evaluated sparsely.
 *
 * <p>At load time the positivity function f (torch softplus with threshold 20 when
 * {@code implicit_param_constraints}, identity otherwise) is applied once to w, sensory_w, gleak and cm,
 * and the synapses are gathered per destination neuron from the checkpoint's sparsity masks. The masks in
 * the checkpoint are the truth (docs/NCPS.md#sparsity-masks), not the wiring: a synapse exists where its mask entry is
 * non-zero, and its effective weight is f(w) * mask. Masked-out terms contribute exact zeros to ncps's
 * sums, so skipping them changes nothing.
 *
 * <p>The summation order over presynaptic neurons is increasing index, and each expression keeps ncps's
 * parenthesisation: {@code v' = ((cm_t v + gl vleak) + (sum_i wa erev + num_s)) / (((cm_t + gl) + (sum_i
 * wa + den_s)) + eps)} with {@code cm_t = f(cm) / (float)(dt / K)}.
 *
 * <p><b>Liquid time constant</b> (docs/ANALYSES.md#liquid-time-constant): when asked, step writes for every neuron j
 * {@code tau_j = f(cm_j) / (f(gleak_j) + sum_i W_ij sigma(sigma_ij (x_i - mu_ij)) + sum_s W_sj
 * sigma(sigma_sj (I_s - mu_sj)))} with W = f(w) * mask. Here x is the state at the start of the step (after
 * the mixed-memory LSTM, if any: the value the ODE starts from) and I is the input after the input
 * mapping. It is the time constant of the linearised ODE {@code cm dv/dt = -(gl + sum wa) v + ...} at the
 * start of the step; its denominator is exactly the solver's first-unfold conductance sum, so computing it
 * costs one division per neuron.
 */
public final class LtcCell implements RecurrentCell {
    // package-private: LtcLanes runs the same solver with the lane innermost
    final int sensory;
    final int units;
    final int motor;
    final int unfolds;
    final float epsilon;
    final float[] inputW;
    final float[] inputB;
    final float[] outputW;
    final float[] outputB;
    final float[] cm;       // f(cm)
    final float[] gleak;    // f(gleak)
    final float[] gleakVleak;
    // sensory synapses grouped by destination: [sRow[j], sRow[j+1])
    final int[] sRow;
    final int[] sSrc;
    final float[] sW;
    final float[] sSigma;
    final float[] sMu;
    final float[] sErev;
    // internal synapses grouped by destination
    final int[] row;
    final int[] src;
    final float[] w;
    final float[] sigma;
    final float[] mu;
    final float[] erev;

    LtcCell(LtcSpec spec, int inputSize, int units, int outputDim, StateDictReader r) {
        this.sensory = inputSize;
        this.units = units;
        this.motor = outputDim;
        this.unfolds = spec.odeUnfolds();
        this.epsilon = (float) spec.epsilon();
        boolean implicit = spec.implicitParamConstraints();
        int n = units;
        int s = inputSize;
        // taken in ncps's order, so that of several missing tensors the first is reported
        Map<Ltc, float[]> raw = new EnumMap<>(Ltc.class);
        for (Ltc t : Ltc.values()) {
            if (t.presentIn(spec)) {
                raw.put(t, r.take(t.tensor(s, n, outputDim)));
            }
        }
        inputW = raw.get(Ltc.INPUT_W);
        inputB = raw.get(Ltc.INPUT_B);
        outputW = raw.get(Ltc.OUTPUT_W);
        outputB = raw.get(Ltc.OUTPUT_B);

        gleak = positive(raw.get(Ltc.GLEAK), implicit);
        cm = positive(raw.get(Ltc.CM), implicit);
        float[] vleak = raw.get(Ltc.VLEAK);
        gleakVleak = new float[n];
        for (int j = 0; j < n; j++) {
            gleakVleak[j] = gleak[j] * vleak[j];
        }

        float[] sMask = raw.get(Ltc.SENSORY_SPARSITY_MASK);
        sRow = new int[n + 1];
        int sCount = countByDestination(sMask, s, n, sRow);
        sSrc = new int[sCount];
        sW = new float[sCount];
        sSigma = new float[sCount];
        sMu = new float[sCount];
        sErev = new float[sCount];
        gather(sMask, s, n, effW(positive(raw.get(Ltc.SENSORY_W), implicit), sMask), raw.get(Ltc.SENSORY_SIGMA),
                raw.get(Ltc.SENSORY_MU), raw.get(Ltc.SENSORY_EREV), sSrc, sW, sSigma, sMu, sErev);

        float[] mask = raw.get(Ltc.SPARSITY_MASK);
        row = new int[n + 1];
        int count = countByDestination(mask, n, n, row);
        src = new int[count];
        w = new float[count];
        sigma = new float[count];
        mu = new float[count];
        erev = new float[count];
        gather(mask, n, n, effW(positive(raw.get(Ltc.W), implicit), mask), raw.get(Ltc.SIGMA), raw.get(Ltc.MU),
                raw.get(Ltc.EREV), src, w, sigma, mu, erev);
    }

    private static float[] positive(float[] raw, boolean implicit) {
        float[] outArr = raw.clone();
        if (implicit) {
            for (int i = 0; i < outArr.length; i++) {
                outArr[i] = FastMath.softplus(raw[i]);
            }
        }
        return outArr;
    }

    private static float[] effW(float[] fw, float[] mask) {
        float[] e = new float[fw.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = fw[i] * mask[i];
        }
        return e;
    }

    private static int countByDestination(float[] mask, int sources, int dests, int[] rowStart) {
        int c = 0;
        for (int j = 0; j < dests; j++) {
            rowStart[j] = c;
            for (int i = 0; i < sources; i++) {
                if (mask[i * dests + j] != 0f) {
                    c++;
                }
            }
        }
        rowStart[dests] = c;
        return c;
    }

    private static void gather(float[] mask, int sources, int dests, float[] effW, float[] sig, float[] m, float[] ev,
                               int[] srcOut, float[] wOut, float[] sigOut, float[] muOut, float[] evOut) {
        int c = 0;
        for (int j = 0; j < dests; j++) {
            for (int i = 0; i < sources; i++) {
                int idx = i * dests + j;
                if (mask[idx] != 0f) {
                    srcOut[c] = i;
                    wOut[c] = effW[idx];
                    sigOut[c] = sig[idx];
                    muOut[c] = m[idx];
                    evOut[c] = ev[idx];
                    c++;
                }
            }
        }
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
    public int scratchSize() {
        return sensory + 5 * units;
    }

    /** Number of internal synapses actually computed (non-zero mask entries). */
    public int synapseCount() {
        return src.length;
    }

    /**
     * Number of sensory synapses actually computed (non-zero mask entries). ncps's
     * {@code LTCCell.sensory_synapse_count} returns the internal count instead (docs/NCPS.md#synapse-counts); we return
     * the real sensory count, as ncps's {@code Wiring.sensory_synapse_count} does.
     */
    public int sensorySynapseCount() {
        return sSrc.length;
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code dt} is this sample's own elapsed time. ncps's batched timespans are broken (docs/NCPS.md#timespans:
     * {@code cm / (ts / K)} broadcasts a (B,) vector over the neuron axis); we implement the
     * intended per-sample dt, which equals ncps wherever ncps works (B == 1 or all dt equal).
     *
     * <p>{@code tau}, when not null, receives the liquid time constant of every neuron (class Javadoc).
     */
    @Override
    public void step(float[] x, int xOff, float dt, float[] h, int hOff, float[] c, int cOff, float[] out,
                     int outOff, float[] tau, int tauOff, float[] s, Clamp clamp) {
        final int n = units;
        final int oNumS = sensory;
        final int oDenS = oNumS + n;
        final int oCmt = oDenS + n;
        int cur = oCmt + n;
        int nxt = cur + n;
        mapInputs(x, xOff, s);
        sensoryCurrents(s, oNumS, oDenS);
        // cm_t = f(cm) / float32(dt / K): a division, as torch does it, not cm * K / dt
        // (docs/NCPS.md#matching-ncps-numbers)
        float dtOverK = (float) ((double) dt / unfolds);
        for (int j = 0; j < n; j++) {
            s[oCmt + j] = cm[j] / dtOverK;
            s[cur + j] = h[hOff + j];
        }
        clamp.apply(s, cur);
        for (int u = 0; u < unfolds; u++) {
            for (int j = 0; j < n; j++) {
                float num = 0f;
                float den = 0f;
                for (int k = row[j], end = row[j + 1]; k < end; k++) {
                    float wa = w[k] * FastMath.sigmoid(sigma[k] * (s[cur + src[k]] - mu[k]));
                    num += wa * erev[k];
                    den += wa;
                }
                float denAll = den + s[oDenS + j];
                if (u == 0 && tau != null) {
                    tau[tauOff + j] = cm[j] / (gleak[j] + denAll);
                }
                float cmt = s[oCmt + j];
                s[nxt + j] = (cmt * s[cur + j] + gleakVleak[j] + (num + s[oNumS + j])) / (cmt + gleak[j] + denAll + epsilon);
            }
            clamp.apply(s, nxt);
            int t = cur;
            cur = nxt;
            nxt = t;
        }
        System.arraycopy(s, cur, h, hOff, n);
        readout(h, hOff, out, outOff);
    }

    /** {@inheritDoc} The motor neurons' states through the output mapping. */
    @Override
    public void readout(float[] h, int hOff, float[] out, int outOff) {
        // the motor neurons are ids 0..M-1; ncps slices them whatever the output mapping is
        for (int m = 0; m < motor; m++) {
            float v = h[hOff + m];
            if (outputW != null) {
                v *= outputW[m];
            }
            if (outputB != null) {
                v += outputB[m];
            }
            out[outOff + m] = v;
        }
    }

    private void mapInputs(float[] x, int xOff, float[] s) {
        for (int i = 0; i < sensory; i++) {
            float v = x[xOff + i];
            if (inputW != null) {
                v *= inputW[i];
            }
            if (inputB != null) {
                v += inputB[i];
            }
            s[i] = v;
        }
    }

    private void sensoryCurrents(float[] s, int oNumS, int oDenS) {
        for (int j = 0; j < units; j++) {
            float num = 0f;
            float den = 0f;
            for (int k = sRow[j], end = sRow[j + 1]; k < end; k++) {
                float wa = sW[k] * FastMath.sigmoid(sSigma[k] * (s[sSrc[k]] - sMu[k]));
                num += wa * sErev[k];
                den += wa;
            }
            s[oNumS + j] = num;
            s[oDenS + j] = den;
        }
    }

    /**
     * The synapses this cell computes, for views that draw them: internal ones first (pre-synaptic neuron id,
     * post-synaptic neuron id), then the sensory ones (input index, post-synaptic neuron id), each in the order
     * of {@link #synapseActivations}.
     *
     * @return {@code [k] = {source, dest, sensory ? 1 : 0, polarity}} with polarity the sign of the trained
     *         reversal potential (+1 excitatory, -1 inhibitory)
     */
    public int[][] synapseList() {
        int total = src.length + sSrc.length;
        int[][] list = new int[total][];
        int c = 0;
        for (int j = 0; j < units; j++) {
            for (int k = row[j]; k < row[j + 1]; k++) {
                list[c++] = new int[] {src[k], j, 0, erev[k] >= 0 ? 1 : -1};
            }
        }
        for (int j = 0; j < units; j++) {
            for (int k = sRow[j]; k < sRow[j + 1]; k++) {
                list[c++] = new int[] {sSrc[k], j, 1, sErev[k] >= 0 ? 1 : -1};
            }
        }
        return list;
    }

    /**
     * Each synapse's conductance w * sigmoid(sigma (pre - mu)) given the neurons' states {@code h} and the raw
     * inputs {@code x} (mapped here as the cell maps them), in the order of {@link #synapseList()}. This is
     * the synaptic activation the cell sums at the first unfold of a step that starts from {@code h}.
     */
    public void synapseActivations(float[] h, float[] x, int xOff, float[] out) {
        float[] mapped = new float[sensory];
        mapInputs(x, xOff, mapped);
        int c = 0;
        for (int j = 0; j < units; j++) {
            for (int k = row[j]; k < row[j + 1]; k++) {
                out[c++] = w[k] * FastMath.sigmoid(sigma[k] * (h[src[k]] - mu[k]));
            }
        }
        for (int j = 0; j < units; j++) {
            for (int k = sRow[j]; k < sRow[j + 1]; k++) {
                out[c++] = sW[k] * FastMath.sigmoid(sSigma[k] * (mapped[sSrc[k]] - sMu[k]));
            }
        }
    }

    /**
     * The internal synapses this cell computes, as a polarity matrix [source][dest]: where the checkpoint's
     * mask is set, the sign of the (trained) reversal potential erev (+1 for erev >= 0), else 0.
     */
    int[][] computedAdjacency() {
        return polarities(units, row, src, erev);
    }

    /** As {@link #computedAdjacency()} for the sensory synapses, [input][dest]. */
    int[][] computedSensoryAdjacency() {
        return polarities(sensory, sRow, sSrc, sErev);
    }

    private int[][] polarities(int sources, int[] rowStart, int[] source, float[] reversal) {
        int[][] m = new int[sources][units];
        for (int j = 0; j < units; j++) {
            for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                m[source[k]][j] = reversal[k] >= 0 ? 1 : -1;
            }
        }
        return m;
    }

    /** Adds this cell's parameters; {@code roles[j]} is the role of neuron j. */
    void count(ParameterCounts.Tally t, NeuronRole[] roles) {
        long n = units;
        long s = sensory;
        t.tensor(3 * n + 4 * n * n + 4 * s * n);
        for (int j = 0; j < units; j++) {
            long synapses = (row[j + 1] - row[j]) + (sRow[j + 1] - sRow[j]);
            t.neuron(roles[j], 3 + 4 * synapses);
        }
        countMapping(t, inputW, NeuronRole.SENSORY, null);
        countMapping(t, inputB, NeuronRole.SENSORY, null);
        countMapping(t, outputW, null, roles);
        countMapping(t, outputB, null, roles);
    }

    private static void countMapping(ParameterCounts.Tally t, float[] p, NeuronRole role, NeuronRole[] roles) {
        if (p == null) {
            return;
        }
        t.tensor(p.length);
        for (int i = 0; i < p.length; i++) {
            t.neuron(role != null ? role : roles[i], 1);
        }
    }
}
