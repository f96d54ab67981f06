package io.liquidlens.spec;

/**
 * The recurrent cell of a model and the wrapper options ncps gives it; or a conventional baseline's
 * ({@link BaselineSpec}).
 */
public sealed interface CellSpec permits LtcSpec, CfcSpec, BaselineSpec {

    /**
     * The class name in model.json: {@code "LTC"} or {@code "CfC"} (ncps), {@code "LSTM"}, {@code "GRU"} or
     * {@code "RNN"} (torch), or {@code "CTRNN"}.
     */
    String ncpsClass();

    /** ncps {@code return_sequences}: the readout is every step (true) or only the last one. */
    boolean returnSequences();

    /** ncps {@code batch_first}: input is (B, L, S) when true, (L, B, S) when false. */
    boolean batchFirst();

    /** ncps {@code mixed_memory}: an LSTM cell runs before the liquid cell at each step. */
    boolean mixedMemory();
}
