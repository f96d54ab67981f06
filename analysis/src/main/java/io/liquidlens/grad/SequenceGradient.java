package io.liquidlens.grad;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.BaselineLayout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.StateDictLayout.Lstm;
import io.liquidlens.model.StateDictLayout.Ltc;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.TorchRnnSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Backpropagation through time for a whole ncps model, in double precision. Each step composes, as
 * ncps's {@code LTC}/{@code CfC} wrappers do: [mixed-memory LSTM on (x, (h, c)) -> (h1, c1)] -> cell(x, h1,
 * dt) -> (h', y) -> [projection {@code fc}: y W^T + b]. The next state is (h', c1).
 *
 * <p>All tensors live in one {@link ParamSet} in ncps state-dict order ({@code rnn_cell.*}, then
 * {@code lstm.*}, then {@code fc.*}); the sparsity masks are non-trainable. After changing the values
 * (an optimizer step) call {@link #prepare()}.
 *
 * <p>The sequence methods work on one {@link SequenceTape} per thread ({@link #newTape}), sized once for
 * the longest sequence; nothing is allocated per step. The batch methods run samples in parallel on the
 * common fork-join pool, each worker with its own tape and gradient vector; per-worker gradients are
 * summed in a fixed order, so results do not depend on the number of cores.
 *
 * <p>Per-sample elapsed times: ncps's batched timespans are broken for B > 1 (docs/NCPS.md#timespans); as the
 * simulator does, each sample here has its own dt.
 */
public final class SequenceGradient implements ReverseModel {
    /** Samples per work unit in {@link #lossAndGradient}: fixed so that sums do not depend on the cores. */
    static final int SAMPLES_PER_CHUNK = 4;

    private final ModelSpec spec;
    private final ParamSet params;
    private final CellGrad cell;
    private final CellGrad lstm;
    private final int inputSize;
    private final int stateSize;
    private final int cellOutputs;
    private final int outputSize;
    /** Doubles of one recorded state: h, then an LSTM cell state c (mixed memory's, or a torch LSTM's own). */
    private final int stride;
    private final int oFcW;
    /** -1 without a projection, or for a baseline's readout without bias. */
    private final int oFcB;

    /**
     * A driver over already built cells.
     *
     * @param spec   the model spec (for the record; the cells carry the numerics)
     * @param params every tensor of the model
     * @param cell   the liquid cell
     * @param lstm   the mixed-memory LSTM (state [h, c], see {@link LstmCellGrad}), or null
     */
    public SequenceGradient(ModelSpec spec, ParamSet params, CellGrad cell, CellGrad lstm) {
        this.spec = spec;
        this.params = params;
        this.cell = cell;
        this.lstm = lstm;
        this.inputSize = cell.inputSize();
        this.stateSize = cell.stateSize();
        this.cellOutputs = cell.outputSize();
        if (lstm != null && cell.memorySize() > 0) {
            throw new IllegalArgumentException("a cell with memory of its own takes no mixed-memory LSTM");
        }
        if (cell.memorySize() != 0 && cell.memorySize() != stateSize) {
            throw new IllegalArgumentException("a cell's memory must match its state, " + stateSize + ", got "
                    + cell.memorySize());
        }
        this.stride = lstm == null ? stateSize + cell.memorySize() : 2 * stateSize;
        if (lstm != null && (lstm.inputSize() != inputSize || lstm.stateSize() != 2 * stateSize)) {
            throw new IllegalArgumentException("the LSTM must take " + inputSize + " inputs and a state [h, c] of "
                    + 2 * stateSize + ", got " + lstm.inputSize() + " and " + lstm.stateSize());
        }
        if (params.has(StateDictLayout.FC_WEIGHT)) {
            // a baseline's readout is fc too (BaselineLayout), and may have no bias
            Param w = params.param(StateDictLayout.FC_WEIGHT);
            Param b = params.has(StateDictLayout.FC_BIAS) || !(spec.cell() instanceof BaselineSpec)
                    ? params.param(StateDictLayout.FC_BIAS) : null;
            if (w.shape().length != 2 || w.shape()[1] != cellOutputs || b != null && b.size() != w.shape()[0]) {
                throw new IllegalArgumentException(w.name() + " " + Arrays.toString(w.shape()) + " / " + b + " do not"
                        + " fit " + cellOutputs + " cell outputs");
            }
            oFcW = w.offset();
            oFcB = b == null ? -1 : b.offset();
            outputSize = w.shape()[0];
        } else {
            oFcW = -1;
            oFcB = -1;
            outputSize = cellOutputs;
        }
    }

    /**
     * The model of an ncps state dict, checked as {@link LiquidModel#fromStateDict(ModelSpec, Map)} checks it
     * (missing, misshapen, non-finite or unexpected tensors).
     *
     * @throws IllegalArgumentException naming the offending tensor
     */
    public static SequenceGradient fromStateDict(ModelSpec spec, Map<String, NdArray> stateDict) {
        LiquidModel.fromStateDict(spec, stateDict); // validation only
        return of(spec, paramSet(stateDict, spec));
    }

    /** The driver for {@code spec} over {@code params}, with the cells built by {@link #newCell}. */
    public static SequenceGradient of(ModelSpec spec, ParamSet params) {
        CellGrad cell = newCell(spec, params);
        CellGrad lstm = spec.cell().mixedMemory() ? new LstmCellGrad(spec.inputSize(), cell.stateSize(), params) : null;
        return new SequenceGradient(spec, params, cell, lstm);
    }

    /** The reverse-mode cell for {@code spec}: the one place where cell kinds are told apart. */
    static CellGrad newCell(ModelSpec spec, ParamSet params) {
        if (spec.cell() instanceof LtcSpec) {
            return LtcCellGrad.of(spec, params);
        }
        if (spec.cell() instanceof CfcSpec) {
            return CfcGrads.forModel(spec, StateDictLayout.wiringOf(spec), params);
        }
        if (spec.cell() instanceof TorchRnnSpec) {
            return TorchRnnCellGrad.of(spec, params);
        }
        if (spec.cell() instanceof CtrnnSpec) {
            return CtrnnCellGrad.of(spec, params);
        }
        throw new IllegalArgumentException("unknown cell " + spec.cell());
    }

    /**
     * The tensors of a state dict as a parameter set in ncps order: {@code rnn_cell.*} (for LTC in the
     * order of ncps's {@code LTCCell}, otherwise in the map's order, which is the checkpoint's), then
     * {@code lstm.*}, then {@code fc.*}; a baseline's in its {@code state_dict()} order ({@link BaselineLayout}).
     * Tensors named {@code *sparsity_mask} are non-trainable.
     */
    public static ParamSet paramSet(Map<String, NdArray> stateDict, ModelSpec spec) {
        List<String> order = new ArrayList<>();
        if (spec.cell() instanceof BaselineSpec) {
            BaselineLayout.of(spec).stream().map(Tensor::name).filter(stateDict::containsKey).forEach(order::add);
        } else if (spec.cell() instanceof LtcSpec) {
            Arrays.stream(Ltc.values()).map(Ltc::key).filter(stateDict::containsKey).forEach(order::add);
        } else {
            stateDict.keySet().stream().filter(k -> k.startsWith(StateDictLayout.CELL_PREFIX)).forEach(order::add);
        }
        Stream.concat(Arrays.stream(Lstm.values()).map(Lstm::key),
                        Stream.of(StateDictLayout.FC_WEIGHT, StateDictLayout.FC_BIAS))
                .filter(k -> stateDict.containsKey(k) && !order.contains(k)).forEach(order::add);
        List<String> rest = new ArrayList<>(stateDict.keySet());
        rest.removeAll(order);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected tensors " + rest + " (not part of this model)");
        }
        ParamSet.Builder b = ParamSet.builder();
        for (String name : order) {
            b.add(name, stateDict.get(name), !StateDictLayout.isConstant(name));
        }
        return b.build();
    }

    /** The model spec. */
    public ModelSpec spec() {
        return spec;
    }

    /** The parameters (values shared with the cells; see {@link #prepare()}). */
    @Override
    public ParamSet params() {
        return params;
    }

    /** The liquid cell. */
    public CellGrad cell() {
        return cell;
    }

    /** Input features per step S. */
    public int inputSize() {
        return inputSize;
    }

    /** State size N. */
    public int stateSize() {
        return stateSize;
    }

    /** (S): one step is a vector of {@link #inputSize()} features. */
    @Override
    public int[] stepShape() {
        return new int[] {inputSize};
    }

    /** Outputs per step M' (after the projection, if any). */
    @Override
    public int outputSize() {
        return outputSize;
    }

    /** True when a mixed-memory LSTM carries a cell state c. */
    public boolean mixedMemory() {
        return lstm != null;
    }

    /** True when an LSTM cell state c travels beside h: mixed memory's, or a torch LSTM baseline's own. */
    public boolean carriesCellState() {
        return stride > stateSize;
    }

    int stride() {
        return stride;
    }

    boolean hasProjection() {
        return oFcW >= 0;
    }

    /** Re-derives the cells' cached values after {@code params().values()} changed. Not thread-safe. */
    @Override
    public void prepare() {
        cell.prepare(params.values());
        if (lstm != null) {
            lstm.prepare(params.values());
        }
    }

    /** A tape (with all scratch space) for sequences of up to {@code maxSteps} steps; one per thread. */
    public SequenceTape newTape(int maxSteps) {
        return new SequenceTape(this, cell, lstm, maxSteps);
    }

    /**
     * Runs one sequence forward and records it on {@code tape}.
     *
     * @param x  inputs, (L, S) row-major; L = x.length / S
     * @param dt elapsed time per step (L), or null for 1
     * @param h0 initial state (N), or null for zeros
     * @param c0 initial LSTM cell state (N), or null for zeros (ignored without mixed memory)
     */
    public void forward(double[] x, double[] dt, double[] h0, double[] c0, SequenceTape tape) {
        if (x.length % inputSize != 0) {
            throw new IllegalArgumentException("input length " + x.length + " is not a multiple of " + inputSize);
        }
        forward(x, 0, x.length / inputSize, dt, 0, h0, 0, c0, 0, tape);
    }

    /** As {@link #forward(double[], double[], double[], double[], SequenceTape)} on slices of larger arrays. */
    public void forward(double[] x, int xo, int steps, double[] dt, int dto, double[] h0, int h0o, double[] c0,
                        int c0o, SequenceTape tape) {
        if (steps < 1 || steps > tape.maxSteps) {
            throw new IllegalArgumentException(steps + " steps do not fit a tape of " + tape.maxSteps);
        }
        final double[] v = params.values();
        final int s = inputSize;
        final int n = stateSize;
        final int m = cellOutputs;
        final int stride = tape.stride();
        final int ct = cell.tapeSize();
        tape.steps = steps;
        tape.recorded = true;
        System.arraycopy(x, xo, tape.xs, 0, steps * s);
        for (int t = 0; t < steps; t++) {
            tape.dts[t] = dt == null ? 1.0 : dt[dto + t];
        }
        double[] st = tape.states;
        if (h0 == null) {
            Arrays.fill(st, 0, n, 0);
        } else {
            System.arraycopy(h0, h0o, st, 0, n);
        }
        if (stride > n) {
            if (c0 == null) {
                Arrays.fill(st, n, 2 * n, 0);
            } else {
                System.arraycopy(c0, c0o, st, n, n);
            }
        }
        final int lt = lstm == null ? 0 : lstm.tapeSize();
        for (int t = 0; t < steps; t++) {
            int xoff = t * s;
            double d = tape.dts[t];
            if (lstm != null) {
                int mo = t * 2 * n;
                lstm.forward(v, tape.xs, xoff, d, st, t * stride, tape.mid, mo, tape.lstmOut, 0, tape.lstmTape, t * lt,
                        tape.lstmScratch);
                cell.forward(v, tape.xs, xoff, d, tape.mid, mo, st, (t + 1) * stride, tape.ys, t * m, tape.cellTape,
                        t * ct, tape.cellScratch);
                System.arraycopy(tape.mid, mo + n, st, (t + 1) * stride + n, n);
            } else {
                cell.forward(v, tape.xs, xoff, d, st, t * stride, st, (t + 1) * stride, tape.ys, t * m, tape.cellTape,
                        t * ct, tape.cellScratch);
            }
            if (oFcW >= 0) {
                project(v, tape.ys, t * m, tape.outs, t * outputSize);
            }
        }
    }

    private void project(double[] v, double[] y, int yo, double[] out, int oo) {
        for (int p = 0; p < outputSize; p++) {
            double acc = oFcB < 0 ? 0.0 : v[oFcB + p];
            int base = oFcW + p * cellOutputs;
            for (int k = 0; k < cellOutputs; k++) {
                acc += v[base + k] * y[yo + k];
            }
            out[oo + p] = acc;
        }
    }

    /**
     * Backpropagates dL/d(outputs) through the sequence last recorded on {@code tape}: parameter gradients
     * are added to {@code grad}; the gradients with respect to the inputs and the initial state are
     * returned (copies; they also stay readable on the tape).
     *
     * @param dOutputs dL/d(outputs), (L, M') row-major
     * @param grad     gradient vector of {@link #params()}'s layout (accumulated into), or null when only
     *                 input gradients are wanted
     */
    public InputGradients backward(SequenceTape tape, double[] dOutputs, double[] grad) {
        backward(tape, dOutputs, 0, grad);
        return new InputGradients(tape.inputGradient(), tape.h0Gradient(), tape.c0Gradient());
    }

    /**
     * As {@link #backward(SequenceTape, double[], double[])} with dL/d(outputs) at {@code dOutputs[dOff..]},
     * leaving the input gradients on the tape only ({@link SequenceTape#inputGradient()} ...).
     */
    public void backward(SequenceTape tape, double[] dOutputs, int dOff, double[] grad) {
        if (!tape.recorded) {
            throw new IllegalStateException("backward needs a forward pass recorded on the tape");
        }
        final double[] v = params.values();
        final int steps = tape.steps;
        final int s = inputSize;
        final int n = stateSize;
        final int m = cellOutputs;
        final int stride = tape.stride();
        final int ct = cell.tapeSize();
        final int lt = lstm == null ? 0 : lstm.tapeSize();
        final double[] cellGrad = grad != null || cell.acceptsNullGradient() ? grad : tape.spareGrad;
        final double[] lstmGrad = lstm == null || grad != null || lstm.acceptsNullGradient() ? grad : tape.spareGrad;
        double[] dState = tape.dStateA;
        double[] dPrev = tape.dStateB;
        Arrays.fill(dState, 0);
        for (int t = steps - 1; t >= 0; t--) {
            double[] dy;
            int dyo;
            if (oFcW >= 0) {
                dy = tape.dY;
                dyo = 0;
                projectBack(v, dOutputs, dOff + t * outputSize, tape.ys, t * m, dy, grad);
            } else {
                dy = dOutputs;
                dyo = dOff + t * m;
            }
            int xoff = t * s;
            double d = tape.dts[t];
            if (lstm != null) {
                int mo = t * 2 * n;
                cell.backward(v, dy, dyo, dState, 0, tape.xs, xoff, d, tape.mid, mo, tape.cellTape, t * ct,
                        tape.dInputs, xoff, tape.dMid, 0, cellGrad, tape.cellScratch);
                System.arraycopy(dState, n, tape.dMid, n, n);
                lstm.backward(v, null, 0, tape.dMid, 0, tape.xs, xoff, d, tape.states, t * stride, tape.lstmTape, t * lt,
                        tape.dXLstm, 0, dPrev, 0, lstmGrad, tape.lstmScratch);
                for (int i = 0; i < s; i++) {
                    tape.dInputs[xoff + i] += tape.dXLstm[i];
                }
            } else {
                cell.backward(v, dy, dyo, dState, 0, tape.xs, xoff, d, tape.states, t * stride, tape.cellTape, t * ct,
                        tape.dInputs, xoff, dPrev, 0, cellGrad, tape.cellScratch);
            }
            double[] swap = dState;
            dState = dPrev;
            dPrev = swap;
        }
        System.arraycopy(dState, 0, tape.dH0, 0, n);
        if (stride > n) {
            System.arraycopy(dState, n, tape.dC0, 0, n);
        }
    }

    /** Scratch space for {@link #backwardWindow}; one per thread, reused for every call. */
    public BackwardScratch newBackwardScratch() {
        return new BackwardScratch(this);
    }

    /**
     * The gradient of one step's outputs, weighted by {@code dyAtEnd}, with respect to the inputs of steps
     * {@code firstStep..endStep} of the sequence recorded on {@code tape}: backpropagation from
     * {@code endStep} back to {@code firstStep} only, starting from the states the forward pass recorded
     * (so the state before {@code firstStep} is the exact one of the whole sequence, held constant). This
     * is what a windowed saliency map needs: d(dyAtEnd . outputs[endStep]) / d(inputs[firstStep..endStep]).
     *
     * <p>No parameter gradients are computed. The tape is only read, so several threads may run windows
     * over one recorded tape at once, each with its own {@link BackwardScratch}.
     *
     * @param tape      a tape holding a forward pass of at least {@code endStep + 1} steps
     * @param endStep   the step whose outputs are differentiated
     * @param firstStep the earliest step whose inputs are differentiated, 0 <= firstStep <= endStep
     * @param dyAtEnd   the weights of the outputs of {@code endStep} (M', after the projection, if any)
     * @param dxOut     receives (overwritten) d/d(inputs), (endStep - firstStep + 1, S) row-major, the row
     *                  of {@code firstStep} first
     * @param scratch   this thread's scratch space, from {@link #newBackwardScratch()}
     */
    public void backwardWindow(SequenceTape tape, int endStep, int firstStep, double[] dyAtEnd, double[] dxOut,
                               BackwardScratch scratch) {
        if (!tape.recorded) {
            throw new IllegalStateException("backwardWindow needs a forward pass recorded on the tape");
        }
        if (endStep < 0 || endStep >= tape.steps || firstStep < 0 || firstStep > endStep) {
            throw new IllegalArgumentException("window " + firstStep + ".." + endStep + " is not within the "
                    + tape.steps + " recorded steps");
        }
        final int s = inputSize;
        if (dyAtEnd.length < outputSize || dxOut.length < (endStep - firstStep + 1) * s) {
            throw new IllegalArgumentException("dyAtEnd needs " + outputSize + " values and dxOut "
                    + (endStep - firstStep + 1) * s + ", got " + dyAtEnd.length + " and " + dxOut.length);
        }
        final double[] v = params.values();
        final int n = stateSize;
        final int stride = tape.stride();
        final int ct = cell.tapeSize();
        final int lt = lstm == null ? 0 : lstm.tapeSize();
        // cells that cannot skip parameter bookkeeping write it into a throw-away vector of this scratch
        final double[] cellGrad = cell.acceptsNullGradient() ? null : scratch.spareGrad;
        final double[] lstmGrad = lstm == null || lstm.acceptsNullGradient() ? null : scratch.spareGrad;
        double[] dState = scratch.dStateA;
        double[] dPrev = scratch.dStateB;
        Arrays.fill(dState, 0); // nothing flows back from after endStep
        for (int t = endStep; t >= firstStep; t--) {
            double[] dy = null; // only endStep's outputs are differentiated
            if (t == endStep) {
                if (oFcW >= 0) {
                    projectBack(v, dyAtEnd, 0, tape.ys, t * cellOutputs, scratch.dY, null);
                    dy = scratch.dY;
                } else {
                    dy = dyAtEnd;
                }
            }
            int xoff = t * s;
            int dxo = (t - firstStep) * s;
            double d = tape.dts[t];
            if (lstm != null) {
                int mo = t * 2 * n;
                cell.backward(v, dy, 0, dState, 0, tape.xs, xoff, d, tape.mid, mo, tape.cellTape, t * ct, dxOut, dxo,
                        scratch.dMid, 0, cellGrad, scratch.cellScratch);
                System.arraycopy(dState, n, scratch.dMid, n, n);
                lstm.backward(v, null, 0, scratch.dMid, 0, tape.xs, xoff, d, tape.states, t * stride, tape.lstmTape,
                        t * lt, scratch.dXLstm, 0, dPrev, 0, lstmGrad, scratch.lstmScratch);
                for (int i = 0; i < s; i++) {
                    dxOut[dxo + i] += scratch.dXLstm[i];
                }
            } else {
                cell.backward(v, dy, 0, dState, 0, tape.xs, xoff, d, tape.states, t * stride, tape.cellTape, t * ct,
                        dxOut, dxo, dPrev, 0, cellGrad, scratch.cellScratch);
            }
            double[] swap = dState;
            dState = dPrev;
            dPrev = swap;
        }
    }

    /**
     * The per-thread work space of {@link #backwardWindow}: state gradients and the cells' scratch, kept
     * apart from the {@link SequenceTape} so that one recorded tape serves several threads.
     */
    public static final class BackwardScratch {
        final double[] dStateA;
        final double[] dStateB;
        final double[] dMid;
        final double[] dY;
        final double[] dXLstm;
        final double[] cellScratch;
        final double[] lstmScratch;
        final double[] spareGrad;

        BackwardScratch(SequenceGradient g) {
            int n = g.stateSize;
            int stride = g.stride;
            dStateA = new double[stride];
            dStateB = new double[stride];
            dMid = new double[2 * n];
            dY = new double[g.cellOutputs];
            dXLstm = new double[g.inputSize];
            cellScratch = new double[g.cell.scratchSize()];
            lstmScratch = g.lstm == null ? null : new double[g.lstm.scratchSize()];
            spareGrad = g.cell.acceptsNullGradient() && (g.lstm == null || g.lstm.acceptsNullGradient()) ? null
                    : g.params.newGradient();
        }
    }

    private void projectBack(double[] v, double[] dOut, int off, double[] y, int yo, double[] dy, double[] grad) {
        Arrays.fill(dy, 0);
        for (int p = 0; p < outputSize; p++) {
            double g = dOut[off + p];
            int base = oFcW + p * cellOutputs;
            for (int k = 0; k < cellOutputs; k++) {
                dy[k] += v[base + k] * g;
            }
            if (grad != null) {
                for (int k = 0; k < cellOutputs; k++) {
                    grad[base + k] += g * y[yo + k];
                }
                if (oFcB >= 0) {
                    grad[oFcB + p] += g;
                }
            }
        }
    }

    /**
     * For a batch, the gradients of {@code sum(outputs * G)} with respect to the inputs and the initial
     * state: what ncps's fixtures call {@code input_grad}, and what {@code liquidlens grad} writes. Batch
     * elements run in parallel.
     *
     * @param x         inputs (B, L, S), batch-first
     * @param timespans (B, L) or (B, L, 1), or null for 1
     * @param hx0       (B, N) or null for zeros
     * @param g         the weights G of every output, (B, L, M')
     * @throws IllegalArgumentException for shapes that do not fit or non-finite values
     */
    public BatchGradients inputGradients(NdArray x, NdArray timespans, NdArray hx0, NdArray g) {
        return inputGradients(x, timespans, hx0, null, g);
    }

    /** As {@link #inputGradients(NdArray, NdArray, NdArray, NdArray)} with an initial LSTM cell state cx0 (B, N). */
    public BatchGradients inputGradients(NdArray x, NdArray timespans, NdArray hx0, NdArray cx0, NdArray g) {
        Batch in = Batch.of(this, x, timespans, hx0, cx0);
        int b = in.b;
        int l = in.l;
        if (!g.hasShape(b, l, outputSize)) {
            throw new IllegalArgumentException("output weights must have shape " + Arrays.toString(new int[] {b, l,
                    outputSize}) + ", got " + Arrays.toString(g.shape()));
        }
        double[] gs = finite(g, "output weights");
        double[] dx = new double[b * l * inputSize];
        double[] dh = new double[b * stateSize];
        double[] dc = stride > stateSize ? new double[b * stateSize] : null;
        int chunks = Math.min(b, 4 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, chunks).parallel().forEach(k -> {
            SequenceTape tape = newTape(l);
            for (int i = k * b / chunks; i < (k + 1) * b / chunks; i++) {
                in.forward(this, i, tape);
                backward(tape, gs, i * l * outputSize, null);
                System.arraycopy(tape.dInputs, 0, dx, i * l * inputSize, l * inputSize);
                System.arraycopy(tape.dH0, 0, dh, i * stateSize, stateSize);
                if (dc != null) {
                    System.arraycopy(tape.dC0, 0, dc, i * stateSize, stateSize);
                }
            }
        });
        return new BatchGradients(NdArray.ofDoubles(new int[] {b, l, inputSize}, dx),
                NdArray.ofDoubles(new int[] {b, stateSize}, dh),
                dc == null ? null : NdArray.ofDoubles(new int[] {b, stateSize}, dc));
    }

    /**
     * Forward over a batch of (sub)sequences, a loss on every step's outputs, and the gradient of the total
     * loss (the sum over samples and steps) with respect to every parameter, added to {@code grad}. Samples
     * run in parallel; the result does not depend on the number of cores.
     *
     * @param x         inputs (B, L, S), batch-first
     * @param timespans (B, L) or (B, L, 1), or null for 1
     * @param hx0       (B, N) or null for zeros
     * @param loss      the per-step loss and its slope (thread-safe)
     * @param grad      gradient vector of {@link #params()}'s layout, accumulated into
     * @return the total loss
     */
    @Override
    public double lossAndGradient(NdArray x, NdArray timespans, NdArray hx0, StepLoss loss, double[] grad) {
        Batch in = Batch.of(this, x, timespans, hx0, null);
        int b = in.b;
        int l = in.l;
        int chunks = (b + SAMPLES_PER_CHUNK - 1) / SAMPLES_PER_CHUNK;
        double[][] grads = new double[chunks][];
        double[] losses = new double[chunks];
        IntStream.range(0, chunks).parallel().forEach(k -> {
            SequenceTape tape = newTape(l);
            double[] local = params.newGradient();
            double[] dOut = new double[l * outputSize];
            double sum = 0;
            for (int i = k * SAMPLES_PER_CHUNK; i < Math.min(b, (k + 1) * SAMPLES_PER_CHUNK); i++) {
                in.forward(this, i, tape);
                for (int t = 0; t < l; t++) {
                    sum += loss.evaluate(i, t, tape.outs, t * outputSize, dOut, t * outputSize);
                }
                backward(tape, dOut, 0, local);
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
     * Timespans (B, L) or (B, L, 1) flattened, checked finite (and > 0 for an LTC); null stays null.
     *
     * @throws IllegalArgumentException for a wrong shape or value
     */
    double[] checkedTimespans(NdArray timespans, int b, int l) {
        if (timespans == null) {
            return null;
        }
        if (!timespans.hasShape(b, l) && !timespans.hasShape(b, l, 1)) {
            throw new IllegalArgumentException("timespans must have shape " + Arrays.toString(new int[] {b, l})
                    + " or " + Arrays.toString(new int[] {b, l, 1}) + ", got " + Arrays.toString(timespans.shape()));
        }
        double[] dt = finite(timespans, "timespans");
        if (spec.cell() instanceof LtcSpec || spec.cell() instanceof CtrnnSpec) {
            for (int i = 0; i < dt.length; i++) {
                if (!(dt[i] > 0)) {
                    throw new IllegalArgumentException("timespans must be > 0 for an ODE solver, got " + dt[i]
                            + " at flat index " + i);
                }
            }
        }
        return dt;
    }

    /**
     * An initial state (B, N) flattened and checked finite; null stays null.
     *
     * @param what "hx0" or "cx0" (the LSTM cell state, refused without mixed memory)
     */
    double[] checkedState(NdArray a, int b, String what) {
        if (a == null) {
            return null;
        }
        if (what.equals("cx0") && stride == stateSize) {
            throw new IllegalArgumentException("cx0 given but the model has no LSTM cell state");
        }
        if (!a.hasShape(b, stateSize)) {
            throw new IllegalArgumentException(what + " must have shape " + Arrays.toString(new int[] {b, stateSize})
                    + ", got " + Arrays.toString(a.shape()));
        }
        return finite(a, what);
    }

    static double[] finite(NdArray a, String what) {
        double[] v = a.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " hold " + v[i] + " at flat index " + i);
            }
        }
        return v;
    }

    /** A checked batch of inputs, flattened to doubles. */
    private record Batch(int b, int l, double[] x, double[] dt, double[] h0, double[] c0) {

        static Batch of(SequenceGradient g, NdArray x, NdArray timespans, NdArray hx0, NdArray cx0) {
            if (x.rank() != 3 || x.dim(2) != g.inputSize) {
                throw new IllegalArgumentException("inputs must have shape (B, L, " + g.inputSize + "), got "
                        + Arrays.toString(x.shape()));
            }
            int b = x.dim(0);
            int l = x.dim(1);
            if (b < 1 || l < 1) {
                throw new IllegalArgumentException("inputs must hold at least one step, got shape "
                        + Arrays.toString(x.shape()));
            }
            double[] dt = g.checkedTimespans(timespans, b, l);
            return new Batch(b, l, finite(x, "inputs"), dt, g.checkedState(hx0, b, "hx0"), g.checkedState(cx0, b, "cx0"));
        }

        void forward(SequenceGradient g, int i, SequenceTape tape) {
            int n = g.stateSize;
            g.forward(x, i * l * g.inputSize, l, dt, i * l, h0, i * n, c0, i * n, tape);
        }
    }
}
