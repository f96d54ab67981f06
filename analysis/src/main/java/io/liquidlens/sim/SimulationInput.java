package io.liquidlens.sim;

import io.liquidlens.io.NdArray;

/**
 * What to run, in the layout of the model's {@code batch_first} flag (as ncps's forward takes it).
 *
 * @param inputs    (B, L, S), or (L, B, S) when the model has {@code batch_first=false}
 * @param timespans null (every step lasts 1), or (B, L) / (B, L, 1) ((L, B) / (L, B, 1) time-major)
 * @param hx0       null (zeros) or the initial state (B, N); with mixed memory this is h only
 * @param cx0       null (zeros) or the initial LSTM cell state (B, N); only with mixed memory
 */
public record SimulationInput(NdArray inputs, NdArray timespans, NdArray hx0, NdArray cx0) {

    /** Validates presence of the inputs. */
    public SimulationInput {
        if (inputs == null) {
            throw new IllegalArgumentException("inputs are required");
        }
    }

    /** Inputs only: zero initial state, unit time steps. */
    public static SimulationInput of(NdArray inputs) {
        return new SimulationInput(inputs, null, null, null);
    }
}
