package io.liquidlens.spec;

import io.liquidlens.Limits;

/**
 * A stack of {@code torch.nn.LSTM}, {@code torch.nn.GRU} or {@code torch.nn.RNN} layers with a {@code torch.nn.Linear}
 * readout on every step: the constructor's keywords that change what is computed. torch's {@code bidirectional} and
 * {@code proj_size} are refused where they are read; {@code dropout} acts only in training and is kept so the JSON
 * round-trips.
 *
 * @param kind       LSTM, GRU or RNN with its nonlinearity
 * @param numLayers  stacked layers (torch's {@code num_layers})
 * @param bias       whether the layers have {@code bias_ih} and {@code bias_hh}
 * @param batchFirst torch's {@code batch_first}: input is (B, L, S) when true, (L, B, S) when false
 * @param dropout    torch's dropout between layers, in [0, 1)
 * @param readout    the linear readout
 */
public record TorchRnnSpec(TorchRnnKind kind, int numLayers, boolean bias, boolean batchFirst, double dropout,
                           ReadoutSpec readout) implements BaselineSpec {

    /** Validates what torch's constructor would reject. */
    public TorchRnnSpec {
        if (kind == null || readout == null) {
            throw new IllegalArgumentException("kind and readout must not be null");
        }
        if (numLayers < 1 || numLayers > Limits.RNN_LAYERS) {
            throw new IllegalArgumentException("num_layers must be in 1.." + Limits.RNN_LAYERS + ", got " + numLayers);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    @Override
    public String ncpsClass() {
        return kind.torchClass();
    }

    @Override
    public int layers() {
        return numLayers;
    }

    @Override
    public String describe() {
        return (kind == TorchRnnKind.GRU ? "a " : "an ") + kind.label() + " baseline";
    }
}
