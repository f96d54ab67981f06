package io.liquidlens.sim;

import io.liquidlens.io.NdArray;

/** Conversions between batch-first (B, L, ...) and time-major (L, B, ...) layouts. */
public final class BatchLayout {
    private BatchLayout() {
    }

    /** Swaps the first two axes of an array of rank >= 2 (B, L, ...) <-> (L, B, ...), as float32. */
    public static NdArray swapBatchAndTime(NdArray a) {
        if (a.rank() < 2) {
            throw new IllegalArgumentException("need at least 2 dimensions to swap batch and time");
        }
        int[] shape = a.shape();
        int d0 = shape[0];
        int d1 = shape[1];
        int inner = a.size() / Math.max(1, d0 * d1);
        float[] src = a.toFloatArray();
        float[] dst = new float[src.length];
        for (int i = 0; i < d0; i++) {
            for (int j = 0; j < d1; j++) {
                System.arraycopy(src, (i * d1 + j) * inner, dst, (j * d0 + i) * inner, inner);
            }
        }
        int[] swapped = shape.clone();
        swapped[0] = d1;
        swapped[1] = d0;
        return NdArray.ofFloats(swapped, dst);
    }
}
