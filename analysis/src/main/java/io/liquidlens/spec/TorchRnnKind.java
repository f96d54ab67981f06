package io.liquidlens.spec;

import java.util.Locale;

/**
 * Which torch recurrent layer a baseline stacks: {@code torch.nn.LSTM}, {@code torch.nn.GRU} or {@code torch.nn.RNN}
 * with its {@code nonlinearity} (docs/BASELINES.md#torch-layers).
 */
public enum TorchRnnKind {
    /** Gates i, f, g, o; carries a cell state c beside h. */
    LSTM("LSTM", null, 4),
    /** Gates r, z, n, with the reset gate applied to {@code W_hn h + b_hn}. */
    GRU("GRU", null, 3),
    /** {@code h' = tanh(W_ih x + b_ih + W_hh h + b_hh)}. */
    RNN_TANH("RNN", "tanh", 1),
    /** {@code h' = relu(W_ih x + b_ih + W_hh h + b_hh)}. */
    RNN_RELU("RNN", "relu", 1);

    private final String torchClass;
    private final String nonlinearity;
    private final int gates;

    TorchRnnKind(String torchClass, String nonlinearity, int gates) {
        this.torchClass = torchClass;
        this.nonlinearity = nonlinearity;
        this.gates = gates;
    }

    /** The class name in {@code torch.nn}: {@code LSTM}, {@code GRU} or {@code RNN}. */
    public String torchClass() {
        return torchClass;
    }

    /** An RNN's {@code nonlinearity} ({@code tanh} or {@code relu}); null for LSTM and GRU. */
    public String nonlinearity() {
        return nonlinearity;
    }

    /** Rows of {@code weight_ih_l0} per hidden unit: 4 for an LSTM, 3 for a GRU, 1 for an RNN. */
    public int gates() {
        return gates;
    }

    /** True when the layer carries a cell state beside its hidden state. */
    public boolean hasCellState() {
        return this == LSTM;
    }

    /** What a user calls it: {@code LSTM}, {@code GRU}, {@code RNN (tanh)}. */
    public String label() {
        return nonlinearity == null ? torchClass : torchClass + " (" + nonlinearity + ")";
    }

    /**
     * The kind of {@code torch.nn.<torchClass>} with {@code nonlinearity} (only for RNN; null means torch's default
     * {@code tanh}).
     *
     * @throws IllegalArgumentException naming the class or the nonlinearity when torch has no such layer
     */
    public static TorchRnnKind of(String torchClass, String nonlinearity) {
        if (!torchClass.equals("RNN")) {
            for (TorchRnnKind k : values()) {
                if (k.torchClass.equals(torchClass)) {
                    if (nonlinearity != null) {
                        throw new IllegalArgumentException("'nonlinearity' is a setting of RNN, not of " + torchClass);
                    }
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown class '" + torchClass + "' (expected LSTM, GRU or RNN)");
        }
        String n = nonlinearity == null ? "tanh" : nonlinearity.toLowerCase(Locale.ROOT);
        return switch (n) {
            case "tanh" -> RNN_TANH;
            case "relu" -> RNN_RELU;
            default -> throw new IllegalArgumentException("'nonlinearity' must be \"tanh\" or \"relu\", got '"
                    + nonlinearity + "'");
        };
    }
}
