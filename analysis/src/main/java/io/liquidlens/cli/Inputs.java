package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.TorchRnnSpec;
import java.nio.file.Path;
import java.util.Arrays;

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

    /** Batch-first inputs (B, L, S) from a {@code .npy}, numeric, finite and with the model's S features. */
    static NdArray batchInputs(Path file, int features) {
        NdArray x = Npy.read(file);
        if (x.rank() != 3) {
            throw new LiquidLensException(file, "inputs must be (B, L, S) batch-first, got shape "
                    + Arrays.toString(x.shape()));
        }
        if (x.dim(0) < 1 || x.dim(1) < 1) {
            throw new LiquidLensException(file, "holds no steps (shape " + Arrays.toString(x.shape()) + ")");
        }
        requireNumeric(file, x);
        if (x.dim(2) != features) {
            throw new LiquidLensException(file, "has " + x.dim(2) + " features per step but the model takes "
                    + features);
        }
        return x;
    }

    /** Elapsed times (B, L) or (B, L, 1) from a {@code .npy}, or null when {@code file} is null. */
    static NdArray timespans(Path file, int b, int l, ModelSpec spec) {
        if (file == null) {
            return null;
        }
        NdArray ts = Npy.read(file);
        requireNumeric(file, ts);
        if (!ts.hasShape(b, l) && !ts.hasShape(b, l, 1)) {
            throw new LiquidLensException(file, "shape " + Arrays.toString(ts.shape()) + " does not fit the inputs;"
                    + " expected (" + b + ", " + l + ") or (" + b + ", " + l + ", 1)");
        }
        if (spec.cell() instanceof TorchRnnSpec torch) {
            // an explicit file of elapsed times would be silently ignored: say so instead
            throw new LiquidLensException(file, "a " + torch.kind().torchClass() + " steps once per input whatever"
                    + " the time between inputs, as torch does, so it takes no elapsed times; leave --timespans out");
        }
        requirePositiveForSolvers(file, ts, spec);
        return ts;
    }

    /** The LTC's and the CT-RNN's solvers step by dt / unfolds, so their elapsed times must be positive. */
    static void requirePositiveForSolvers(Path file, NdArray ts, ModelSpec spec) {
        if (!(spec.cell() instanceof LtcSpec) && !(spec.cell() instanceof CtrnnSpec)) {
            return;
        }
        double[] v = ts.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) {
                throw new LiquidLensException(file, "elapsed times must be > 0 for "
                        + (spec.cell() instanceof LtcSpec ? "an LTC" : "a CT-RNN") + ", got " + v[i]
                        + " at flat index " + i);
            }
        }
    }

    /** An initial state (B, N) from a {@code .npy}, or null when {@code file} is null. */
    static NdArray state(Path file, int b, int n) {
        if (file == null) {
            return null;
        }
        NdArray h = Npy.read(file);
        requireNumeric(file, h);
        if (!h.hasShape(b, n)) {
            throw new LiquidLensException(file, "shape " + Arrays.toString(h.shape()) + " does not fit; expected (" + b
                    + ", " + n + ") = (batch, state size)");
        }
        return h;
    }
}
