package io.liquidlens.spec;

import io.liquidlens.Limits;

/**
 * The {@code torch.nn.Linear(hidden units, outFeatures, bias)} a baseline applies to its last layer's hidden units
 * at every step: its outputs are the model's outputs.
 *
 * @param outFeatures outputs per step (M)
 * @param bias        whether the layer has a bias ({@code fc.bias})
 */
public record ReadoutSpec(int outFeatures, boolean bias) {
    /** Validates the size. */
    public ReadoutSpec {
        if (outFeatures < 1 || outFeatures > Limits.UNITS) {
            throw new IllegalArgumentException("readout 'out_features' must be in 1.." + Limits.UNITS + ", got "
                    + outFeatures);
        }
    }
}
