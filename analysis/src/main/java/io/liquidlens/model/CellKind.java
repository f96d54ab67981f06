package io.liquidlens.model;

/** Which recurrent cell a model runs. */
public enum CellKind {
    /** ncps LTC (always wired: int units mean a FullyConnected wiring). */
    LTC,
    /** ncps CfC with int units: a dense cell with a backbone. */
    CFC,
    /** ncps CfC with a wiring: one CfC layer per wiring layer. */
    WIRED_CFC,
    /** A baseline: torch's LSTM layers (docs/BASELINES.md). */
    LSTM,
    /** A baseline: torch's GRU layers. */
    GRU,
    /** A baseline: torch's plain RNN layers (tanh or relu). */
    RNN,
    /** A baseline: a continuous-time RNN. */
    CTRNN;

    /** True for the conventional networks liquid ones are compared with: no wiring, no liquid time constant. */
    public boolean isBaseline() {
        return this == LSTM || this == GRU || this == RNN || this == CTRNN;
    }
}
