package io.liquidlens.model;

/**
 * Neurons held at fixed values while a model runs, like a voltage clamp: every computation inside a step sees
 * the clamped value (each of an LTC's solver sub-steps, each layer of a wired CfC, the LSTM of mixed memory),
 * and the state the step leaves, hence the readout, holds it too. Positions are in the model's state order.
 */
public final class Clamp {
    static final Clamp NONE = new Clamp(new int[0], new float[0]);

    private final int[] positions;
    private final float[] values;

    Clamp(int[] positions, float[] values) {
        this.positions = positions.clone();
        this.values = values.clone();
    }

    boolean isEmpty() {
        return positions.length == 0;
    }

    /** Sets the clamped entries of the state held at {@code state[offset ..]}. */
    void apply(float[] state, int offset) {
        for (int k = 0; k < positions.length; k++) {
            state[offset + positions[k]] = values[k];
        }
    }
}
