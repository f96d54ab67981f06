package io.liquidlens.grad;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tensor of a model in one flat double vector, in state-dict order, with names and shapes. Cells
 * read their parameters from {@link #values()} at the offsets of their {@link Param}s and accumulate
 * gradients into a vector of the same layout ({@link #newGradient()}), so workers each get their own
 * gradient vector and an optimizer updates the values in place.
 */
public final class ParamSet {
    private final List<Param> params;
    private final Map<String, Param> byName;
    private final double[] values;

    private ParamSet(List<Param> params, double[] values) {
        this.params = List.copyOf(params);
        Map<String, Param> m = new LinkedHashMap<>();
        for (Param p : params) {
            m.put(p.name(), p);
        }
        this.byName = Collections.unmodifiableMap(m);
        this.values = values;
    }

    /** A builder that lays tensors out one after another. */
    public static Builder builder() {
        return new Builder();
    }

    /** The tensors, in order. */
    public List<Param> params() {
        return params;
    }

    /** The tensor called {@code name}. */
    public Param param(String name) {
        Param p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter " + name + " (have " + byName.keySet() + ")");
        }
        return p;
    }

    /**
     * Where {@code expected} starts in the flat vectors.
     *
     * @throws IllegalArgumentException naming the tensor when it is missing or has another shape
     */
    public int offset(Tensor expected) {
        Param p = param(expected.name());
        if (!expected.hasShape(p.shape())) {
            throw new IllegalArgumentException("tensor " + p.name() + " has shape " + Arrays.toString(p.shape())
                    + ", expected " + Arrays.toString(expected.shape()));
        }
        return p.offset();
    }

    /** True when a tensor called {@code name} exists. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The flat value vector (shared, mutable: optimizers update it in place). */
    public double[] values() {
        return values;
    }

    /** Total number of elements. */
    public int size() {
        return values.length;
    }

    /** A zeroed gradient vector of this layout. */
    public double[] newGradient() {
        return new double[values.length];
    }

    /** A copy of one tensor's values. */
    public double[] get(String name) {
        Param p = param(name);
        double[] out = new double[p.size()];
        System.arraycopy(values, p.offset(), out, 0, out.length);
        return out;
    }

    /** The tensors as a float32 state dict, in order (for checkpoints). */
    public Map<String, NdArray> toStateDict() {
        Map<String, NdArray> out = new LinkedHashMap<>();
        for (Param p : params) {
            float[] f = new float[p.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[p.offset() + i];
            }
            out.put(p.name(), NdArray.ofFloats(p.shape(), f));
        }
        return out;
    }

    /** Lays out tensors one after another. */
    public static final class Builder {
        private final List<Param> params = new ArrayList<>();
        private final List<double[]> data = new ArrayList<>();
        private int size;

        /** Adds a tensor with its initial values (copied). */
        public Builder add(String name, int[] shape, double[] initial, boolean trainable) {
            return add(new Tensor(name, shape, trainable), initial);
        }

        /** Adds a tensor with its initial values (copied). */
        public Builder add(Tensor tensor, double[] initial) {
            Param p = new Param(tensor, size);
            if (initial.length != p.size()) {
                throw new IllegalArgumentException(tensor.name() + ": " + initial.length + " values for shape "
                        + Arrays.toString(tensor.shape()));
            }
            params.add(p);
            data.add(initial.clone());
            size += p.size();
            return this;
        }

        /** Adds a tensor from a state-dict entry (float32 widened exactly). */
        public Builder add(String name, NdArray tensor, boolean trainable) {
            return add(name, tensor.shape(), tensor.toDoubleArray(), trainable);
        }

        public ParamSet build() {
            double[] v = new double[size];
            for (int i = 0; i < params.size(); i++) {
                System.arraycopy(data.get(i), 0, v, params.get(i).offset(), data.get(i).length);
            }
            return new ParamSet(params, v);
        }
    }
}
