package io.liquidlens.head;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The head's input gradient for a batch of frames at once, in float32 as torch computes it (the double-precision
 * {@link HeadGrad} is the reference it is tested against): {@link #forward} runs every frame
 * of the batch through each layer before the next layer, and {@link #backward} turns dL/d(features) of every frame
 * into dL/d(frame), computing no weight gradient (what attribution maps need, and a third less work than
 * {@link HeadGrad#backward}). A convolution over the batch is one product of the weights with the patches of
 * every frame side by side, so its rows are as long as the batch times the output positions and the inner loop is
 * a multiply-add along a row, which the JIT turns into vector instructions; one frame's last layers have rows of
 * 48 values only. A batch of 8 frames holds some 9 MB of patch rows for the NCP paper's head.
 *
 * <p>Parameters are read from a flat vector as {@link HeadGrad} reads them, and rounded to float32 on each
 * forward. Holds no mutable state: each thread
 * brings its own {@link Batch}.
 */
public final class BatchedInputGradient {
    /** Columns of a block in {@link #addProduct}: 2 KiB of each row. */
    private static final int COLUMN_BLOCK = 512;
    /**
     * Rows of B per block going forward (weights times taps): 8 rows of a column block are 16 KiB, half the L1 cache.
     * Going backward B has as many rows as the layer has output channels (at most 64 here, 128 KiB of a column
     * block), and keeping each row of C in L1 while all of them stream from L2 measured faster than blocking them.
     */
    private static final int FORWARD_TAP_BLOCK = 8;
    private final HeadSpec spec;
    private final List<FeatureShape> shapes;
    private final ConvGeometry[] convs;
    private final BlockLinear[] linears;
    private final boolean[] relu;
    private final int[] weightOffset;
    private final int[] biasOffset;

    /**
     * @param spec     the head
     * @param offsetOf the first index of each named tensor in the flat value vector
     */
    public BatchedInputGradient(HeadSpec spec, ToIntFunction<String> offsetOf) {
        this.spec = spec;
        this.shapes = spec.shapes();
        HeadLayers layers = HeadLayers.of(spec, offsetOf);
        convs = layers.convs();
        linears = layers.linears();
        relu = layers.relu();
        weightOffset = layers.weightOffset();
        biasOffset = layers.biasOffset();
    }

    /** Values per frame, H*W*C. */
    public int inputSize() {
        return spec.input().size();
    }

    /** Features per frame. */
    public int outputSize() {
        return shapes.get(shapes.size() - 1).size();
    }

    /** Buffers for batches of up to {@code capacity} frames, for one thread. */
    public Batch newBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a batch holds at least one frame, got " + capacity);
        }
        return new Batch(this, capacity);
    }

    /**
     * Frames {@code frames[0..count)} ((H, W, C) each) forward: writes frame b's features to
     * {@code features[b * outputSize()..]} and keeps every layer's output on {@code batch} for {@link #backward}.
     */
    public void forward(double[] values, double[][] frames, int count, double[] features, Batch batch) {
        batch.check(this, count);
        float[] w = batch.weights(values);
        for (int b = 0; b < count; b++) {
            toPlanes(frames[b], batch.act[0], b * inputSize());
        }
        batch.count = count;
        runLayers(0, count, w, batch);
        float[] out = batch.act[convs.length];
        for (int j = 0; j < count * outputSize(); j++) {
            features[j] = out[j];
        }
    }

    /** Layers {@code first..} forward for frames {@code 0..count)}, from their inputs on {@code batch.act[first]}. */
    void runLayers(int first, int count, float[] w, Batch batch) {
        for (int i = first; i < convs.length; i++) {
            float[] x = batch.act[i];
            float[] y = batch.act[i + 1];
            int xs = shapes.get(i).size();
            int ys = shapes.get(i + 1).size();
            if (convs[i] != null) {
                convForward(i, convs[i], w, weightOffset[i], biasOffset[i], x, y, count, batch);
            } else if (linears[i] != null) {
                for (int b = 0; b < count; b++) {
                    linears[i].forward(w, weightOffset[i], biasOffset[i] < 0 ? null : w, biasOffset[i], x, b * xs, y,
                            b * ys);
                }
            } else if (relu[i]) {
                for (int j = 0; j < count * ys; j++) {
                    y[j] = Math.max(x[j], 0f);
                }
            }
        }
    }

    /**
     * The batch last run {@link #forward} backward: given dL/d(features) of frame b at
     * {@code dFeatures[b * outputSize()..]}, overwrites {@code dFrames[b]} with dL/d(frame b) in (H, W, C) order.
     * ReLU passes no gradient where its output is 0, as in {@link HeadGrad#backward}.
     */
    public void backward(double[] dFeatures, double[][] dFrames, Batch batch) {
        float[] cur = backwardTo(0, dFeatures, batch);
        for (int b = 0; b < batch.count; b++) {
            fromPlanes(cur, b * inputSize(), dFrames[b]);
        }
    }

    /** True when the first layer is a convolution, so {@link #path} can take its linearity. */
    public boolean startsWithConv() {
        return convs.length > 0 && convs[0] != null;
    }

    /**
     * The straight path from frame {@code from} to frame {@code to} ((H, W, C) each) through this head, using
     * {@code batch}'s buffers while it is used.
     *
     * @throws IllegalStateException when the first layer is not a convolution ({@link #startsWithConv})
     */
    public StraightPath path(double[] values, double[] from, double[] to, Batch batch) {
        if (!startsWithConv()) {
            throw new IllegalStateException("a straight path needs a head whose first layer is a convolution");
        }
        batch.check(this, 1);
        return new StraightPath(this, values, from, to, batch);
    }

    /** Features per frame after the first layer. */
    int firstOutputSize() {
        return shapes.get(1).size();
    }

    /** The first layer's output for one frame ((H, W, C)), with or without its bias. */
    float[] firstLayer(float[] w, double[] frame, boolean withBias, Batch batch) {
        toPlanes(frame, batch.act[0], 0);
        float[] out = new float[firstOutputSize()];
        convForward(0, convs[0], w, weightOffset[0], withBias ? biasOffset[0] : -1, batch.act[0], out, 1, batch);
        return out;
    }

    /** dL/d(frame) in (H, W, C) order of one frame from dL/d(first layer's output), {@code dy}. */
    double[] firstLayerBackward(float[] w, float[] dy, Batch batch) {
        float[] dx = batch.gradB == dy ? batch.gradA : batch.gradB;
        convBackward(0, convs[0], w, weightOffset[0], dy, dx, 1, batch);
        double[] out = new double[inputSize()];
        fromPlanes(dx, 0, out);
        return out;
    }

    /** One (H, W, C) frame into (C, H, W) planes at {@code x[offset..]}, in float32. */
    private void toPlanes(double[] frame, float[] x, int offset) {
        if (frame.length != inputSize()) {
            throw new IllegalArgumentException("a frame holds " + inputSize() + " values, got " + frame.length);
        }
        ImageShape shape = spec.input();
        int plane = shape.height() * shape.width();
        int channels = shape.channels();
        for (int p = 0; p < plane; p++) {
            for (int k = 0; k < channels; k++) {
                x[offset + k * plane + p] = (float) frame[p * channels + k];
            }
        }
    }

    /** The adjoint of {@link #toPlanes}: (C, H, W) planes at {@code x[offset..]} into one (H, W, C) frame. */
    private void fromPlanes(float[] x, int offset, double[] frame) {
        ImageShape shape = spec.input();
        int plane = shape.height() * shape.width();
        int channels = shape.channels();
        for (int p = 0; p < plane; p++) {
            for (int k = 0; k < channels; k++) {
                frame[p * channels + k] = x[offset + k * plane + p];
            }
        }
    }

    /**
     * The batch last run forward, backward from dL/d(features) down to the input of layer {@code first}: returns the
     * buffer holding frame b's gradient at {@code [b * shapes().get(first).size()..]}, valid until the next call.
     */
    float[] backwardTo(int first, double[] dFeatures, Batch batch) {
        int count = batch.count;
        float[] w = batch.weights;
        float[] cur = batch.gradA;
        float[] other = batch.gradB;
        for (int j = 0; j < count * outputSize(); j++) {
            cur[j] = (float) dFeatures[j];
        }
        for (int i = convs.length - 1; i >= first; i--) {
            int xs = shapes.get(i).size();
            int ys = shapes.get(i + 1).size();
            if (convs[i] != null) {
                convBackward(i, convs[i], w, weightOffset[i], cur, other, count, batch);
            } else if (linears[i] != null) {
                for (int b = 0; b < count; b++) {
                    linearBackward(linears[i], w, weightOffset[i], cur, b * ys, other, b * xs);
                }
            } else {
                if (relu[i]) {
                    float[] y = batch.act[i + 1];
                    for (int j = 0; j < count * ys; j++) {
                        if (!(y[j] > 0f)) {
                            cur[j] = 0f;
                        }
                    }
                }
                continue; // relu works in place; flatten changes nothing
            }
            float[] t = cur;
            cur = other;
            other = t;
        }
        return cur;
    }

    /** y = conv(x) + bias for every frame: the weights times the patches of all frames side by side. */
    private static void convForward(int layer, ConvGeometry g, float[] w, int wo, int bo, float[] x, float[] y,
                                    int count, Batch batch) {
        float[][] cols = batch.cols[layer];
        float[][] wide = batch.wide[layer];
        int frameIn = g.inC * g.inH * g.inW;
        for (int b = 0; b < count; b++) {
            for (int c = 0, t = 0; c < g.inC; c++) {
                for (int ky = 0; ky < g.kh; ky++) {
                    for (int kx = 0; kx < g.kw; kx++, t++) {
                        gather(g, x, b * frameIn, c, ky, kx, cols[t], b * g.plane);
                    }
                }
            }
        }
        int width = count * g.plane;
        for (int o = 0; o < g.outC; o++) {
            Arrays.fill(wide[o], 0, width, bo < 0 ? 0f : w[bo + o]);
        }
        addProduct(w, wo, g.outC, g.taps, cols, width, wide, false, FORWARD_TAP_BLOCK);
        // (out, frame, position) to each frame's (out, position)
        int frameOut = g.outC * g.plane;
        for (int o = 0; o < g.outC; o++) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(wide[o], b * g.plane, y, b * frameOut + o * g.plane, g.plane);
            }
        }
    }

    /** dx of every frame from dy of every frame: the transposed weights times dy, scattered back onto the inputs. */
    private static void convBackward(int layer, ConvGeometry g, float[] w, int wo, float[] dy, float[] dx, int count,
                                     Batch batch) {
        float[][] cols = batch.cols[layer];
        float[][] wide = batch.wide[layer];
        int width = count * g.plane;
        int frameOut = g.outC * g.plane;
        for (int o = 0; o < g.outC; o++) {
            for (int b = 0; b < count; b++) {
                System.arraycopy(dy, b * frameOut + o * g.plane, wide[o], b * g.plane, g.plane);
            }
        }
        float[] wT = batch.weightsT;
        for (int o = 0; o < g.outC; o++) {
            for (int t = 0; t < g.taps; t++) {
                wT[t * g.outC + o] = w[wo + o * g.taps + t];
            }
        }
        addProduct(wT, 0, g.taps, g.outC, wide, width, cols, true, g.outC);
        int frameIn = g.inC * g.inH * g.inW;
        Arrays.fill(dx, 0, count * frameIn, 0f);
        for (int b = 0; b < count; b++) {
            for (int c = 0, t = 0; c < g.inC; c++) {
                for (int ky = 0; ky < g.kh; ky++) {
                    for (int kx = 0; kx < g.kw; kx++, t++) {
                        scatterAdd(g, cols[t], b * g.plane, dx, b * frameIn, c, ky, kx);
                    }
                }
            }
        }
    }

    /** The values tap (c, ky, kx) sees at every output position of the frame at xo, into row[ro..]; 0 in the padding. */
    private static void gather(ConvGeometry g, float[] x, int xo, int c, int ky, int kx, float[] row, int ro) {
        int lo = firstInside(kx, g.pw, g.sw);
        int hi = Math.max(lo, pastLastInside(kx, g.pw, g.sw, g.inW, g.outW));
        for (int oy = 0; oy < g.outH; oy++) {
            int iy = oy * g.sh - g.ph + ky;
            int base = ro + oy * g.outW;
            if (iy < 0 || iy >= g.inH) {
                Arrays.fill(row, base, base + g.outW, 0f);
                continue;
            }
            Arrays.fill(row, base, base + lo, 0f);
            Arrays.fill(row, base + hi, base + g.outW, 0f);
            int src = xo + (c * g.inH + iy) * g.inW - g.pw + kx;
            if (g.sw == 1) {
                System.arraycopy(x, src + lo, row, base + lo, hi - lo);
            } else {
                for (int ox = lo; ox < hi; ox++) {
                    row[base + ox] = x[src + ox * g.sw];
                }
            }
        }
    }

    /** The adjoint of {@link #gather}: adds row[ro..] onto the input positions tap (c, ky, kx) saw. */
    private static void scatterAdd(ConvGeometry g, float[] row, int ro, float[] dx, int dxo, int c, int ky, int kx) {
        int lo = firstInside(kx, g.pw, g.sw);
        int hi = pastLastInside(kx, g.pw, g.sw, g.inW, g.outW);
        for (int oy = 0; oy < g.outH; oy++) {
            int iy = oy * g.sh - g.ph + ky;
            if (iy < 0 || iy >= g.inH) {
                continue;
            }
            int base = ro + oy * g.outW;
            int dst = dxo + (c * g.inH + iy) * g.inW - g.pw + kx;
            for (int ox = lo; ox < hi; ox++) {
                dx[dst + ox * g.sw] += row[base + ox];
            }
        }
    }

    /** The first output column whose input column ox * stride - pad + k is inside the input (>= 0). */
    private static int firstInside(int k, int pad, int stride) {
        return Math.max(0, -Math.floorDiv(k - pad, stride));
    }

    /** One past the last output column whose input column is inside an input {@code size} wide. */
    private static int pastLastInside(int k, int pad, int stride, int size, int outSize) {
        return Math.min(outSize, Math.floorDiv(size - 1 + pad - k, stride) + 1);
    }

    private static void linearBackward(BlockLinear l, float[] w, int wo, float[] dy, int dyo, float[] dx, int dxo) {
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

    /**
     * C (m x n) += A (m x k, row-major at {@code ao}) B (k x n), or C = A B when {@code overwrite} (so C need not be
     * cleared first), every row of B and C an array of its own. Four rows of B at a time are added into a row of C,
     * so the inner loop is independent multiply-adds along the rows, which the JIT turns into vector instructions
     * only when every array is indexed by the loop variable alone (on Java 17, offsets into one long array keep the
     * loop scalar, at about a quarter of the speed). The rows are thousands of values long (a batch's positions side
     * by side), so they are cut into blocks of {@link #COLUMN_BLOCK} columns, and the rows of B into blocks of
     * {@code tapBlock}, so that a block of B stays in the L1 cache while every row of C is swept past it.
     */
    static void addProduct(float[] a, int ao, int m, int k, float[][] b, int n, float[][] c, boolean overwrite,
                           int tapBlock) {
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            for (int t0 = 0; t0 < k; t0 += tapBlock) {
                int t1 = Math.min(k, t0 + tapBlock);
                int t4 = t0 + (t1 - t0) / 4 * 4;
                for (int i = 0; i < m; i++) {
                    float[] ci = c[i];
                    int ar = ao + i * k;
                    boolean assign = overwrite && t0 == 0;
                    for (int t = t0; t < t4; t += 4) {
                        if (assign) {
                            setFour(ci, a[ar + t], b[t], a[ar + t + 1], b[t + 1], a[ar + t + 2], b[t + 2], a[ar + t + 3],
                                    b[t + 3], j0, j1);
                            assign = false;
                        } else {
                            addFour(ci, a[ar + t], b[t], a[ar + t + 1], b[t + 1], a[ar + t + 2], b[t + 2], a[ar + t + 3],
                                    b[t + 3], j0, j1);
                        }
                    }
                    for (int t = t4; t < t1; t++) {
                        if (assign) {
                            setOne(ci, a[ar + t], b[t], j0, j1);
                            assign = false;
                        } else {
                            addOne(ci, a[ar + t], b[t], j0, j1);
                        }
                    }
                }
            }
        }
    }

    private static void addFour(float[] c, float a0, float[] b0, float a1, float[] b1, float a2, float[] b2, float a3,
                                float[] b3, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void setFour(float[] c, float a0, float[] b0, float a1, float[] b1, float a2, float[] b2, float a3,
                                float[] b3, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
    }

    private static void addOne(float[] c, float a, float[] b, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] += a * b[j];
        }
    }

    private static void setOne(float[] c, float a, float[] b, int j0, int j1) {
        for (int j = j0; j < j1; j++) {
            c[j] = a * b[j];
        }
    }

    /** One thread's buffers for batches of up to a fixed number of frames. */
    public static final class Batch {
        private final BatchedInputGradient owner;
        private final int capacity;
        final float[][] act;
        final float[] gradA;
        final float[] gradB;
        /** Per conv layer: one row per tap, holding what it sees at every position of every frame. */
        private final float[][][] cols;
        /** Per conv layer: one row per output channel, over every position of every frame. */
        private final float[][][] wide;
        private final float[] weightsT;
        private float[] weights = new float[0];
        int count;

        private Batch(BatchedInputGradient owner, int capacity) {
            this.owner = owner;
            this.capacity = capacity;
            int n = owner.convs.length;
            act = new float[n + 1][];
            cols = new float[n][][];
            wide = new float[n][][];
            int maxAct = owner.shapes.get(0).size();
            int maxWeights = 1;
            act[0] = new float[capacity * maxAct];
            for (int i = 0; i < n; i++) {
                int size = owner.shapes.get(i + 1).size();
                boolean flatten = owner.spec.layers().get(i) instanceof LayerSpec.Flatten;
                act[i + 1] = flatten ? act[i] : new float[capacity * size];
                maxAct = Math.max(maxAct, size);
                ConvGeometry g = owner.convs[i];
                if (g != null) {
                    cols[i] = new float[g.taps][capacity * g.plane];
                    wide[i] = new float[g.outC][capacity * g.plane];
                    maxWeights = Math.max(maxWeights, g.outC * g.taps);
                }
            }
            gradA = new float[capacity * maxAct];
            gradB = new float[capacity * maxAct];
            weightsT = new float[maxWeights];
        }

        /** Most frames one call takes. */
        public int capacity() {
            return capacity;
        }

        /** The parameter values rounded to float32, as the head runs in torch. */
        float[] weights(double[] values) {
            if (weights.length != values.length) {
                weights = new float[values.length];
            }
            for (int i = 0; i < values.length; i++) {
                weights[i] = (float) values[i];
            }
            return weights;
        }

        void check(BatchedInputGradient head, int frames) {
            if (owner != head) {
                throw new IllegalArgumentException("the batch belongs to another head; use newBatch()");
            }
            if (frames < 1 || frames > capacity) {
                throw new IllegalArgumentException(frames + " frames do not fit a batch of " + capacity);
            }
        }
    }
}
