package io.liquidlens.causal;

import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;

/**
 * The class of every pixel (or input channel) at every step, read where it is held: a recording's uint8 label
 * maps are shared as the rollout's bytes, not widened (20,000 frames of labels as long[] took 491 MB per
 * condition), and a vector model's channel classes are held once for all steps.
 */
final class FrameLabels {
    private final byte[] bytes;
    private final boolean unsigned;
    private final long[] longs;
    private final int perStep;
    private final boolean everyStepAlike;

    private FrameLabels(byte[] bytes, boolean unsigned, long[] longs, int perStep, boolean everyStepAlike) {
        this.bytes = bytes;
        this.unsigned = unsigned;
        this.longs = longs;
        this.perStep = perStep;
        this.everyStepAlike = everyStepAlike;
    }

    /** A rollout's (T, H, W) label maps: shared when they are bytes, else copied as longs. */
    static FrameLabels of(NdArray labels) {
        int perStep = labels.rank() == 0 || labels.dim(0) == 0 ? 0 : labels.size() / labels.dim(0);
        if (labels.dtype() == DType.UINT8 || labels.dtype() == DType.INT8) {
            return new FrameLabels(labels.bytesView(), labels.dtype() == DType.UINT8, null, perStep, false);
        }
        return new FrameLabels(null, false, labels.toLongArray(), perStep, false);
    }

    /** The same classes at every step (a vector model's channels). */
    static FrameLabels everyStep(long[] classes) {
        return new FrameLabels(null, false, classes.clone(), classes.length, true);
    }

    /** Values per step (H x W, or the channels). */
    int perStep() {
        return perStep;
    }

    /** The class of value {@code index} (row-major within the step) at step {@code step}. */
    long at(int step, int index) {
        if (index < 0 || index >= perStep) {
            throw new IndexOutOfBoundsException("label " + index + " of " + perStep + " per step");
        }
        long flat = everyStepAlike ? index : (long) step * perStep + index;
        if (bytes != null) {
            byte b = bytes[(int) flat];
            return unsigned ? b & 0xff : b;
        }
        return longs[(int) flat];
    }
}
