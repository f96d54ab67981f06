package io.liquidlens.grad;

/**
 * A recurrent cell (or the mixed-memory LSTM) in double precision, for reverse mode. One step maps
 * (input x, state h, elapsed time dt) to (next state h', output y); {@link #forward} records what
 * {@link #backward} needs on a tape so that the backward pass never recomputes the forward.
 *
 * <p>Parameters are read from the flat {@code values} vector of the cell's {@link ParamSet} at its
 * params' offsets; gradients are accumulated (+=) into a flat vector of the same layout. Implementations
 * hold no per-call mutable state except in {@link #prepare}, so one cell serves several threads, each
 * with its own tape, scratch and gradient vectors.
 */
public interface CellGrad {

    /** Input features per step. */
    int inputSize();

    /** State size (ncps state order). */
    int stateSize();

    /** Outputs per step (before any projection). */
    int outputSize();

    /**
     * Values the cell carries from step to step beside its state: a torch LSTM's cell states, which follow the
     * hidden units in {@code h}, {@code hNext}, {@code dhNext} and {@code dh}; 0 for every other cell (the
     * mixed-memory LSTM carries its own as a separate {@link LstmCellGrad}).
     */
    default int memorySize() {
        return 0;
    }

    /** Doubles of tape one step needs. */
    int tapeSize();

    /** Doubles of scratch space {@link #forward} and {@link #backward} need. */
    int scratchSize();

    /**
     * Recomputes whatever the cell derives from its parameter values (effective weights after softplus,
     * sparse synapse lists, ...). Called once after the values change (e.g. after an optimizer step),
     * before any forward; not thread-safe.
     */
    void prepare(double[] values);

    /**
     * One step forward: reads x[xo..], h[ho..], writes hNext[hno..] (stateSize) and y[yo..] (outputSize),
     * and records the step on tape[to..] (tapeSize).
     */
    void forward(double[] values, double[] x, int xo, double dt, double[] h, int ho, double[] hNext, int hno,
                 double[] y, int yo, double[] tape, int to, double[] scratch);

    /**
     * One step backward. Given dy = dL/dy of this step (may be null: no loss on this step's output) and
     * dhNext = dL/dh' (the gradient arriving from the future, already including everything downstream of
     * h'), writes (overwrites) dx = dL/dx and dh = dL/dh, and adds this step's parameter gradients to
     * {@code grad}. {@code x}, {@code h}, {@code dt} and the tape are those of the matching forward.
     */
    void backward(double[] values, double[] dy, int dyo, double[] dhNext, int dhno, double[] x, int xo, double dt,
                  double[] h, int ho, double[] tape, int to, double[] dx, int dxo, double[] dh, int dho,
                  double[] grad, double[] scratch);

    /**
     * True when {@link #backward} accepts {@code grad == null}, meaning "no parameter gradients wanted"
     * (input and state gradients only, e.g. for saliency), and then skips the parameter bookkeeping.
     * Cells that return false always get a gradient vector (the driver passes a throw-away one).
     */
    default boolean acceptsNullGradient() {
        return false;
    }
}
