package io.liquidlens.grad;

import java.util.Arrays;

/**
 * Everything one thread needs to run {@link SequenceGradient#forward} and
 * {@link SequenceGradient#backward} on sequences of up to {@link #maxSteps()} steps: the recorded forward
 * pass (inputs, elapsed times, states, outputs, the cells' tapes) and all scratch space. Allocated once
 * and reused, so the per-step loops allocate nothing. Not thread-safe: one tape per worker.
 *
 * <p>After a forward pass the outputs and states can be read; after a backward pass the gradients with
 * respect to the inputs and the initial state.
 */
public final class SequenceTape {
    final int maxSteps;
    int steps;
    boolean recorded;

    final double[] xs;        // maxSteps * S
    final double[] dts;       // maxSteps
    final double[] states;    // (maxSteps + 1) * stride; slot t = state before step t: [h] or [h, c]
                              // (c: mixed memory's, or a torch LSTM's own cell states)
    final double[] mid;       // maxSteps * 2N: the LSTM's [h1, c1] (mixed memory only)
    final double[] ys;        // maxSteps * M: cell outputs
    final double[] outs;      // maxSteps * M': readout after the projection (== ys without projection)
    final double[] cellTape;
    final double[] lstmTape;
    final double[] cellScratch;
    final double[] lstmScratch;
    final double[] lstmOut;   // the LSTM's h' output, unused by the driver (it reads mid)

    final double[] dStateA;   // stride
    final double[] dStateB;
    final double[] dMid;      // 2N
    final double[] dY;        // M
    final double[] dXLstm;    // S
    final double[] dInputs;   // maxSteps * S
    final double[] dH0;       // N
    final double[] dC0;       // N (mixed memory)
    final double[] spareGrad; // for cells that need a gradient vector even when none is wanted

    private final int inputSize;
    private final int stateSize;
    private final int outputSize;
    private final int stride;

    SequenceTape(SequenceGradient g, CellGrad cell, CellGrad lstm, int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("a tape needs at least one step, got " + maxSteps);
        }
        this.maxSteps = maxSteps;
        int s = cell.inputSize();
        int n = cell.stateSize();
        int m = cell.outputSize();
        this.inputSize = s;
        this.stateSize = n;
        this.outputSize = g.outputSize();
        this.stride = g.stride();
        xs = new double[maxSteps * s];
        dts = new double[maxSteps];
        states = new double[(maxSteps + 1) * stride];
        mid = lstm == null ? null : new double[maxSteps * 2 * n];
        ys = new double[maxSteps * m];
        outs = g.hasProjection() ? new double[maxSteps * outputSize] : ys;
        cellTape = new double[Math.multiplyExact(maxSteps, cell.tapeSize())];
        lstmTape = lstm == null ? null : new double[maxSteps * lstm.tapeSize()];
        cellScratch = new double[cell.scratchSize()];
        lstmScratch = lstm == null ? null : new double[lstm.scratchSize()];
        lstmOut = lstm == null ? null : new double[n];
        dStateA = new double[stride];
        dStateB = new double[stride];
        dMid = new double[2 * n];
        dY = new double[m];
        dXLstm = new double[s];
        dInputs = new double[maxSteps * s];
        dH0 = new double[n];
        dC0 = new double[n];
        spareGrad = cell.acceptsNullGradient() && (lstm == null || lstm.acceptsNullGradient()) ? null
                : new double[g.params().size()];
    }

    int stride() {
        return stride;
    }

    /** The longest sequence this tape holds. */
    public int maxSteps() {
        return maxSteps;
    }

    /** Steps of the last forward pass. */
    public int steps() {
        return steps;
    }

    /** Output k of step t of the last forward pass (after the projection, if any). */
    public double output(int t, int k) {
        return outs[t * outputSize + k];
    }

    /** The outputs of the last forward pass, (L, M') row-major (a copy). */
    public double[] outputs() {
        return Arrays.copyOf(outs, steps * outputSize);
    }

    /** The liquid cell's state after each step of the last forward pass, (L, N) row-major (a copy). */
    public double[] states() {
        double[] out = new double[steps * stateSize];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(states, (t + 1) * stride, out, t * stateSize, stateSize);
        }
        return out;
    }

    /** The final state h (N), a copy. */
    public double[] finalState() {
        return Arrays.copyOfRange(states, steps * stride, steps * stride + stateSize);
    }

    /** The final LSTM cell state c (N), a copy; null without mixed memory or a torch LSTM's cell states. */
    public double[] finalCellState() {
        if (stride == stateSize) {
            return null;
        }
        return Arrays.copyOfRange(states, steps * stride + stateSize, steps * stride + 2 * stateSize);
    }

    /** dL/d(input) of the last backward pass, (L, S) row-major (a copy). */
    public double[] inputGradient() {
        return Arrays.copyOf(dInputs, steps * inputSize);
    }

    /** dL/d(input) of feature i at step t, from the last backward pass. */
    public double inputGradient(int t, int i) {
        return dInputs[t * inputSize + i];
    }

    /** dL/d(hx0) of the last backward pass (a copy). */
    public double[] h0Gradient() {
        return dH0.clone();
    }

    /** dL/d(cx0) of the last backward pass (a copy); null without an LSTM cell state. */
    public double[] c0Gradient() {
        return stride == stateSize ? null : dC0.clone();
    }
}
