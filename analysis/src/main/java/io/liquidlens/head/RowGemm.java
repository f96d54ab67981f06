package io.liquidlens.head;

/**
 * The float32 convolution kernel: {@code c[i] += sum over t of w[wo + i * k + t] * x[t]}, every row of
 * {@code c} and {@code x} a vector of {@code n} values held in its own array.
 *
 * <p>Why this shape: C2 turns the inner loop into AVX multiply-adds only when every array in it is read at
 * the same index, and its alias analysis gives up when two arrays are read at different loop-invariant
 * offsets; with each row its own array, every access is {@code row[j]}. Four taps per pass is as many row
 * arrays as the loop keeps vectorised on JDK 17 (six and more fall back to scalar code), and taps are
 * taken in blocks whose rows stay in the L1 cache while every output row is swept past them. A batch of frames
 * side by side makes rows of thousands of values; those are also split into blocks of columns (measured on the
 * NCP paper's head with 16 frames a batch: 1,536 columns 8 % faster than whole rows, 192 columns 20 % slower;
 * one frame's rows, at most 768 values there, are never split).
 */
final class RowGemm {
    /** Taps per block: 32 rows of up to 192 floats plus one output row fit in a 32 KiB L1 cache. */
    private static final int TAP_BLOCK = 32;
    /** Columns per block. */
    private static final int COLUMN_BLOCK = 1536;

    private RowGemm() {
    }

    static void add(float[] w, int wo, int m, int k, float[][] x, int n, float[][] c) {
        for (int j0 = 0; j0 < n; j0 += COLUMN_BLOCK) {
            int j1 = Math.min(n, j0 + COLUMN_BLOCK);
            for (int t0 = 0; t0 < k; t0 += TAP_BLOCK) {
                int t1 = Math.min(k, t0 + TAP_BLOCK);
                int t4 = t0 + (t1 - t0) / 4 * 4;
                for (int i = 0; i < m; i++) {
                    float[] row = c[i];
                    int wr = wo + i * k;
                    for (int t = t0; t < t4; t += 4) {
                        addFour(row, w[wr + t], x[t], w[wr + t + 1], x[t + 1], w[wr + t + 2], x[t + 2], w[wr + t + 3],
                                x[t + 3], j0, j1);
                    }
                    for (int t = t4; t < t1; t++) {
                        addOne(row, w[wr + t], x[t], j0, j1);
                    }
                }
            }
        }
    }

    /** {@code c[j] += a0 x0[j] + a1 x1[j] + a2 x2[j] + a3 x3[j]} for j in [from, to). */
    static void addFour(float[] c, float a0, float[] x0, float a1, float[] x1, float a2, float[] x2, float a3,
                        float[] x3, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
        }
    }

    /** {@code c[j] += a x[j]} for j in [from, to). */
    static void addOne(float[] c, float a, float[] x, int from, int to) {
        for (int j = from; j < to; j++) {
            c[j] += a * x[j];
        }
    }
}
