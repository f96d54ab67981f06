package io.liquidlens.grad;

import io.liquidlens.head.HeadGrad;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.spec.ModelSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reverse mode for a model with a perception head: frames -> head -> features -> {@link SequenceGradient}.
 * The head has no memory, so the composition is exact and simple: forward runs the head on every frame
 * and the cells over the features; backward runs the cells back, then the head back on every frame with
 * the features' gradient. The head's tape is recomputed frame by frame during backward rather than kept
 * for the whole sequence, so memory does not grow with the number of frames (the head forward is about a
 * third of its forward + backward).
 *
 * <p>Parameters: the head's tensors, then the cell's, in one {@link ParamSet}.
 */
public final class FrameSequenceGradient {
    private final HeadGrad head;
    private final SequenceGradient cells;
    private final ParamSet params;
    private final int frameSize;
    private final int features;

    private FrameSequenceGradient(ModelSpec spec, HeadSpec headSpec, ParamSet params) {
        this.params = params;
        this.head = new HeadGrad(headSpec, name -> params.param(name).offset());
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
        return new FrameSequenceGradient(spec, headSpec, b.build());
    }

    /** All parameters: the head's, then the cell's. */
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

    /** Re-derives cached values after the parameter values changed. Not thread-safe. */
    public void prepare() {
        cells.prepare();
    }

    /** Per-thread buffers for sequences of up to {@code maxSteps} frames. */
    public Tape newTape(int maxSteps) {
        return new Tape(maxSteps);
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
        double[] v = params.values();
        for (int t = 0; t < steps; t++) {
            head.forward(v, frames, fo + t * frameSize, tape.features, t * features, tape.headTape, 0, tape.scratch);
        }
        tape.frames = frames;
        tape.frameOffset = fo;
        tape.steps = steps;
        cells.forward(tape.features, 0, steps, dt, 0, h0, 0, c0, 0, tape.cells);
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
            head.forward(v, tape.frames, tape.frameOffset + t * frameSize, tape.featureScratch, 0, tape.headTape, 0,
                    tape.scratch);
            head.backward(v, tape.dFeatures, 0, tape.headTape, 0, dFrames, dFrames == null ? 0 : dfo + t * frameSize,
                    g, tape.scratch);
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

    /** Per-thread buffers: the cells' tape, the features, one frame's head tape and scratch. */
    public final class Tape {
        private final SequenceTape cells;
        private final double[] features;
        private final double[] featureScratch;
        private final double[] dFeatures;
        private final double[] headTape;
        private final HeadGrad.Scratch scratch;
        private double[] spare;
        private double[] frames;
        private int frameOffset;
        private int steps;

        private Tape(int maxSteps) {
            this.cells = FrameSequenceGradient.this.cells.newTape(maxSteps);
            this.features = new double[maxSteps * FrameSequenceGradient.this.features];
            this.featureScratch = new double[FrameSequenceGradient.this.features];
            this.dFeatures = new double[FrameSequenceGradient.this.features];
            this.headTape = new double[head.tapeSize()];
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
