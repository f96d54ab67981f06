package io.liquidlens.model;

/**
 * One step of a recurrent cell on flat float buffers, without allocating: a liquid cell, or a baseline's
 * ({@link TorchRnnCell}, {@link CtrnnCell}). Implementations are immutable after loading, so one cell can step many
 * sequences on many threads at once, each with its own state and scratch arrays.
 */
public sealed interface RecurrentCell permits LtcCell, CfcCell, WiredCfcCell, TorchRnnCell, CtrnnCell {

    /** Number of input features the cell reads per step. */
    int inputSize();

    /** Length of the state vector (ncps's {@code state_size}). */
    int stateSize();

    /** Length of the cell's output per step (before any projection). */
    int outputSize();

    /** Floats of scratch space {@link #step} needs. */
    int scratchSize();

    /**
     * Floats the cell carries from step to step beside its state that are not part of it: an LSTM's cell states
     * (one per hidden unit, in the state's order); 0 for every other cell.
     */
    default int memorySize() {
        return 0;
    }

    /**
     * Advances the state by one input step.
     *
     * @param x       input features at {@code x[xOff .. xOff + inputSize)}
     * @param dt      elapsed time of this step (ncps {@code timespans}, 1 when absent)
     * @param h       state at {@code h[hOff .. hOff + stateSize)}, replaced by the next state
     * @param out     receives the cell output at {@code outOff}
     * @param tau     when not null, receives one time constant per state entry at {@code tauOff} (see the
     *                implementing class for its exact definition)
     * @param scratch at least {@link #scratchSize()} floats, overwritten
     */
    default void step(float[] x, int xOff, float dt, float[] h, int hOff, float[] out, int outOff, float[] tau,
                      int tauOff, float[] scratch) {
        step(x, xOff, dt, h, hOff, null, 0, out, outOff, tau, tauOff, scratch, Clamp.NONE);
    }

    /**
     * As {@link #step(float[], int, float, float[], int, float[], int, float[], int, float[])} with the cell's memory
     * and some neurons held at fixed values throughout the step ({@link Clamp}).
     *
     * @param c    the memory ({@link #memorySize()} floats at {@code cOff}), replaced; ignored (may be null) when the
     *             cell carries none
     */
    void step(float[] x, int xOff, float dt, float[] h, int hOff, float[] c, int cOff, float[] out, int outOff,
              float[] tau, int tauOff, float[] scratch, Clamp clamp);

    /**
     * The cell's output for a state it has just reached: what {@link #step} writes to {@code out} is exactly
     * {@code readout} of the new state (every ncps cell's output is a function of its new state alone), so a
     * recorded state gives back the output without rerunning the sequence.
     *
     * @param h   state at {@code h[hOff .. hOff + stateSize)}
     * @param out receives {@link #outputSize()} values at {@code outOff}
     */
    void readout(float[] h, int hOff, float[] out, int outOff);
}
