package io.liquidlens.head;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The head's input gradient for a batch of frames at once, in float32 as torch computes it (the double-precision
 * {@link HeadGrad} is the reference it is tested against): {@link #forward} runs every frame
 * of the batch through each layer before the next layer, and {@link #backward} turns dL/d(features) of every frame
 * into dL/d(frame), computing no weight gradient (what attribution maps need, and a third less work than
 * {@link HeadGrad#backward}). A convolution over the batch is one product of the weights with the patches of
 * every frame side by side ({@link BatchedConv}), so its rows are as long as the batch times the output positions
 * and the inner loop is a multiply-add along a row ({@link RowGemm}), which the JIT turns into vector
 * instructions; one frame's last layers have rows of 48 values only. A batch of 8 frames holds some 9 MB of patch
 * rows for the NCP paper's head. {@link #path} runs a straight path of frames with the first layer taken once.
 *
 * <p>Training takes the same passes: {@link #addParameterGradient} adds the weight and bias gradients of the batch
 * (see {@link WeightGradients}) and skips the first layer's input gradient, which nothing needs.
 *
 * <p>Parameters are read from a flat vector as {@link HeadGrad} reads them, and rounded to float32 on each
 * forward. Holds no mutable state: each thread brings its own {@link Batch}.
 */
public final class BatchedInputGradient {
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
        int in = inputSize();
        for (int b = 0; b < count; b++) {
            if (frames[b].length != in) {
                throw new IllegalArgumentException("a frame holds " + in + " values, got " + frames[b].length);
            }
            Layouts.hwcToChw(frames[b], 0, spec.input(), batch.act[0], b * in);
        }
        layersForward(values, count, features, batch);
    }

    /**
     * As {@link #forward(double[], double[][], int, double[], Batch)} for the {@code count} float32 frames that lie
     * one after the other from {@code frames[fo]} (the windows training reads in place).
     */
    public void forward(double[] values, float[] frames, int fo, int count, double[] features, Batch batch) {
        batch.check(this, count);
        int in = inputSize();
        for (int b = 0; b < count; b++) {
            Layouts.hwcToChw(frames, fo + b * in, spec.input(), batch.act[0], b * in);
        }
        layersForward(values, count, features, batch);
    }

    private void layersForward(double[] values, int count, double[] features, Batch batch) {
        float[] w = batch.weights(values);
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
                BatchedConv.forward(convs[i], w, weightOffset[i], biasOffset[i], x, y, count, batch.cols[i], batch.wide[i]);
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
        float[] cur = backwardTo(0, dFeatures, null, true, batch);
        int in = inputSize();
        for (int b = 0; b < batch.count; b++) {
            Layouts.chwToHwc(cur, b * in, spec.input(), dFrames[b], 0);
        }
    }

    /**
     * The batch last run {@link #forward} backward for training: given dL/d(features) as {@link #backward} takes
     * it, adds dL/d(weight) and dL/d(bias) of every layer to {@code grad} (the layout of the values the forward
     * read), computed in float32 and summed frame by frame in double. The frames' own gradient is not computed.
     */
    public void addParameterGradient(double[] dFeatures, double[] grad, Batch batch) {
        backwardTo(0, dFeatures, grad, false, batch);
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
        if (frame.length != inputSize()) {
            throw new IllegalArgumentException("a frame holds " + inputSize() + " values, got " + frame.length);
        }
        Layouts.hwcToChw(frame, 0, spec.input(), batch.act[0], 0);
        float[] out = new float[firstOutputSize()];
        BatchedConv.forward(convs[0], w, weightOffset[0], withBias ? biasOffset[0] : -1, batch.act[0], out, 1,
                batch.cols[0], batch.wide[0]);
        return out;
    }

    /** dL/d(frame) in (H, W, C) order of one frame from dL/d(first layer's output), {@code dy}. */
    double[] firstLayerBackward(float[] w, float[] dy, Batch batch) {
        float[] dx = batch.gradB == dy ? batch.gradA : batch.gradB;
        BatchedConv.backward(convs[0], w, weightOffset[0], dy, dx, 1, batch.cols[0], batch.wide[0], batch.weightsT);
        double[] out = new double[inputSize()];
        Layouts.chwToHwc(dx, 0, spec.input(), out, 0);
        return out;
    }

    /**
     * The batch last run forward, backward from dL/d(features) down to the input of layer {@code first}, adding the
     * weight and bias gradients of those layers to {@code grad} unless it is null: returns the buffer holding frame
     * b's gradient at {@code [b * shapes().get(first).size()..]} (valid until the next call), or, when
     * {@code inputGradient} is false, whatever layer {@code first}'s output gradient left there.
     */
    float[] backwardTo(int first, double[] dFeatures, double[] grad, boolean inputGradient, Batch batch) {
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
            boolean needDx = i > first || inputGradient;
            if (convs[i] != null) {
                if (grad != null) {
                    batch.weightGradients().conv(i, convs[i], batch.cols[i], cur, count, grad, weightOffset[i],
                            biasOffset[i]);
                }
                if (needDx) {
                    BatchedConv.backward(convs[i], w, weightOffset[i], cur, other, count, batch.cols[i], batch.wide[i],
                            batch.weightsT);
                }
            } else if (linears[i] != null) {
                if (grad != null) {
                    WeightGradients.linear(linears[i], batch.act[i], cur, count, grad, weightOffset[i], biasOffset[i]);
                }
                for (int b = 0; needDx && b < count; b++) {
                    BatchedConv.linearBackward(linears[i], w, weightOffset[i], cur, b * ys, other, b * xs);
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

    /** One thread's buffers for batches of up to a fixed number of frames. */
    public static final class Batch {
        private final BatchedInputGradient owner;
        private final int capacity;
        final float[][] act;
        final float[] gradA;
        final float[] gradB;
        /** Per conv layer: one row per tap, holding what it sees at every position of every frame. */
        final float[][][] cols;
        /** Per conv layer: one row per output channel, over every position of every frame. */
        final float[][][] wide;
        final float[] weightsT;
        private float[] weights = new float[0];
        private WeightGradients weightGradients;
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

        /** Buffers for the weight gradients, made on the first training backward (attributions need none). */
        private WeightGradients weightGradients() {
            if (weightGradients == null) {
                weightGradients = new WeightGradients(owner.convs);
            }
            return weightGradients;
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
