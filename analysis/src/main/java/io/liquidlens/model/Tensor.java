package io.liquidlens.model;

import java.util.Arrays;

/**
 * One tensor of an ncps state dict as {@link StateDictLayout} describes it: its key, its shape and whether
 * it is trained. The one description of a tensor that loading, reverse mode, initialisation and
 * checkpoints share; the values live elsewhere (an {@code NdArray}, or a slice of a flat parameter vector).
 *
 * @param name      the state-dict key, e.g. {@code rnn_cell.gleak}
 * @param shape     its shape, row-major
 * @param trainable false for the sparsity masks (Parameters with requires_grad=False in ncps)
 */
public record Tensor(String name, int[] shape, boolean trainable) {
    public Tensor {
        if (name == null || shape == null) {
            throw new IllegalArgumentException("a tensor needs a name and a shape");
        }
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** True when {@code actual} is exactly this tensor's shape. */
    public boolean hasShape(int[] actual) {
        return Arrays.equals(shape, actual);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape)
                && t.trainable == trainable;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
