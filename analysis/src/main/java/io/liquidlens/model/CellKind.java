package io.liquidlens.model;

/** Which recurrent cell a model runs. */
public enum CellKind {
    /** ncps LTC (always wired: int units mean a FullyConnected wiring). */
    LTC,
    /** ncps CfC with int units: a dense cell with a backbone. */
    CFC,
    /** ncps CfC with a wiring: one CfC layer per wiring layer. */
    WIRED_CFC
}
