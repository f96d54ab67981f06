package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import java.nio.file.Path;

/** Checks on arrays users hand to commands, worded for the file they came from. */
final class Inputs {
    private Inputs() {
    }

    /** The array must be numeric and finite. */
    static void requireNumeric(Path file, NdArray a) {
        if (a.dtype() == DType.UNICODE) {
            throw new LiquidLensException(file, "holds strings; expected numbers");
        }
        if (!a.allFinite()) {
            throw new LiquidLensException(file, "holds NaN or infinite values");
        }
    }
}
