package io.liquidlens.head;

import java.util.Arrays;

/**
 * One conv2d layer's geometry on its input, and its arithmetic in float and double.
 *
 * <p>The convolution is done one kernel tap at a time: for input channel c and tap (ky, kx), the
 * input values that tap sees at every output position are gathered into a row of H_out*W_out values
 * (zeros where the tap falls in the padding); every output channel then adds weight * row to its plane.
 * The inner loops run over contiguous rows, which the JIT vectorises, and the row is the only buffer
 * needed (unlike a full im2col matrix). The backward pass reuses the same rows.
 */
final class ConvGeometry {
    final int inC;
    final int inH;
    final int inW;
    final int outC;
    final int outH;
    final int outW;
    final int kh;
    final int kw;
    final int sh;
    final int sw;
    final int ph;
    final int pw;
    /** Output positions per channel. */
    final int plane;
    /** Weights per output channel (inC * kh * kw). */
    final int taps;
    private final int[] oyLo;
    private final int[] oyHi;
    private final int[] oxLo;
    private final int[] oxHi;

    ConvGeometry(LayerSpec.Conv2d c, FeatureShape in) {
        FeatureShape out = c.outputShape(in);
        inC = in.channels();
        inH = in.height();
        inW = in.width();
        outC = out.channels();
        outH = out.height();
        outW = out.width();
        kh = c.kernelH();
        kw = c.kernelW();
        sh = c.strideH();
        sw = c.strideW();
        ph = c.padH();
        pw = c.padW();
        plane = outH * outW;
        taps = inC * kh * kw;
        oyLo = new int[kh];
        oyHi = new int[kh];
        for (int ky = 0; ky < kh; ky++) {
            oyLo[ky] = validLo(ky, ph, sh);
            oyHi[ky] = Math.max(oyLo[ky], validHi(ky, ph, sh, inH, outH));
        }
        oxLo = new int[kw];
        oxHi = new int[kw];
        for (int kx = 0; kx < kw; kx++) {
            oxLo[kx] = validLo(kx, pw, sw);
            oxHi[kx] = Math.max(oxLo[kx], validHi(kx, pw, sw, inW, outW));
        }
    }

    /** First output index whose input index o*stride - pad + k is >= 0. */
    private static int validLo(int k, int pad, int stride) {
        return Math.max(0, -Math.floorDiv(k - pad, stride));
    }

    /** One past the last output index whose input index is < size. */
    private static int validHi(int k, int pad, int stride, int size, int outSize) {
        return Math.min(outSize, Math.floorDiv(size - 1 + pad - k, stride) + 1);
    }

    private int inputRowStart(int xo, int c, int ky, int kx, int oy) {
        return xo + (c * inH + oy * sh - ph + ky) * inW - pw + kx;
    }

    /** The values tap (c, ky, kx) sees at every output position, into row[0, plane). */
    void gather(float[] x, int xo, int c, int ky, int kx, float[] row) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = 0; oy < outH; oy++) {
            int base = oy * outW;
            if (oy < oyLo[ky] || oy >= oyHi[ky]) {
                Arrays.fill(row, base, base + outW, 0f);
                continue;
            }
            Arrays.fill(row, base, base + lo, 0f);
            Arrays.fill(row, base + hi, base + outW, 0f);
            int src = inputRowStart(xo, c, ky, kx, oy);
            if (sw == 1) {
                System.arraycopy(x, src + lo, row, base + lo, hi - lo);
            } else {
                for (int ox = lo; ox < hi; ox++) {
                    row[base + ox] = x[src + ox * sw];
                }
            }
        }
    }

    /** Double twin of {@link #gather(float[], int, int, int, int, float[])}. */
    void gather(double[] x, int xo, int c, int ky, int kx, double[] row) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = 0; oy < outH; oy++) {
            int base = oy * outW;
            if (oy < oyLo[ky] || oy >= oyHi[ky]) {
                Arrays.fill(row, base, base + outW, 0.0);
                continue;
            }
            Arrays.fill(row, base, base + lo, 0.0);
            Arrays.fill(row, base + hi, base + outW, 0.0);
            int src = inputRowStart(xo, c, ky, kx, oy);
            if (sw == 1) {
                System.arraycopy(x, src + lo, row, base + lo, hi - lo);
            } else {
                for (int ox = lo; ox < hi; ox++) {
                    row[base + ox] = x[src + ox * sw];
                }
            }
        }
    }

    /** The adjoint of gather: adds row (one value per output position) to the input positions tap (c, ky, kx) saw. */
    void scatterAdd(double[] row, double[] dx, int dxo, int c, int ky, int kx) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = oyLo[ky]; oy < oyHi[ky]; oy++) {
            int base = oy * outW;
            int dst = inputRowStart(dxo, c, ky, kx, oy);
            for (int ox = lo; ox < hi; ox++) {
                dx[dst + ox * sw] += row[base + ox];
            }
        }
    }

    /** y = conv(x) + b in float32; w is (outC, inC, kh, kw) at wo, b (outC) at bo or null. */
    void forward(float[] w, int wo, float[] b, int bo, float[] x, int xo, float[] y, int yo, float[] row) {
        for (int o = 0; o < outC; o++) {
            Arrays.fill(y, yo + o * plane, yo + (o + 1) * plane, b == null ? 0f : b[bo + o]);
        }
        for (int c = 0; c < inC; c++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    gather(x, xo, c, ky, kx, row);
                    int tap = wo + (c * kh + ky) * kw + kx;
                    for (int o = 0; o < outC; o++) {
                        float wk = w[tap + o * taps];
                        int yb = yo + o * plane;
                        for (int j = 0; j < plane; j++) {
                            y[yb + j] += wk * row[j];
                        }
                    }
                }
            }
        }
    }

    /** y = conv(x) + b in double; weights at wo and bias at bo (bo < 0: no bias) in {@code values}. */
    void forward(double[] values, int wo, int bo, double[] x, int xo, double[] y, int yo, double[] row) {
        for (int o = 0; o < outC; o++) {
            Arrays.fill(y, yo + o * plane, yo + (o + 1) * plane, bo < 0 ? 0.0 : values[bo + o]);
        }
        for (int c = 0; c < inC; c++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    gather(x, xo, c, ky, kx, row);
                    int tap = wo + (c * kh + ky) * kw + kx;
                    for (int o = 0; o < outC; o++) {
                        double wk = values[tap + o * taps];
                        int yb = yo + o * plane;
                        for (int j = 0; j < plane; j++) {
                            y[yb + j] += wk * row[j];
                        }
                    }
                }
            }
        }
    }

    /**
     * Backward of {@link #forward(double[], int, int, double[], int, double[], int, double[])}: given dy
     * (outC x plane at dyo), adds dL/dw and dL/db to {@code grad} (same offsets as in values) and, when dx
     * is not null, overwrites dx (the input's layout at dxo) with dL/dx. {@code row} and {@code drow}
     * hold {@link #plane} values each.
     */
    void backward(double[] values, int wo, int bo, double[] x, int xo, double[] dy, int dyo, double[] dx, int dxo,
                  double[] grad, double[] row, double[] drow) {
        if (bo >= 0) {
            for (int o = 0; o < outC; o++) {
                double s = 0;
                int yb = dyo + o * plane;
                for (int j = 0; j < plane; j++) {
                    s += dy[yb + j];
                }
                grad[bo + o] += s;
            }
        }
        if (dx != null) {
            Arrays.fill(dx, dxo, dxo + inC * inH * inW, 0.0);
        }
        for (int c = 0; c < inC; c++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    gather(x, xo, c, ky, kx, row);
                    int tap = wo + (c * kh + ky) * kw + kx;
                    if (dx != null) {
                        Arrays.fill(drow, 0, plane, 0.0);
                    }
                    for (int o = 0; o < outC; o++) {
                        int yb = dyo + o * plane;
                        double s = 0;
                        for (int j = 0; j < plane; j++) {
                            s += dy[yb + j] * row[j];
                        }
                        grad[tap + o * taps] += s;
                        if (dx != null) {
                            double wk = values[tap + o * taps];
                            for (int j = 0; j < plane; j++) {
                                drow[j] += wk * dy[yb + j];
                            }
                        }
                    }
                    if (dx != null) {
                        scatterAdd(drow, dx, dxo, c, ky, kx);
                    }
                }
            }
        }
    }
}
