package io.liquidlens.io;

/**
 * Element types LiquidLens reads and writes. Floating types are held as {@code float[]} (float16,
 * bfloat16 and float32 widen losslessly) or {@code double[]}; int8 and uint8 as {@code byte[]}, wider integers
 * as {@code long[]}; bool as
 * {@code boolean[]}; numpy unicode as {@code String[]}.
 */
public enum DType {
    FLOAT16(2), BFLOAT16(2), FLOAT32(4), FLOAT64(8),
    INT8(1), INT16(2), INT32(4), INT64(8),
    UINT8(1), UINT16(2), UINT32(4), UINT64(8),
    BOOL(1),
    /** numpy {@code <U n}: fixed-width UTF-32; the width is per array, so itemSize is per character. */
    UNICODE(4);

    private final int itemSize;

    DType(int itemSize) {
        this.itemSize = itemSize;
    }

    /** Bytes per element (per character for {@link #UNICODE}). */
    public int itemSize() {
        return itemSize;
    }

    public boolean isFloating() {
        return this == FLOAT16 || this == BFLOAT16 || this == FLOAT32 || this == FLOAT64;
    }

    public boolean isInteger() {
        return ordinal() >= INT8.ordinal() && ordinal() <= UINT64.ordinal();
    }
}
