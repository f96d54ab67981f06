package io.liquidlens.model;

/**
 * Steps a bare LTC model (no head, no mixed memory, no projection, no clamp) for up to {@link #lanes()}
 * independent sequences at once, every array laid out feature-major with the lane innermost
 * ({@code x[i * lanes + b]}). Each synapse's term is computed for all lanes in one loop without a carried
 * dependency, so the processor overlaps the lanes' sigmoids; every lane sees exactly the operations of
 * {@link LtcCell#step} in the same order, so its numbers are identical to its sequence run alone. Holds its
 * own scratch: one per thread.
 */
public final class LtcLanes {
    private final LtcCell c;
    private final int lanes;
    /** Mapped inputs [S][lanes], then the sensory sums, cm_t and two state buffers [N][lanes], then one row of sums. */
    private final float[] s;

    LtcLanes(LtcCell cell, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be positive, got " + lanes);
        }
        this.c = cell;
        this.lanes = lanes;
        this.s = new float[(cell.sensory + 5 * cell.units + 2) * lanes];
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
        final int nl = n * lanes;
        final int oNumS = c.sensory * lanes;
        final int oDenS = oNumS + nl;
        final int oCmt = oDenS + nl;
        final int oNum = oCmt + nl;
        final int oDen = oNum + lanes;
        int cur = oDen + lanes;
        int nxt = cur + nl;
        mapInputs(x);
        for (int j = 0; j < n; j++) {
            synapseSums(0, c.sRow[j], c.sRow[j + 1], c.sSrc, c.sW, c.sSigma, c.sMu, c.sErev, oNumS + j * lanes,
                    oDenS + j * lanes);
        }
        for (int b = 0; b < lanes; b++) {
            // as in LtcCell.step: a division by float32(dt / K)
            float dtOverK = (float) ((double) dt[b] / c.unfolds);
            for (int j = 0; j < n; j++) {
                s[oCmt + j * lanes + b] = c.cm[j] / dtOverK;
            }
        }
        System.arraycopy(h, 0, s, cur, nl);
        for (int u = 0; u < c.unfolds; u++) {
            for (int j = 0; j < n; j++) {
                synapseSums(cur, c.row[j], c.row[j + 1], c.src, c.w, c.sigma, c.mu, c.erev, oNum, oDen);
                final int jl = j * lanes;
                final float gl = c.gleak[j];
                final float glVl = c.gleakVleak[j];
                for (int b = 0; b < lanes; b++) {
                    float denAll = s[oDen + b] + s[oDenS + jl + b];
                    if (u == 0 && tau != null) {
                        tau[jl + b] = c.cm[j] / (gl + denAll);
                    }
                    float cmt = s[oCmt + jl + b];
                    s[nxt + jl + b] = (cmt * s[cur + jl + b] + glVl + (s[oNum + b] + s[oNumS + jl + b]))
                            / (cmt + gl + denAll + c.epsilon);
                }
            }
            int t = cur;
            cur = nxt;
            nxt = t;
        }
        System.arraycopy(s, cur, h, 0, nl);
        readout(h, out);
    }

    private void mapInputs(float[] x) {
        for (int i = 0; i < c.sensory; i++) {
            for (int b = 0; b < lanes; b++) {
                float v = x[i * lanes + b];
                if (c.inputW != null) {
                    v *= c.inputW[i];
                }
                if (c.inputB != null) {
                    v += c.inputB[i];
                }
                s[i * lanes + b] = v;
            }
        }
    }

    /**
     * One destination's synapses [from, to) summed for every lane, in increasing synapse order as in
     * {@link LtcCell#step}: presynaptic values at {@code s[oPre..]}, sums into {@code s[oNum..]} and
     * {@code s[oDen..]}.
     */
    private void synapseSums(int oPre, int from, int to, int[] source, float[] wk, float[] sig, float[] m,
                             float[] ev, int oNum, int oDen) {
        for (int b = 0; b < lanes; b++) {
            s[oNum + b] = 0f;
            s[oDen + b] = 0f;
        }
        for (int k = from; k < to; k++) {
            final int pre = oPre + source[k] * lanes;
            final float wK = wk[k];
            final float sigK = sig[k];
            final float muK = m[k];
            final float evK = ev[k];
            for (int b = 0; b < lanes; b++) {
                float wa = wK * FastMath.sigmoid(sigK * (s[pre + b] - muK));
                s[oNum + b] += wa * evK;
                s[oDen + b] += wa;
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
