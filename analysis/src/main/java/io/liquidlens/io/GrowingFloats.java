package io.liquidlens.io;

import java.util.Arrays;

/** A float list that doubles as it fills (the row count is not known until the end of the stream). */
final class GrowingFloats {
    private float[] values = new float[1024];
    private int size;

    void add(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(1024, (int) Math.min(Integer.MAX_VALUE - 8, 2L * size)));
        }
        values[size++] = v;
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
