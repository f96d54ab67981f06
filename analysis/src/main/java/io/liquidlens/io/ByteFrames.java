package io.liquidlens.io;

/**
 * 8-bit storage of image frames whose values live in [0, 1]: level k (0..255) stands for {@code k / 255}.
 *
 * <p>The one place the level-to-value arithmetic is written. A recorder that quantises a frame before the
 * driver sees it ({@link #quantise}) and a reader that expands a stored uint8 array ({@link #decode}) both go
 * through {@link #value(int)}, so the float the driver saw and the float read back are the same bits.
 */
public final class ByteFrames {
    /** Number of levels above zero: level 255 is 1.0. */
    public static final int MAX_LEVEL = 255;

    private static final float[] VALUES = new float[MAX_LEVEL + 1];

    static {
        for (int k = 0; k <= MAX_LEVEL; k++) {
            VALUES[k] = value(k);
        }
    }

    private ByteFrames() {
    }

    /** The value of level {@code k}: {@code (float) k / 255f}. */
    public static float value(int k) {
        return (float) k / 255f;
    }

    /**
     * The level nearest to {@code v} after clipping it to [0, 1] (halves round up); NaN gives 0. Every
     * {@link #value(int)} maps back to its own level.
     */
    public static int level(float v) {
        if (!(v > 0)) {
            return 0;
        }
        if (v >= 1) {
            return MAX_LEVEL;
        }
        return (int) Math.round(v * (double) MAX_LEVEL);
    }

    /** Replaces {@code values[offset .. offset + length)} by the value of its nearest level. */
    public static void quantise(float[] values, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            values[i] = VALUES[level(values[i])];
        }
    }

    /** A uint8 array of the same shape holding the level of every element of {@code frames}. */
    public static NdArray encode(NdArray frames) {
        float[] v = frames.floatsView();
        byte[] levels = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            levels[i] = (byte) level(v[i]);
        }
        return NdArray.ofBytes(DType.UINT8, frames.shape(), levels);
    }

    /** A float32 array of the same shape holding {@link #value(int)} of every level of a uint8 array. */
    public static NdArray decode(NdArray levels) {
        if (levels.dtype() != DType.UINT8) {
            throw new IllegalArgumentException("8-bit frames must be uint8, not " + levels.dtype());
        }
        byte[] k = levels.bytesView();
        float[] out = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            out[i] = VALUES[k[i] & 0xff];
        }
        return NdArray.ofFloats(levels.shape(), out);
    }
}
