package io.liquidlens.head;

import java.util.Arrays;

/**
 * Linear maps applied block by block: block c of {@code in} inputs goes through its own (out x in)
 * matrix to {@code out} outputs. One block is torch's {@code nn.Linear}; one block per channel of a map is
 * the NCP paper's per-channel linear layer. Weight (blocks, out, in), bias (blocks, out).
 */
final class BlockLinear {
    final int blocks;
    final int in;
    final int out;

    BlockLinear(int blocks, int in, int out) {
        this.blocks = blocks;
        this.in = in;
        this.out = out;
    }

    static BlockLinear of(LayerSpec layer) {
        if (layer instanceof LayerSpec.Linear l) {
            return new BlockLinear(1, l.in(), l.out());
        }
        LayerSpec.ChannelLinear l = (LayerSpec.ChannelLinear) layer;
        return new BlockLinear(l.channels(), l.in(), l.out());
    }

    void forward(float[] w, int wo, float[] b, int bo, float[] x, int xo, float[] y, int yo) {
        for (int c = 0; c < blocks; c++) {
            int xb = xo + c * in;
            for (int o = 0; o < out; o++) {
                int unit = c * out + o;
                int wr = wo + unit * in;
                float s = 0f;
                for (int i = 0; i < in; i++) {
                    s += w[wr + i] * x[xb + i];
                }
                y[yo + unit] = s + (b == null ? 0f : b[bo + unit]);
            }
        }
    }

    void forward(double[] values, int wo, int bo, double[] x, int xo, double[] y, int yo) {
        for (int c = 0; c < blocks; c++) {
            int xb = xo + c * in;
            for (int o = 0; o < out; o++) {
                int unit = c * out + o;
                int wr = wo + unit * in;
                double s = 0;
                for (int i = 0; i < in; i++) {
                    s += values[wr + i] * x[xb + i];
                }
                y[yo + unit] = s + (bo < 0 ? 0.0 : values[bo + unit]);
            }
        }
    }

    /** Adds dL/dw, dL/db to grad; overwrites dx (when not null) with dL/dx. */
    void backward(double[] values, int wo, int bo, double[] x, int xo, double[] dy, int dyo, double[] dx, int dxo,
                  double[] grad) {
        if (dx != null) {
            Arrays.fill(dx, dxo, dxo + blocks * in, 0.0);
        }
        for (int c = 0; c < blocks; c++) {
            int xb = xo + c * in;
            for (int o = 0; o < out; o++) {
                int unit = c * out + o;
                double g = dy[dyo + unit];
                if (bo >= 0) {
                    grad[bo + unit] += g;
                }
                int wr = wo + unit * in;
                for (int i = 0; i < in; i++) {
                    grad[wr + i] += g * x[xb + i];
                }
                if (dx != null) {
                    int db = dxo + c * in;
                    for (int i = 0; i < in; i++) {
                        dx[db + i] += values[wr + i] * g;
                    }
                }
            }
        }
    }
}
