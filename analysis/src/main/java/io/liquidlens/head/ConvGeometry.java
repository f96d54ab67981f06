package io.liquidlens.head;

import java.util.Arrays;

/**
 * One conv2d layer's geometry on its input, and its arithmetic in float and double.
 *
 * <p>Forward in float32: what each tap sees at every output position is copied into a row of its own
 * (im2col as taps x positions, zeros where a tap falls in the padding), and each output channel's row is
 * the weight row (torch's (out, in, kh, kw) layout is already (out x taps)) times those rows, done by
 * {@link RowGemm}. Forward in double: the patches are (positions x taps) and each output value is the dot
 * product of a weight row with a patch row, done by {@link Gemm}.
 * Backward: the weight gradient is dy (out x positions) against the (taps x positions) matrix, and the
 * input gradient goes back through the transposed weights into a (taps x positions) matrix whose rows
 * are scattered onto the input positions they came from (col2im).
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

    /** The values tap (c, ky, kx) sees at every output position, into row[ro, ro + plane); zeros in the padding. */
    void gatherInto(double[] x, int xo, int c, int ky, int kx, double[] row, int ro) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = 0; oy < outH; oy++) {
            int base = ro + oy * outW;
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

    /** The adjoint of gatherInto: adds row[ro..] (one value per output position) to the input positions tap (c, ky, kx) saw. */
    void scatterAdd(double[] row, int ro, double[] dx, int dxo, int c, int ky, int kx) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = oyLo[ky]; oy < oyHi[ky]; oy++) {
            int base = ro + oy * outW;
            int dst = inputRowStart(dxo, c, ky, kx, oy);
            for (int ox = lo; ox < hi; ox++) {
                dx[dst + ox * sw] += row[base + ox];
            }
        }
    }

    /**
     * {@link #gatherInto(double[], int, int, int, int, double[], int)} in float32, from output row {@code fromRow}
     * on (the batched head copies the rows before it from the tap one stride above).
     */
    void gatherInto(float[] x, int xo, int c, int ky, int kx, float[] row, int ro, int fromRow) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = fromRow; oy < outH; oy++) {
            int base = ro + oy * outW;
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

    /** {@link #scatterAdd(double[], int, double[], int, int, int, int)} in float32. */
    void scatterAdd(float[] row, int ro, float[] dx, int dxo, int c, int ky, int kx) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = oyLo[ky]; oy < oyHi[ky]; oy++) {
            int base = ro + oy * outW;
            int dst = inputRowStart(dxo, c, ky, kx, oy);
            for (int ox = lo; ox < hi; ox++) {
                dx[dst + ox * sw] += row[base + ox];
            }
        }
    }

    /** Values of the (positions x taps) patch matrix. */
    int patchSize() {
        return plane * taps;
    }

    /** The patch each output position sees, row by row: patches[p * taps + t], zeros in the padding. */
    void im2colT(double[] x, int xo, double[] patches) {
        int at = 0;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                int ix0 = ox * sw - pw;
                for (int c = 0; c < inC; c++) {
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = oy * sh - ph + ky;
                        boolean inside = iy >= 0 && iy < inH;
                        int src = xo + (c * inH + iy) * inW + ix0;
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = ix0 + kx;
                            patches[at++] = inside && ix >= 0 && ix < inW ? x[src + kx] : 0.0;
                        }
                    }
                }
            }
        }
    }

    /**
     * y = conv(x) + b in float32; w is (outC, inC, kh, kw) at wo, b (outC) at bo or null. {@code cols}
     * holds {@link #taps} rows and {@code rows} {@link #outC} rows of at least {@link #plane} values each;
     * {@code cols} starts as zeros and is used by this layer only (its padding entries are never written).
     */
    void forward(float[] w, int wo, float[] b, int bo, float[] x, int xo, float[] y, int yo, float[][] cols,
                 float[][] rows) {
        for (int c = 0, t = 0; c < inC; c++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++, t++) {
                    if (ky < sh) {
                        gatherInsideInto(x, xo, c, ky, kx, cols[t], 0);
                    } else {
                        // tap ky at output row oy reads the input row tap ky - sh reads at oy + 1: one block copy
                        System.arraycopy(cols[t - sh * kw], outW, cols[t], 0, plane - outW);
                        gatherInsideInto(x, xo, c, ky, kx, cols[t], outH - 1);
                    }
                }
            }
        }
        for (int o = 0; o < outC; o++) {
            Arrays.fill(rows[o], 0, plane, b == null ? 0f : b[bo + o]);
        }
        RowGemm.add(w, wo, outC, taps, cols, plane, rows);
        for (int o = 0; o < outC; o++) {
            System.arraycopy(rows[o], 0, y, yo + o * plane, plane);
        }
    }

    /**
     * What tap (c, ky, kx) sees at the output rows from {@code fromRow} on, into row[fromRow * outW, plane);
     * the entries where the tap falls in the padding are never written, so a row that starts as zeros keeps
     * its zeros there.
     */
    private void gatherInsideInto(float[] x, int xo, int c, int ky, int kx, float[] row, int fromRow) {
        int lo = oxLo[kx];
        int hi = oxHi[kx];
        for (int oy = Math.max(fromRow, oyLo[ky]); oy < oyHi[ky]; oy++) {
            int base = oy * outW;
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

    /** y = conv(x) + b in double; weights at wo and bias at bo (bo < 0: no bias) in {@code values}. */
    void forward(double[] values, int wo, int bo, double[] x, int xo, double[] y, int yo, double[] patches) {
        for (int o = 0; o < outC; o++) {
            Arrays.fill(y, yo + o * plane, yo + (o + 1) * plane, bo < 0 ? 0.0 : values[bo + o]);
        }
        im2colT(x, xo, patches);
        Gemm.addNt(values, wo, outC, patches, 0, plane, taps, y, yo);
    }

    /**
     * Backward of {@link #forward(double[], int, int, double[], int, double[], int, double[])}: given dy
     * (outC x plane at dyo), adds dL/dw and dL/db to {@code grad} (same offsets as in values) and, when dx
     * is not null, overwrites dx (the input's layout at dxo) with dL/dx. {@code cols} and {@code dcols}
     * hold {@link #patchSize()} values, {@code wT} outC * taps, {@code dyT} outC * plane.
     */
    void backward(double[] values, int wo, int bo, double[] x, int xo, double[] dy, int dyo, double[] dx, int dxo,
                  double[] grad, double[] cols, double[] dcols, double[] wT, double[] dyT) {
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
        // (taps x positions): row t holds what tap t saw at every output position
        for (int c = 0, t = 0; c < inC; c++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++, t++) {
                    gatherInto(x, xo, c, ky, kx, cols, t * plane);
                }
            }
        }
        Gemm.addNt(dy, dyo, outC, cols, 0, taps, plane, grad, wo);
        if (dx == null) {
            return;
        }
        for (int o = 0; o < outC; o++) {
            for (int t = 0; t < taps; t++) {
                wT[t * outC + o] = values[wo + o * taps + t];
            }
            for (int p = 0; p < plane; p++) {
                dyT[p * outC + o] = dy[dyo + o * plane + p];
            }
        }
        Arrays.fill(dcols, 0, taps * plane, 0.0);
        Gemm.addNt(wT, 0, taps, dyT, 0, plane, outC, dcols, 0);
        Arrays.fill(dx, dxo, dxo + inC * inH * inW, 0.0);
        for (int c = 0, t = 0; c < inC; c++) {
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++, t++) {
                    scatterAdd(dcols, t * plane, dx, dxo, c, ky, kx);
                }
            }
        }
    }
}
