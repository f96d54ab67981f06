package io.liquidlens.head;

import java.util.Arrays;

/**
 * The kernels of {@link BatchedInputGradient}: a convolution over a batch of frames as one product of the weights
 * with the patches of every frame side by side ({@code cols}: one row per tap; {@code wide}: one row per output
 * channel, both as long as the batch times the output positions), its transpose for the input gradient, and the
 * linear layers' input gradient. Stateless; the caller owns the buffers.
 */
final class BatchedConv {
    private BatchedConv() {
    }

    /** y = conv(x) + bias for every frame: the weights times the patches of all frames side by side. */
    static void forward(ConvGeometry g, float[] w, int wo, int bo, float[] x, float[] y, int count, float[][] cols,
                        float[][] wide) {
        int frameIn = g.inC * g.inH * g.inW;
        for (int b = 0; b < count; b++) {
            for (int c = 0, t = 0; c < g.inC; c++) {
                for (int ky = 0; ky < g.kh; ky++) {
                    for (int kx = 0; kx < g.kw; kx++, t++) {
                        if (ky < g.sh || g.outH < 2) {
                            g.gatherInto(x, b * frameIn, c, ky, kx, cols[t], b * g.plane, 0);
                        } else {
                            // tap ky at output row oy reads the input row tap ky - sh reads at oy + 1: one block copy
                            System.arraycopy(cols[t - g.sh * g.kw], b * g.plane + g.outW, cols[t], b * g.plane,
                                    g.plane - g.outW);
                            g.gatherInto(x, b * frameIn, c, ky, kx, cols[t], b * g.plane, g.outH - 1);
                        }
                    }
                }
            }
        }
        int width = count * g.plane;
        for (int o = 0; o < g.outC; o++) {
            Arrays.fill(wide[o], 0, width, bo < 0 ? 0f : w[bo + o]);
        }
        RowGemm.add(w, wo, g.outC, g.taps, cols, width, wide);
        // (out, frame, position) to each frame's (out, position)
        int frameOut = g.outC * g.plane;
        for (int o = 0; o < g.outC; o++) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(wide[o], b * g.plane, y, b * frameOut + o * g.plane, g.plane);
            }
        }
    }

    /** dx of every frame from dy of every frame: the transposed weights times dy, scattered back onto the inputs. */
    static void backward(ConvGeometry g, float[] w, int wo, float[] dy, float[] dx, int count, float[][] cols,
                         float[][] wide, float[] wT) {
        int width = count * g.plane;
        int frameOut = g.outC * g.plane;
        for (int o = 0; o < g.outC; o++) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(dy, b * frameOut + o * g.plane, wide[o], b * g.plane, g.plane);
            }
        }
        for (int o = 0; o < g.outC; o++) {
            for (int t = 0; t < g.taps; t++) {
                wT[t * g.outC + o] = w[wo + o * g.taps + t];
            }
        }
        for (int t = 0; t < g.taps; t++) {
            Arrays.fill(cols[t], 0, width, 0f);
        }
        RowGemm.add(wT, 0, g.taps, g.outC, wide, width, cols);
        int frameIn = g.inC * g.inH * g.inW;
        Arrays.fill(dx, 0, count * frameIn, 0f);
        for (int b = 0; b < count; b++) {
            for (int c = 0, t = 0; c < g.inC; c++) {
                for (int ky = 0; ky < g.kh; ky++) {
                    for (int kx = 0; kx < g.kw; kx++, t++) {
                        g.scatterAdd(cols[t], b * g.plane, dx, b * frameIn, c, ky, kx);
                    }
                }
            }
        }
    }

    static void linearBackward(BlockLinear l, float[] w, int wo, float[] dy, int dyo, float[] dx, int dxo) {
        Arrays.fill(dx, dxo, dxo + l.blocks * l.in, 0f);
        for (int c = 0; c < l.blocks; c++) {
            int db = dxo + c * l.in;
            for (int o = 0; o < l.out; o++) {
                int unit = c * l.out + o;
                float g = dy[dyo + unit];
                int wr = wo + unit * l.in;
                for (int i = 0; i < l.in; i++) {
                    dx[db + i] += w[wr + i] * g;
                }
            }
        }
    }
}
