package io.liquidlens.grad;

import io.liquidlens.head.BatchedInputGradient;
import io.liquidlens.head.HeadGrad;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.spec.ModelSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Reverse mode for a model with a perception head: frames -> head -> features -> {@link SequenceGradient}.
 * The head has no memory, so the composition is exact and simple: forward runs the head on every frame
 * and the cells over the features; backward runs the cells back, then the head back on every frame with
 * the features' gradient. On a {@link #newTape} the head's tape is recomputed frame by frame during
 * backward rather than kept for the whole sequence, so memory does not grow with the number of frames (the
 * head forward is about a third of its forward + backward). Training windows are short, so
 * {@link #lossAndGradient} keeps every frame's head tape when they fit in {@value #KEPT_TAPE_LIMIT} values
 * per worker, and skips the recomputation.
 *
 * <p>Parameters: the head's tensors, then the cell's, in one {@link ParamSet}.
 *
 * <p>Frames may be float32 (as rollouts and training batches hold them: half the memory of doubles) or
 * float64; the head widens each value as it reads it.
 *
 * <p>Made {@link #forTraining}, {@link #lossAndGradient} runs the head in float32 as torch trains it: each
 * sequence's frames pass through each layer together (up to {@value #HEAD_BATCH} at a time) and the head's weight
 * gradients are float32 products summed frame by frame into the double gradient; the cells stay in double. This is
 * several times faster than the double head, which {@link #fromStateDict} keeps everywhere as the reference that
 * the finite-difference tests check.
 */
public final class FrameSequenceGradient implements ReverseModel {
    /** Most values of kept head tapes per worker in {@link #lossAndGradient} (32 MB of doubles). */
    static final long KEPT_TAPE_LIMIT = 4L << 20;
    /**
     * Most frames the float32 training head takes at once: a training window of 16 (for the NCP paper's head about
     * 16 MB of patch rows per worker); longer sequences go in blocks, the earlier ones recomputed in backward.
     */
    static final int HEAD_BATCH = 16;

    private final HeadGrad head;
    /** The float32 head {@link #lossAndGradient} uses, or null for the double one. */
    private final BatchedInputGradient trainingHead;
    /**
     * Batches of the training head between calls: each holds some 16 MB, which allocating anew for every chunk of
     * every update cost a twentieth of the time. A worker takes one and gives it back; which one it gets does
     * not change any number.
     */
    private final ConcurrentLinkedQueue<BatchedInputGradient.Batch> idleBatches = new ConcurrentLinkedQueue<>();
    private final SequenceGradient cells;
    private final ParamSet params;
    private final int frameSize;
    private final int features;

    private FrameSequenceGradient(ModelSpec spec, HeadSpec headSpec, ParamSet params, boolean float32Training) {
        this.params = params;
        this.head = new HeadGrad(headSpec, name -> params.param(name).offset());
        this.trainingHead = float32Training ? new BatchedInputGradient(headSpec, name -> params.param(name).offset())
                : null;
        this.cells = SequenceGradient.of(spec, params);
        this.frameSize = head.inputSize();
        this.features = head.outputSize();
        if (features != cells.inputSize()) {
            throw new IllegalArgumentException("the head gives " + features + " features but the cell takes "
                    + cells.inputSize());
        }
    }

    /**
     * The model of a state dict holding the head's and the cell's tensors, checked as the float model
     * checks it.
     *
     * @throws IllegalArgumentException naming the offending tensor
     */
    public static FrameSequenceGradient fromStateDict(ModelSpec spec, HeadSpec headSpec, Map<String, NdArray> sd) {
        return of(spec, headSpec, sd, false);
    }

    /**
     * As {@link #fromStateDict}, but {@link #lossAndGradient} runs the head in float32, batched over each
     * sequence's frames (its gradients agree with the double head's to float32 rounding); every other method is
     * the same double path.
     */
    public static FrameSequenceGradient forTraining(ModelSpec spec, HeadSpec headSpec, Map<String, NdArray> sd) {
        return of(spec, headSpec, sd, true);
    }

    private static FrameSequenceGradient of(ModelSpec spec, HeadSpec headSpec, Map<String, NdArray> sd,
                                            boolean float32Training) {
        LiquidModel.fromStateDict(spec, headSpec, sd); // validation only
        Map<String, NdArray> cellDict = new LinkedHashMap<>(sd);
        headSpec.tensorShapes().keySet().forEach(cellDict::remove);
        ParamSet cellSet = SequenceGradient.paramSet(cellDict, spec);
        ParamSet.Builder b = ParamSet.builder();
        for (String name : headSpec.tensorShapes().keySet()) {
            b.add(name, sd.get(name), true);
        }
        for (Param p : cellSet.params()) {
            b.add(p.name(), p.shape(), cellSet.get(p.name()), p.trainable());
        }
        return new FrameSequenceGradient(spec, headSpec, b.build(), float32Training);
    }

    /** All parameters: the head's, then the cell's. */
    @Override
    public ParamSet params() {
        return params;
    }

    /** The cells' driver (shares {@link #params()}). */
    public SequenceGradient cells() {
        return cells;
    }

    /** Values per frame (H * W * C). */
    public int frameSize() {
        return frameSize;
    }

    /** (H, W, C): one step is a frame of the head's input shape. */
    @Override
    public int[] stepShape() {
        return head.spec().input().toArray();
    }

    /** Outputs per step M' (after the cells' projection, if any). */
    @Override
    public int outputSize() {
        return cells.outputSize();
    }

    /** Re-derives cached values after the parameter values changed. Not thread-safe. */
    @Override
    public void prepare() {
        cells.prepare();
    }

    /** Per-thread buffers for sequences of up to {@code maxSteps} frames. */
    public Tape newTape(int maxSteps) {
        return new Tape(maxSteps, false);
    }

    /**
     * Runs one sequence of frames forward.
     *
     * @param frames (L, H, W, C) row-major
     * @param dt     elapsed time per step (L), or null for 1
     * @param h0     initial state (N), or null
     * @param c0     initial LSTM cell state (N), or null
     */
    public void forward(double[] frames, int fo, int steps, double[] dt, double[] h0, double[] c0, Tape tape) {
        forward(frames, null, fo, steps, dt, 0, h0, 0, c0, tape);
    }

    /** As {@link #forward(double[], int, int, double[], double[], double[], Tape)} for float32 frames. */
    public void forward(float[] frames, int fo, int steps, double[] dt, double[] h0, double[] c0, Tape tape) {
        forward(null, frames, fo, steps, dt, 0, h0, 0, c0, tape);
    }

    /** One sequence forward from the double or the float frames (exactly one is not null), on slices. */
    private void forward(double[] framesD, float[] framesF, int fo, int steps, double[] dt, int dto, double[] h0,
                         int h0o, double[] c0, Tape tape) {
        double[] v = params.values();
        tape.framesD = framesD;
        tape.framesF = framesF;
        tape.frameOffset = fo;
        tape.steps = steps;
        for (int t = 0; t < steps; t++) {
            headForward(v, tape, t, tape.features, t * features);
        }
        cells.forward(tape.features, 0, steps, dt, dto, h0, h0o, c0, 0, tape.cells);
    }

    /**
     * The head on frame t of the sequence on {@code tape}, recording its layers on the tape's head tape (frame
     * t's slot when the tape keeps every frame's).
     */
    private void headForward(double[] v, Tape tape, int t, double[] out, int oo) {
        int fo = tape.frameOffset + t * frameSize;
        double[] ht = tape.keptHeadTapes != null ? tape.keptHeadTapes : tape.headTape;
        int to = tape.keptHeadTapes != null ? t * head.tapeSize() : 0;
        if (tape.framesF != null) {
            head.forward(v, tape.framesF, fo, out, oo, ht, to, tape.scratch);
        } else {
            head.forward(v, tape.framesD, fo, out, oo, ht, to, tape.scratch);
        }
    }

    /**
     * Backpropagates dL/d(outputs) (L, M') through the cells and the head of the sequence last run on
     * {@code tape}: parameter gradients are added to {@code grad}; dL/d(frames) is written into
     * {@code dFrames} at {@code dfo} (L * frameSize values) unless it is null.
     */
    public void backward(Tape tape, double[] dOutputs, double[] grad, double[] dFrames, int dfo) {
        double[] v = params.values();
        double[] g = grad != null ? grad : tape.spareGrad();
        cells.backward(tape.cells, dOutputs, 0, g);
        for (int t = 0; t < tape.steps; t++) {
            for (int i = 0; i < features; i++) {
                tape.dFeatures[i] = tape.cells.inputGradient(t, i);
            }
            int dfOffset = dFrames == null ? 0 : dfo + t * frameSize;
            if (tape.keptHeadTapes != null) {
                head.backward(v, tape.dFeatures, 0, tape.keptHeadTapes, t * head.tapeSize(), dFrames, dfOffset, g,
                        tape.scratch);
            } else {
                headForward(v, tape, t, tape.featureScratch, 0);
                head.backward(v, tape.dFeatures, 0, tape.headTape, 0, dFrames, dfOffset, g, tape.scratch);
            }
        }
    }

    /**
     * d(sum(outputs * G)) / d(frames) and / d(hx0) for a batch of frame sequences (B, L, H, W, C), each
     * sequence on its own worker.
     */
    public BatchGradients inputGradients(NdArray frames, NdArray timespans, NdArray hx0, NdArray g) {
        int b = frames.dim(0);
        int l = frames.dim(1);
        if (frames.size() != b * l * frameSize) {
            throw new IllegalArgumentException("frames " + Arrays.toString(frames.shape()) + " do not hold "
                    + frameSize + " values per frame");
        }
        int m = cells.outputSize();
        if (!g.hasShape(b, l, m)) {
            throw new IllegalArgumentException("output weights must be " + Arrays.toString(new int[] {b, l, m})
                    + ", got " + Arrays.toString(g.shape()));
        }
        int n = cells.stateSize();
        double[] x = frames.toDoubleArray();
        double[] gs = g.toDoubleArray();
        double[] ts = timespans == null ? null : timespans.toDoubleArray();
        double[] h0 = hx0 == null ? null : hx0.toDoubleArray();
        double[] dx = new double[x.length];
        double[] dh = new double[b * n];
        cells.prepare();
        IntStream.range(0, b).parallel().forEach(i -> {
            Tape tape = newTape(l);
            double[] dt = ts == null ? null : Arrays.copyOfRange(ts, i * l, (i + 1) * l);
            double[] start = h0 == null ? null : Arrays.copyOfRange(h0, i * n, (i + 1) * n);
            forward(x, i * l * frameSize, l, dt, start, null, tape);
            backward(tape, Arrays.copyOfRange(gs, i * l * m, (i + 1) * l * m), null, dx, i * l * frameSize);
            System.arraycopy(tape.cells.h0Gradient(), 0, dh, i * n, n);
        });
        return new BatchGradients(NdArray.ofDoubles(frames.shape(), dx), NdArray.ofDoubles(new int[] {b, n}, dh), null);
    }

    /**
     * Forward over a batch of frame sequences, a loss on every step's outputs, and the gradient of the
     * total loss (the sum over samples and steps) with respect to every parameter, the head's included,
     * added to {@code grad}. As {@link SequenceGradient#lossAndGradient}: samples run in parallel in chunks
     * of a fixed size, each chunk with its own tape and gradient vector, and the chunks are summed in
     * order, so the result does not depend on the number of cores. Float32 frames are read in place,
     * without a copy.
     *
     * @param frames    (B, L, H, W, C) of the head's input shape, batch-first
     * @param timespans (B, L) or (B, L, 1), or null for 1
     * @param hx0       (B, N) or null for zeros
     * @param loss      the per-step loss and its slope (thread-safe)
     * @param grad      gradient vector of {@link #params()}'s layout, accumulated into
     * @return the total loss
     * @throws IllegalArgumentException for shapes that do not fit or non-finite values
     */
    @Override
    public double lossAndGradient(NdArray frames, NdArray timespans, NdArray hx0, StepLoss loss, double[] grad) {
        int[] frame = stepShape();
        if (frames.rank() != 5 || frames.dim(2) != frame[0] || frames.dim(3) != frame[1] || frames.dim(4) != frame[2]) {
            throw new IllegalArgumentException("frames must have shape (B, L, " + frame[0] + ", " + frame[1] + ", "
                    + frame[2] + "), got " + Arrays.toString(frames.shape()));
        }
        int b = frames.dim(0);
        int l = frames.dim(1);
        if (b < 1 || l < 1) {
            throw new IllegalArgumentException("frames must hold at least one step, got shape "
                    + Arrays.toString(frames.shape()));
        }
        if (grad.length != params.size()) {
            throw new IllegalArgumentException("the gradient vector holds " + grad.length + " values, the model "
                    + params.size());
        }
        double[] dt = cells.checkedTimespans(timespans, b, l);
        double[] h0 = cells.checkedState(hx0, b, "hx0");
        // float64 frames are read as doubles; any other dtype (float32, uint8 pixels, ...) as floats in place
        boolean floats = frames.dtype() != DType.FLOAT64;
        float[] xf = floats ? frames.floatsView() : null;
        double[] xd = floats ? null : frames.toDoubleArray();
        checkFinite(xf, xd);
        int m = cells.outputSize();
        int n = cells.stateSize();
        int per = SequenceGradient.SAMPLES_PER_CHUNK;
        int chunks = (b + per - 1) / per;
        double[][] grads = new double[chunks][];
        double[] losses = new double[chunks];
        boolean keep = (long) l * head.tapeSize() <= KEPT_TAPE_LIMIT;
        float[] frames32 = trainingHead == null ? null : xf != null ? xf : frames.toFloatArray();
        IntStream.range(0, chunks).parallel().forEach(k -> {
            if (trainingHead != null) {
                double[] local = params.newGradient();
                losses[k] = float32Chunk(frames32, k * per, Math.min(b, (k + 1) * per), l, dt, h0, loss, local);
                grads[k] = local;
                return;
            }
            Tape tape = new Tape(l, keep);
            double[] local = params.newGradient();
            double[] dOut = new double[l * m];
            double[] outs = tape.cells.outs;
            double sum = 0;
            for (int i = k * per; i < Math.min(b, (k + 1) * per); i++) {
                forward(xd, xf, i * l * frameSize, l, dt, i * l, h0, i * n, null, tape);
                for (int t = 0; t < l; t++) {
                    sum += loss.evaluate(i, t, outs, t * m, dOut, t * m);
                }
                backward(tape, dOut, local, null, 0);
            }
            grads[k] = local;
            losses[k] = sum;
        });
        double total = 0;
        for (int k = 0; k < chunks; k++) {
            total += losses[k];
            double[] local = grads[k];
            for (int p = 0; p < local.length; p++) {
                grad[p] += local[p];
            }
        }
        return total;
    }

    /**
     * Samples [from, to) of a batch of float32 frames (each {@code l} frames) with the float32 head batched over each
     * sample's frames: their loss, and their gradient added to {@code grad}.
     */
    private double float32Chunk(float[] frames, int from, int to, int l, double[] dt, double[] h0, StepLoss loss,
                                double[] grad) {
        double[] v = params.values();
        int m = cells.outputSize();
        int n = cells.stateSize();
        int block = Math.min(l, HEAD_BATCH);
        BatchedInputGradient.Batch batch = idleBatches.poll();
        if (batch == null || batch.capacity() < block) {
            batch = trainingHead.newBatch(block);
        }
        SequenceTape cellTape = cells.newTape(l);
        double[] x = new double[l * features];
        double[] dx = new double[l * features];
        double[] blockValues = new double[block * features];
        double[] dOut = new double[l * m];
        int last = (l - 1) / block * block;
        double sum = 0;
        for (int i = from; i < to; i++) {
            int fo = i * l * frameSize;
            for (int s = 0; s < l; s += block) {
                int count = Math.min(block, l - s);
                trainingHead.forward(v, frames, fo + s * frameSize, count, blockValues, batch);
                System.arraycopy(blockValues, 0, x, s * features, count * features);
            }
            cells.forward(x, 0, l, dt, i * l, h0, i * n, null, 0, cellTape);
            double[] outs = cellTape.outs;
            for (int t = 0; t < l; t++) {
                sum += loss.evaluate(i, t, outs, t * m, dOut, t * m);
            }
            cells.backward(cellTape, dOut, 0, grad);
            for (int t = 0; t < l; t++) {
                for (int f = 0; f < features; f++) {
                    dx[t * features + f] = cellTape.inputGradient(t, f);
                }
            }
            for (int s = last; s >= 0; s -= block) {
                int count = Math.min(block, l - s);
                if (s != last) { // the batch holds the last block's layers; an earlier one is run again
                    trainingHead.forward(v, frames, fo + s * frameSize, count, blockValues, batch);
                }
                System.arraycopy(dx, s * features, blockValues, 0, count * features);
                trainingHead.addParameterGradient(blockValues, grad, batch);
            }
        }
        idleBatches.offer(batch);
        return sum;
    }

    private static void checkFinite(float[] xf, double[] xd) {
        int len = xf != null ? xf.length : xd.length;
        for (int i = 0; i < len; i++) {
            double x = xf != null ? xf[i] : xd[i];
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("frames hold " + x + " at flat index " + i);
            }
        }
    }

    /** Per-thread buffers: the cells' tape, the features, one frame's head tape and scratch. */
    public final class Tape {
        private final SequenceTape cells;
        private final double[] features;
        private final double[] featureScratch;
        private final double[] dFeatures;
        private final double[] headTape;
        private final double[] keptHeadTapes;
        private final HeadGrad.Scratch scratch;
        private double[] spare;
        private double[] framesD;
        private float[] framesF;
        private int frameOffset;
        private int steps;

        private Tape(int maxSteps, boolean keepHeadTapes) {
            this.cells = FrameSequenceGradient.this.cells.newTape(maxSteps);
            this.features = new double[maxSteps * FrameSequenceGradient.this.features];
            this.featureScratch = new double[FrameSequenceGradient.this.features];
            this.dFeatures = new double[FrameSequenceGradient.this.features];
            this.headTape = new double[head.tapeSize()];
            this.keptHeadTapes = keepHeadTapes ? new double[maxSteps * head.tapeSize()] : null;
            this.scratch = head.newScratch();
        }

        /** The cells' tape (outputs, states, ...). */
        public SequenceTape cells() {
            return cells;
        }

        private double[] spareGrad() {
            if (spare == null) {
                spare = params.newGradient();
            } else {
                Arrays.fill(spare, 0);
            }
            return spare;
        }
    }
}
