package io.liquidlens.wiring;

/**
 * Argument checks shared by the wiring specs. Every message names the ncps argument, the allowed range and
 * the value given, so a user can fix the model file without reading source code.
 */
final class Arguments {
    private Arguments() {
    }

    static void requireAtLeast(String wiring, String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(wiring + " " + name + " must be >= " + min + ", got " + value);
        }
    }

    static void requireInRange(String wiring, String name, long value, long min, long max, String maxText) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    wiring + " " + name + " must be in [" + min + ", " + maxText + "], got " + value);
        }
    }

    /** An output_dim that is null (ncps's default: all units) or in [1, units]. */
    static void requireOutputDim(String wiring, Integer outputDim, int units) {
        if (outputDim != null) {
            requireInRange(wiring, "output_dim", outputDim, 1, units, "units = " + units);
        }
    }

    /** The number of input features a wiring is built for. */
    static void requireInputDim(String wiring, int inputDim) {
        requireAtLeast(wiring, "input_dim", inputDim, 1);
    }
}
