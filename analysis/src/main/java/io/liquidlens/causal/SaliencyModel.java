package io.liquidlens.causal;

import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.FrameSequenceGradient;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.grad.SequenceTape;
import io.liquidlens.head.BatchedInputGradient;
import io.liquidlens.head.HeadGrad;
import io.liquidlens.head.PerceptionHead;
import io.liquidlens.head.StraightPath;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import java.util.Arrays;
import java.util.Optional;

/**
 * A model as the saliency methods see it: the output at step t as a function of the step-t input alone, with
 * every earlier step held at its recorded value. {@link #at} runs steps 0..t-1 once and keeps the state they
 * leave; each evaluation after that is one step (through the conv head for camera models, in double
 * precision), so a method that needs hundreds of evaluations (occlusion, SmoothGrad, integrated gradients)
 * pays for one step each, not for the whole rollout. {@link Step#gradients} takes many inputs of a camera model's
 * step through the head at once, in float32 as torch does, and is what the gradient methods use.
 */
public final class SaliencyModel {
    /** Earlier steps run at once on the way to a step (their tape is kept only for one chunk). */
    static final int PREFIX_CHUNK = 4096;
    /** Frames through the head at once in {@link Step#gradients}: 8 frames of the NCP head take some 9 MB. */
    static final int FRAME_BATCH = 8;
    private final SequenceGradient cells;
    private final HeadGrad head;
    private final BatchedInputGradient batchedHead;
    private final ThreadLocal<BatchedInputGradient.Batch> frameBatch;
    private final PerceptionHead floatHead;
    private final int height;
    private final int width;
    private final int channels;

    private SaliencyModel(SequenceGradient cells, HeadGrad head, PerceptionHead floatHead) {
        this.cells = cells;
        this.head = head;
        this.floatHead = floatHead;
        this.batchedHead = floatHead == null ? null
                : new BatchedInputGradient(floatHead.spec(), name -> cells.params().param(name).offset());
        this.frameBatch = batchedHead == null ? null : ThreadLocal.withInitial(() -> batchedHead.newBatch(FRAME_BATCH));
        if (head == null) {
            height = 1;
            width = cells.inputSize();
            channels = 1;
        } else {
            int[] hwc = head.spec().input().toArray();
            height = hwc[0];
            width = hwc[1];
            channels = hwc[2];
        }
    }

    /** The model of a loaded folder: its weights read again in double precision. */
    public static SaliencyModel load(LoadedModel loaded) {
        var weights = ModelFolder.readWeights(loaded.folder(), loaded.manifest());
        try {
            Optional<PerceptionHead> floatHead = loaded.network().head();
            if (floatHead.isEmpty()) {
                return ofVectors(SequenceGradient.fromStateDict(loaded.manifest().spec(), weights));
            }
            FrameSequenceGradient frames = FrameSequenceGradient.fromStateDict(loaded.manifest().spec(),
                    floatHead.get().spec(), weights);
            HeadGrad head = new HeadGrad(floatHead.get().spec(), name -> frames.params().param(name).offset());
            return new SaliencyModel(frames.cells(), head, floatHead.get());
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(loaded.weightsFile(), e.getMessage(), e);
        }
    }

    /** A model with vector inputs, from its reverse-mode driver (its parameters are read, not copied). */
    public static SaliencyModel ofVectors(SequenceGradient cells) {
        return new SaliencyModel(cells, null, null);
    }

    /** True for a camera model (a conv head before the cells). */
    public boolean isImage() {
        return head != null;
    }

    /** The float32 perception head, for VisualBackProp; empty for vector models. */
    public Optional<PerceptionHead> perceptionHead() {
        return Optional.ofNullable(floatHead);
    }

    /** Values of one step's input: S, or H * W * C for a frame. */
    public int stepSize() {
        return height * width * channels;
    }

    /** Outputs per step M'. */
    public int outputSize() {
        return cells.outputSize();
    }

    /** Rows of a map: the frame's H, or 1 for vectors. */
    public int mapHeight() {
        return height;
    }

    /** Columns of a map: the frame's W, or S for vectors. */
    public int mapWidth() {
        return width;
    }

    /**
     * A map from per-input values (one per input value, frames in (H, W, C) order): each pixel gets the sum of
     * the absolute values over its colour channels; a vector's feature gets its absolute value.
     */
    public SaliencyMap magnitudes(double[] perInput) {
        double[] out = new double[height * width];
        for (int p = 0; p < out.length; p++) {
            for (int c = 0; c < channels; c++) {
                out[p] += Math.abs(perInput[p * channels + c]);
            }
        }
        return new SaliencyMap(height, width, out);
    }

    /**
     * Step {@code step} of {@code rollout}: steps 0..step-1 are run from a zero state with their recorded
     * inputs (and timespans, when the rollout has them).
     *
     * @throws IllegalArgumentException when the rollout's steps do not fit the model or the step is outside it
     */
    public Step at(Rollout rollout, int step) {
        check(rollout, step);
        return new Step(rollout, step, statesBefore(rollout, new int[] {step})[0]);
    }

    /**
     * Step {@code step} of {@code rollout} with the state before it given ({@link #statesBefore}), so that no
     * earlier step is run again.
     *
     * @throws IllegalArgumentException when the rollout's steps do not fit the model or the step is outside it
     */
    public Step at(Rollout rollout, int step, double[][] stateBefore) {
        check(rollout, step);
        return new Step(rollout, step, stateBefore);
    }

    /**
     * The state before each of {@code steps} (ascending) of {@code rollout}, from one run over its recorded inputs:
     * {@code [k][0]} = h, {@code [k][1]} = the LSTM cell state c (null without mixed memory); both null before step
     * 0. Asking for 200 steps of a million-step rollout so runs it once instead of once per step. The earlier
     * steps are run in chunks of 4,096 on one small tape, carrying the state, so memory does not
     * grow with the step (one tape over the run up to a late step of a million took gigabytes).
     *
     * @throws IllegalArgumentException when the rollout's steps do not fit the model, or the steps are not ascending
     *                                  steps of it
     */
    public double[][][] statesBefore(Rollout rollout, int[] steps) {
        double[][][] out = new double[steps.length][][];
        if (steps.length == 0) {
            return out;
        }
        for (int k = 0; k < steps.length; k++) {
            check(rollout, steps[k]);
            if (k > 0 && steps[k] < steps[k - 1]) {
                throw new IllegalArgumentException("steps must ascend, got " + steps[k - 1] + " then " + steps[k]);
            }
        }
        int s = stepSize();
        int f = cells.inputSize();
        float[] all = rollout.inputs().floatsView();
        double[] dts = rollout.timespans() == null ? null : rollout.timespans().toDoubleArray();
        int chunk = Math.max(1, Math.min(steps[steps.length - 1], PREFIX_CHUNK));
        double[] prefix = new double[chunk * f];
        SequenceTape tape = cells.newTape(chunk);
        double[] headTape = head == null ? null : new double[head.tapeSize()];
        HeadGrad.Scratch headScratch = head == null ? null : head.newScratch();
        double[] h = null;
        double[] c = null;
        int at = 0;
        for (int k = 0; k < steps.length; k++) {
            while (at < steps[k]) {
                int len = Math.min(chunk, steps[k] - at);
                for (int t = 0; t < len; t++) {
                    if (head == null) {
                        for (int i = 0; i < f; i++) {
                            prefix[t * f + i] = all[(at + t) * s + i];
                        }
                    } else {
                        head.forward(cells.params().values(), all, (at + t) * s, prefix, t * f, headTape, 0,
                                headScratch);
                    }
                }
                cells.forward(prefix, 0, len, dts, at, h, 0, c, 0, tape);
                h = tape.finalState();
                c = tape.finalCellState();
                at += len;
            }
            out[k] = new double[][] {h == null ? null : h.clone(), c == null ? null : c.clone()};
        }
        return out;
    }

    private void check(Rollout rollout, int step) {
        if (rollout.featuresPerStep() != stepSize() || rollout.isImage() != isImage()) {
            throw new IllegalArgumentException("the rollout's inputs " + Arrays.toString(rollout.inputs().shape())
                    + " do not fit a model taking " + (isImage() ? height + "x" + width + "x" + channels + " frames"
                    : stepSize() + " features") + " per step");
        }
        if (step < 0 || step >= rollout.steps()) {
            throw new IllegalArgumentException("step " + step + " is outside the rollout's " + rollout.steps() + " steps");
        }
    }

    /** One step of one rollout, with the state before it fixed; not thread-safe (it reuses its buffers). */
    public final class Step {
        private final int step;
        private final double[] recorded;
        private final double[] dt;
        private final double[] h;
        private final double[] c;
        private final SequenceTape tape = cells.newTape(1);
        private final SequenceGradient.BackwardScratch scratch = cells.newBackwardScratch();
        private final double[] features = new double[cells.inputSize()];
        private final double[] headTape;
        private final HeadGrad.Scratch headScratch;
        private final double[] spareGrad;

        private Step(Rollout rollout, int step, double[][] stateBefore) {
            this.step = step;
            int s = stepSize();
            float[] all = rollout.inputs().floatsView();
            recorded = new double[s];
            for (int i = 0; i < s; i++) {
                recorded[i] = all[step * s + i];
            }
            dt = rollout.timespans() == null ? null : new double[] {rollout.timespans().toDoubleArray()[step]};
            headTape = head == null ? null : new double[head.tapeSize()];
            headScratch = head == null ? null : head.newScratch();
            spareGrad = head == null ? null : new double[cells.params().size()];
            h = stateBefore[0];
            c = stateBefore[1];
        }

        /** The step index in the rollout. */
        public int index() {
            return step;
        }

        /** The step's recorded input (a copy), frames in (H, W, C) order. */
        public double[] recorded() {
            return recorded.clone();
        }

        /** The model this step belongs to. */
        public SaliencyModel model() {
            return SaliencyModel.this;
        }

        /** Output {@code output} at this step when its input is {@code x} (earlier steps as recorded). */
        public double output(double[] x, int output) {
            run(x);
            return tape.output(0, output);
        }

        /**
         * Output {@code output} at this step for each of {@code points}, as {@link #output} gives them one at a time
         * (equal up to rounding): a camera model's head takes the points as batches of frames in float32, as torch
         * runs it (the cell stays in double precision); a vector model's points go one at a time.
         */
        public double[] outputs(double[][] points, int output) {
            double[] out = new double[points.length];
            if (head == null) {
                for (int k = 0; k < points.length; k++) {
                    out[k] = output(points[k], output);
                }
                return out;
            }
            BatchedInputGradient.Batch batch = frameBatch.get();
            int f = cells.inputSize();
            double[] chunkFeatures = new double[batch.capacity() * f];
            for (int from = 0; from < points.length; from += batch.capacity()) {
                int count = Math.min(batch.capacity(), points.length - from);
                double[][] chunk = Arrays.copyOfRange(points, from, from + count);
                batchedHead.forward(cells.params().values(), chunk, count, chunkFeatures, batch);
                for (int b = 0; b < count; b++) {
                    cells.forward(chunkFeatures, b * f, 1, dt, 0, h, 0, c, 0, tape);
                    out[from + b] = tape.output(0, output);
                }
            }
            return out;
        }

        /** d(output {@code output} at this step) / d(this step's input), evaluated at {@code x}. */
        public double[] gradient(double[] x, int output) {
            run(x);
            double[] dy = new double[outputSize()];
            dy[output] = 1;
            double[] dFeatures = new double[cells.inputSize()];
            cells.backwardWindow(tape, 0, 0, dy, dFeatures, scratch);
            if (head == null) {
                return dFeatures;
            }
            double[] dFrame = new double[stepSize()];
            head.backward(cells.params().values(), dFeatures, 0, headTape, 0, dFrame, 0, spareGrad, headScratch);
            return dFrame;
        }

        /**
         * d(output {@code output} at this step) / d(this step's input) at each of {@code points}, as
         * {@link #gradient} gives them one at a time (equal up to rounding): a camera model's head takes the points
         * as batches of frames in float32 and computes no weight gradient (the cell stays in double precision); a
         * vector model's points go one at a time (the cell alone is cheap).
         */
        public double[][] gradients(double[][] points, int output) {
            double[][] out = new double[points.length][];
            if (head == null) {
                for (int k = 0; k < points.length; k++) {
                    out[k] = gradient(points[k], output);
                }
                return out;
            }
            BatchedInputGradient.Batch batch = frameBatch.get();
            int f = cells.inputSize();
            double[] v = cells.params().values();
            double[] chunkFeatures = new double[batch.capacity() * f];
            double[] dFeatures = new double[batch.capacity() * f];
            for (int from = 0; from < points.length; from += batch.capacity()) {
                int count = Math.min(batch.capacity(), points.length - from);
                double[][] chunk = Arrays.copyOfRange(points, from, from + count);
                batchedHead.forward(v, chunk, count, chunkFeatures, batch);
                cellBackward(chunkFeatures, dFeatures, count, output);
                double[][] dFrames = new double[count][stepSize()];
                batchedHead.backward(dFeatures, dFrames, batch);
                System.arraycopy(dFrames, 0, out, from, count);
            }
            return out;
        }

        /**
         * The sum of d(output {@code output}) / d(this step's input) at the points {@code from + alpha (to - from)},
         * one per alpha, equal up to rounding to summing {@link #gradients} at those points: what integrated
         * gradients needs. A camera model whose head starts with a convolution runs that layer once for the whole
         * path ({@link StraightPath}) and the rest in float32 batches; other models sum {@link #gradients}.
         */
        public double[] gradientSumAlong(double[] from, double[] to, double[] alphas, int output) {
            if (batchedHead == null || !batchedHead.startsWithConv()) {
                double[][] points = new double[alphas.length][to.length];
                for (int k = 0; k < alphas.length; k++) {
                    for (int i = 0; i < to.length; i++) {
                        points[k][i] = from[i] + alphas[k] * (to[i] - from[i]);
                    }
                }
                double[] sum = new double[stepSize()];
                for (double[] g : gradients(points, output)) {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += g[i];
                    }
                }
                return sum;
            }
            StraightPath path = batchedHead.path(cells.params().values(), from, to, frameBatch.get());
            int f = cells.inputSize();
            double[] features = new double[path.capacity() * f];
            double[] dFeatures = new double[path.capacity() * f];
            for (int at = 0; at < alphas.length; at += path.capacity()) {
                int count = Math.min(path.capacity(), alphas.length - at);
                path.forward(alphas, at, count, features);
                cellBackward(features, dFeatures, count, output);
                path.backwardAdd(dFeatures);
            }
            return path.inputGradientSum();
        }

        /** dL/d(features) of each of {@code count} feature vectors, one step of the cell each, L = the output. */
        private void cellBackward(double[] features, double[] dFeatures, int count, int output) {
            int f = cells.inputSize();
            double[] dy = new double[outputSize()];
            dy[output] = 1;
            double[] dOne = new double[f];
            for (int b = 0; b < count; b++) {
                cells.forward(features, b * f, 1, dt, 0, h, 0, c, 0, tape);
                cells.backwardWindow(tape, 0, 0, dy, dOne, scratch);
                System.arraycopy(dOne, 0, dFeatures, b * f, f);
            }
        }

        private void run(double[] x) {
            if (x.length != stepSize()) {
                throw new IllegalArgumentException("a step's input holds " + stepSize() + " values, got " + x.length);
            }
            double[] in = x;
            if (head != null) {
                head.forward(cells.params().values(), x, 0, features, 0, headTape, 0, headScratch);
                in = features;
            }
            cells.forward(in, 0, 1, dt, 0, h, 0, c, 0, tape);
        }
    }
}
