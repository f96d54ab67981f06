package io.liquidlens.grad;

import java.util.Arrays;

/**
 * One named tensor of a {@link ParamSet}: where it sits in the flat vectors.
 *
 * @param name      the ncps state-dict key ({@code rnn_cell.w}, {@code rnn_cell.layer_0.ff1.weight}, ...)
 * @param shape     its shape (row-major)
 * @param offset    index of its first element in the flat value and gradient vectors
 * @param trainable false for constants such as sparsity masks (their gradient is never used)
 */
public record Param(String name, int[] shape, int offset, boolean trainable) {

    public Param {
        shape = shape.clone();
    }

    /** Number of elements. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Param p && p.name.equals(name) && Arrays.equals(p.shape, shape) && p.offset == offset
                && p.trainable == trainable;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + offset;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
