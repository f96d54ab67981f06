package io.liquidlens.spec;

/**
 * A conventional recurrent network that liquid networks are compared with (docs/BASELINES.md): a torch
 * {@code LSTM}, {@code GRU} or {@code RNN} stack, or a CT-RNN, each with a linear readout on every step. Its units
 * ({@link UnitsSpec.Dense}) are the hidden units of one layer; it has no wiring.
 */
public sealed interface BaselineSpec extends CellSpec permits TorchRnnSpec, CtrnnSpec {

    /** The linear readout on every step. */
    ReadoutSpec readout();

    /** Layers of hidden units, each of the spec's units. */
    int layers();

    /** A phrase for messages: {@code an LSTM baseline}, {@code a CT-RNN baseline}. */
    String describe();

    /** The readout is applied at every step, as the baselines are trained. */
    @Override
    default boolean returnSequences() {
        return true;
    }

    /** Baselines have no ncps mixed memory (an LSTM's own cell state is part of the layer). */
    @Override
    default boolean mixedMemory() {
        return false;
    }
}
