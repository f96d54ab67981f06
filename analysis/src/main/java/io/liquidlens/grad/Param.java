package io.liquidlens.grad;

import io.liquidlens.model.Tensor;

/**
 * One named tensor of a {@link ParamSet}: which tensor, and where it sits in the flat vectors.
 *
 * @param tensor its ncps state-dict name ({@code rnn_cell.w}, {@code rnn_cell.layer_0.ff1.weight}, ...), shape and
 *               whether it is trained (constants such as sparsity masks are not; their gradient is never used)
 * @param offset index of its first element in the flat value and gradient vectors
 */
public record Param(Tensor tensor, int offset) {

    /** The state-dict name. */
    public String name() {
        return tensor.name();
    }

    /** The shape (row-major). */
    public int[] shape() {
        return tensor.shape();
    }

    /** Number of elements. */
    public int size() {
        return tensor.size();
    }

    /** False for constants such as sparsity masks. */
    public boolean trainable() {
        return tensor.trainable();
    }

    @Override
    public String toString() {
        return tensor.toString();
    }
}
