package io.liquidlens.model;

/**
 * Steps a bare LTC model (no head, no mixed memory, no projection, no clamp) for up to {@link #lanes()}
 * independent sequences at once, every array laid out feature-major with the lane innermost
 * ({@code x[i * lanes + b]}). Every lane sees exactly the operations of {@link LtcCell#step} in the same order,
 * so its numbers are identical to its sequence run alone.
 *
 * <p>The speed comes from C2's superword pass (docs/DESIGN.md#the-jits-vectoriser): each loop indexes all its
 * arrays by the same expression, so the per-lane rows are arrays of their own ({@code float[neuron][lane]}),
 * and data moves between a row and a flat run with {@link System#arraycopy}. The sigmoids of one destination
 * neuron's synapses, every lane of every synapse, are one flat run of a few hundred floats for
 * {@link LaneSigmoid}: long enough that its vector loops, not their scalar ends, do the work. Holds its own
 * scratch: one per thread.
 */
public final class LtcLanes {
    private final LtcCell c;
    private final int lanes;
    private final float[][] mapped;
    private final float[][] numS;
    private final float[][] denS;
    private final float[][] cmt;
    private float[][] cur;
    private float[][] nxt;
    private final float[] dtOverK;
    private final float[] num;
    private final float[] den;
    private final float[] row;
    /** Sigmoid arguments, then sigmoids, of one destination's synapses: [synapse][lane] flat. */
    private final float[] run;
    private final LaneSigmoid sigmoid;

    LtcLanes(LtcCell cell, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be positive, got " + lanes);
        }
        this.c = cell;
        this.lanes = lanes;
        int n = cell.units;
        mapped = new float[cell.sensory][lanes];
        numS = new float[n][lanes];
        denS = new float[n][lanes];
        cmt = new float[n][lanes];
        cur = new float[n][lanes];
        nxt = new float[n][lanes];
        dtOverK = new float[lanes];
        num = new float[lanes];
        den = new float[lanes];
        row = new float[lanes];
        int widest = Math.max(widestRow(cell.sRow), widestRow(cell.row));
        run = new float[Math.max(1, widest) * lanes];
        sigmoid = new LaneSigmoid(run.length);
    }

    private static int widestRow(int[] rowStart) {
        int w = 0;
        for (int j = 0; j + 1 < rowStart.length; j++) {
            w = Math.max(w, rowStart[j + 1] - rowStart[j]);
        }
        return w;
    }

    /** Number of sequences stepped together. */
    public int lanes() {
        return lanes;
    }

    /**
     * Advances every lane by one step.
     *
     * @param x   inputs [S][lanes]
     * @param dt  each lane's elapsed time [lanes]
     * @param h   states [N][lanes], replaced
     * @param out receives the outputs [M][lanes]
     * @param tau null, or receives the liquid time constants [N][lanes]
     */
    public void step(float[] x, float[] dt, float[] h, float[] out, float[] tau) {
        final int n = c.units;
        mapInputs(x);
        for (int j = 0; j < n; j++) {
            synapseSums(mapped, c.sRow[j], c.sRow[j + 1], c.sSrc, c.sW, c.sSigma, c.sMu, c.sErev);
            System.arraycopy(num, 0, numS[j], 0, lanes);
            System.arraycopy(den, 0, denS[j], 0, lanes);
        }
        for (int b = 0; b < lanes; b++) {
            // as in LtcCell.step: a division by float32(dt / K)
            dtOverK[b] = (float) ((double) dt[b] / c.unfolds);
        }
        for (int j = 0; j < n; j++) {
            final float cmJ = c.cm[j];
            final float[] cmtJ = cmt[j];
            for (int b = 0; b < lanes; b++) {
                cmtJ[b] = cmJ / dtOverK[b];
            }
            System.arraycopy(h, j * lanes, cur[j], 0, lanes);
        }
        for (int u = 0; u < c.unfolds; u++) {
            for (int j = 0; j < n; j++) {
                synapseSums(cur, c.row[j], c.row[j + 1], c.src, c.w, c.sigma, c.mu, c.erev);
                if (u == 0 && tau != null) {
                    liquidTimeConstants(j);
                    System.arraycopy(row, 0, tau, j * lanes, lanes);
                }
                update(j);
            }
            float[][] t = cur;
            cur = nxt;
            nxt = t;
        }
        for (int j = 0; j < n; j++) {
            System.arraycopy(cur[j], 0, h, j * lanes, lanes);
        }
        readout(h, out);
    }

    private void mapInputs(float[] x) {
        for (int i = 0; i < c.sensory; i++) {
            final float[] v = mapped[i];
            System.arraycopy(x, i * lanes, v, 0, lanes);
            if (c.inputW != null) {
                final float wI = c.inputW[i];
                for (int b = 0; b < lanes; b++) {
                    v[b] *= wI;
                }
            }
            if (c.inputB != null) {
                final float bI = c.inputB[i];
                for (int b = 0; b < lanes; b++) {
                    v[b] += bI;
                }
            }
        }
    }

    /** tau = cm / (gleak + den + den_s) of neuron j for every lane, into {@link #row}, as {@link LtcCell#step}. */
    private void liquidTimeConstants(int j) {
        final float cmJ = c.cm[j];
        final float gl = c.gleak[j];
        final float[] dS = denS[j];
        for (int b = 0; b < lanes; b++) {
            row[b] = cmJ / (gl + (den[b] + dS[b]));
        }
    }

    /** Neuron j's next state in every lane, from {@link #num} and {@link #den}, in LtcCell.step's order. */
    private void update(int j) {
        final float gl = c.gleak[j];
        final float glVl = c.gleakVleak[j];
        final float eps = c.epsilon;
        final float[] cmtJ = cmt[j];
        final float[] v = cur[j];
        final float[] nS = numS[j];
        final float[] dS = denS[j];
        final float[] next = nxt[j];
        for (int b = 0; b < lanes; b++) {
            float denAll = den[b] + dS[b];
            float ct = cmtJ[b];
            next[b] = (ct * v[b] + glVl + (num[b] + nS[b])) / (ct + gl + denAll + eps);
        }
    }

    /**
     * One destination's synapses [from, to) summed into {@link #num} and {@link #den} for every lane, in
     * increasing synapse order as in {@link LtcCell#step}, the presynaptic values taken from {@code pre}.
     */
    private void synapseSums(float[][] pre, int from, int to, int[] source, float[] wk, float[] sig, float[] m,
                             float[] ev) {
        final int len = (to - from) * lanes;
        for (int k = from; k < to; k++) {
            final int start = (k - from) * lanes;
            final float sigK = sig[k];
            final float muK = m[k];
            System.arraycopy(pre[source[k]], 0, run, start, lanes);
            for (int i = start; i < start + lanes; i++) {
                run[i] = sigK * (run[i] - muK);
            }
        }
        sigmoid.apply(run, len);
        for (int b = 0; b < lanes; b++) {
            num[b] = 0f;
            den[b] = 0f;
        }
        for (int k = from; k < to; k++) {
            final float wK = wk[k];
            final float evK = ev[k];
            System.arraycopy(run, (k - from) * lanes, row, 0, lanes);
            // two loops, each writing one array: a loop writing two fell back to scalar code when measured
            for (int b = 0; b < lanes; b++) {
                num[b] += wK * row[b] * evK;
            }
            for (int b = 0; b < lanes; b++) {
                den[b] += wK * row[b];
            }
        }
    }

    /** The motor neurons (ids 0..M-1) through the output mapping, as {@link LtcCell#readout}. */
    private void readout(float[] h, float[] out) {
        for (int m = 0; m < c.motor; m++) {
            for (int b = 0; b < lanes; b++) {
                float v = h[m * lanes + b];
                if (c.outputW != null) {
                    v *= c.outputW[m];
                }
                if (c.outputB != null) {
                    v += c.outputB[m];
                }
                out[m * lanes + b] = v;
            }
        }
    }
}
