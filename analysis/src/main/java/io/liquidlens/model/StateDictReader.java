package io.liquidlens.model;

import io.liquidlens.io.NdArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Takes the tensors a model expects out of a state dict, one by one, checking that each is present,
 * has exactly the expected shape and holds only finite numbers; at the end, anything not taken is an
 * unexpected tensor. Messages name the tensor, the expected and the actual shape.
 */
final class StateDictReader {
    private final Map<String, NdArray> tensors;
    private final Map<String, int[]> expected = new LinkedHashMap<>();

    StateDictReader(Map<String, NdArray> tensors) {
        this.tensors = tensors;
    }

    /** The tensor's values as float32, row-major. */
    float[] take(Tensor tensor) {
        return take(tensor.name(), tensor.shape());
    }

    /** The tensor's values as float32, row-major. */
    float[] take(String name, int... shape) {
        expected.put(name, shape.clone());
        NdArray a = tensors.get(name);
        if (a == null) {
            throw new IllegalArgumentException("missing tensor " + name + " " + Arrays.toString(shape));
        }
        if (!a.hasShape(shape)) {
            throw new IllegalArgumentException("tensor " + name + " has shape " + Arrays.toString(a.shape())
                    + ", expected " + Arrays.toString(shape));
        }
        if (!a.dtype().isFloating() && !a.dtype().isInteger() && a.dtype() != io.liquidlens.io.DType.BOOL) {
            throw new IllegalArgumentException("tensor " + name + " holds " + a.dtype() + ", expected numbers");
        }
        float[] v = a.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException("tensor " + name + " " + Arrays.toString(shape) + " holds " + v[i]
                        + " at flat index " + i + "; every value must be finite");
            }
        }
        return v;
    }

    /** Fails naming the unexpected tensors (sorted), if any. */
    void rejectUnexpected() {
        TreeSet<String> extra = new TreeSet<>(tensors.keySet());
        extra.removeAll(expected.keySet());
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("unexpected tensor" + (extra.size() > 1 ? "s " : " ") + String.join(", ", extra)
                    + " (not part of this model)");
        }
    }
}
