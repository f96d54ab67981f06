package io.liquidlens.head;

import java.util.Arrays;

/**
 * The weight and bias gradients of a batch of frames in float32, added into a double gradient vector one frame at
 * a time (so a sum never runs in float over more than one frame's positions). The buffers belong to one thread.
 *
 * <p>Why the patches are transposed to one position per row: dL/dW of a convolution is dy (out x positions) times the patches
 * (positions x taps). Dotting a dy row with a patch row keeps one scalar accumulator, which C2 does not vectorise
 * (a third of the speed when measured); with the frame's patches held one position per row, each weight row
 * instead gains four positions' patch rows a pass, scaled by dy: {@link RowGemm}'s multiply-add along the taps,
 * which the JIT turns into vector instructions.
 */
final class WeightGradients {
    /** Positions per block: their patch rows (up to 600 taps) and a weight row stay in L2 while each output row passes. */
    private static final int POSITION_BLOCK = 48;

    /** Per conv layer: one frame's patches, one row per output position. */
    private final float[][][] patches;
    /** Per conv layer: one frame's weight gradient, one row per output channel. */
    private final float[][][] rows;

    WeightGradients(ConvGeometry[] convs) {
        patches = new float[convs.length][][];
        rows = new float[convs.length][][];
        for (int i = 0; i < convs.length; i++) {
            if (convs[i] != null) {
                patches[i] = new float[convs[i].plane][convs[i].taps];
                rows[i] = new float[convs[i].outC][convs[i].taps];
            }
        }
    }

    /**
     * Adds dL/dW (at {@code wo}) and dL/db (at {@code bo}, none when negative) of conv layer {@code layer} to
     * {@code grad}, given dy of frame b at {@code dy[b * outC * plane..]} and the patches the forward pass gathered,
     * {@code cols[tap][b * plane + position]}.
     */
    void conv(int layer, ConvGeometry g, float[][] cols, float[] dy, int count, double[] grad, int wo, int bo) {
        float[][] patch = patches[layer];
        float[][] dw = rows[layer];
        int frameOut = g.outC * g.plane;
        for (int b = 0; b < count; b++) {
            int yo = b * frameOut;
            if (bo >= 0) {
                for (int o = 0; o < g.outC; o++) {
                    double s = 0;
                    for (int p = 0; p < g.plane; p++) {
                        s += dy[yo + o * g.plane + p];
                    }
                    grad[bo + o] += s;
                }
            }
            transpose(cols, b * g.plane, g.taps, g.plane, patch);
            for (int o = 0; o < g.outC; o++) {
                Arrays.fill(dw[o], 0f);
            }
            for (int p0 = 0; p0 < g.plane; p0 += POSITION_BLOCK) {
                int p1 = Math.min(g.plane, p0 + POSITION_BLOCK);
                int p4 = p0 + (p1 - p0) / 4 * 4;
                for (int o = 0; o < g.outC; o++) {
                    float[] row = dw[o];
                    int yr = yo + o * g.plane;
                    for (int p = p0; p < p4; p += 4) {
                        RowGemm.addFour(row, dy[yr + p], patch[p], dy[yr + p + 1], patch[p + 1], dy[yr + p + 2],
                                patch[p + 2], dy[yr + p + 3], patch[p + 3], 0, g.taps);
                    }
                    for (int p = p4; p < p1; p++) {
                        RowGemm.addOne(row, dy[yr + p], patch[p], 0, g.taps);
                    }
                }
            }
            for (int o = 0; o < g.outC; o++) {
                float[] row = dw[o];
                int wr = wo + o * g.taps;
                for (int t = 0; t < g.taps; t++) {
                    grad[wr + t] += row[t];
                }
            }
        }
    }

    /**
     * {@code to[p][t] = from[t][fo + p]} for t < rows, p < columns, eight rows at a time held in locals, so both the
     * reads and the writes run along arrays (one row at a time, the writes would touch a new array per value; a
     * loop over a tile of rows reloads each row's array for every value, twice the time when measured).
     */
    private static void transpose(float[][] from, int fo, int rows, int columns, float[][] to) {
        int t8 = rows / 8 * 8;
        for (int t = 0; t < t8; t += 8) {
            float[] f0 = from[t];
            float[] f1 = from[t + 1];
            float[] f2 = from[t + 2];
            float[] f3 = from[t + 3];
            float[] f4 = from[t + 4];
            float[] f5 = from[t + 5];
            float[] f6 = from[t + 6];
            float[] f7 = from[t + 7];
            for (int p = 0; p < columns; p++) {
                float[] row = to[p];
                int at = fo + p;
                row[t] = f0[at];
                row[t + 1] = f1[at];
                row[t + 2] = f2[at];
                row[t + 3] = f3[at];
                row[t + 4] = f4[at];
                row[t + 5] = f5[at];
                row[t + 6] = f6[at];
                row[t + 7] = f7[at];
            }
        }
        for (int t = t8; t < rows; t++) {
            float[] f = from[t];
            for (int p = 0; p < columns; p++) {
                to[p][t] = f[fo + p];
            }
        }
    }

    /**
     * Adds dL/dW and dL/db of a block-linear layer to {@code grad} for every frame, given its input x of frame b at
     * {@code x[b * blocks * in..]} and dy at {@code dy[b * blocks * out..]}.
     */
    static void linear(BlockLinear l, float[] x, float[] dy, int count, double[] grad, int wo, int bo) {
        int xs = l.blocks * l.in;
        int ys = l.blocks * l.out;
        for (int b = 0; b < count; b++) {
            for (int c = 0; c < l.blocks; c++) {
                int xb = b * xs + c * l.in;
                for (int o = 0; o < l.out; o++) {
                    int unit = c * l.out + o;
                    float d = dy[b * ys + unit];
                    if (bo >= 0) {
                        grad[bo + unit] += d;
                    }
                    int wr = wo + unit * l.in;
                    for (int i = 0; i < l.in; i++) {
                        grad[wr + i] += (double) (d * x[xb + i]);
                    }
                }
            }
        }
    }
}
