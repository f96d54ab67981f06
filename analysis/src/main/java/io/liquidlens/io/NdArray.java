package io.liquidlens.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array in row-major (C) order, as numpy, safetensors and torch storages hold it.
 *
 * <p>Immutable by convention: factories copy nothing (callers hand over ownership), and accessors that
 * return arrays return copies, except {@link #floatsView()} which exists for hot paths that promise
 * not to write.
 */
public final class NdArray {
    private final DType dtype;
    private final int[] shape;
    private final Object data; // float[], double[], byte[] (int8, uint8), long[] (wider integers), boolean[] or String[]

    private NdArray(DType dtype, int[] shape, Object data, int length) {
        this.dtype = Objects.requireNonNull(dtype);
        this.shape = shape.clone();
        this.data = data;
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements but the data has " + length);
        }
    }

    /** A float32 array (takes ownership of {@code data}). */
    public static NdArray ofFloats(int[] shape, float[] data) {
        return new NdArray(DType.FLOAT32, shape, data, data.length);
    }

    /** A floating array held as floats; {@code dtype} is FLOAT16, BFLOAT16 or FLOAT32 (what the file had). */
    public static NdArray ofFloats(DType dtype, int[] shape, float[] data) {
        if (dtype != DType.FLOAT16 && dtype != DType.BFLOAT16 && dtype != DType.FLOAT32) {
            throw new IllegalArgumentException(dtype + " is not held as float[]");
        }
        return new NdArray(dtype, shape, data, data.length);
    }

    /** A float64 array (takes ownership of {@code data}). */
    public static NdArray ofDoubles(int[] shape, double[] data) {
        return new NdArray(DType.FLOAT64, shape, data, data.length);
    }

    /**
     * An integer array of the given integer dtype (takes ownership of {@code data}). int8 and uint8 are held as
     * one byte per element (a uint8 label map or frame stack would take eight times its size as longs), so their
     * values must fit the type.
     */
    public static NdArray ofLongs(DType dtype, int[] shape, long[] data) {
        if (!dtype.isInteger()) {
            throw new IllegalArgumentException(dtype + " is not an integer type");
        }
        if (isByteSized(dtype)) {
            long min = dtype == DType.INT8 ? Byte.MIN_VALUE : 0;
            long max = dtype == DType.INT8 ? Byte.MAX_VALUE : 0xff;
            byte[] bytes = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                if (data[i] < min || data[i] > max) {
                    throw new IllegalArgumentException("value " + data[i] + " at flat index " + i + " does not fit "
                            + dtype);
                }
                bytes[i] = (byte) data[i];
            }
            return ofBytes(dtype, shape, bytes);
        }
        return new NdArray(dtype, shape, data, data.length);
    }

    /**
     * An int8 or uint8 array over its raw bytes (takes ownership of {@code data}; a uint8 element {@code b} is
     * {@code b & 0xff}).
     */
    public static NdArray ofBytes(DType dtype, int[] shape, byte[] data) {
        if (!isByteSized(dtype)) {
            throw new IllegalArgumentException(dtype + " is not held as byte[]");
        }
        return new NdArray(dtype, shape, data, data.length);
    }

    private static boolean isByteSized(DType dtype) {
        return dtype == DType.INT8 || dtype == DType.UINT8;
    }

    /** A bool array (takes ownership of {@code data}). */
    public static NdArray ofBooleans(int[] shape, boolean[] data) {
        return new NdArray(DType.BOOL, shape, data, data.length);
    }

    /** A numpy unicode array (takes ownership of {@code data}). */
    public static NdArray ofStrings(int[] shape, String[] data) {
        return new NdArray(DType.UNICODE, shape, data, data.length);
    }

    public DType dtype() {
        return dtype;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    /** Size of dimension {@code axis}. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** True when the shape equals {@code expected} exactly. */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /** The elements as float32 (a copy; doubles and integers are narrowed, bools become 0/1). */
    public float[] toFloatArray() {
        if (data instanceof float[] f) {
            return f.clone();
        }
        int n = size();
        float[] out = new float[n];
        if (data instanceof double[] d) {
            for (int i = 0; i < n; i++) out[i] = (float) d[i];
        } else if (data instanceof byte[] b) {
            for (int i = 0; i < n; i++) out[i] = byteValue(b[i]);
        } else if (data instanceof long[] l) {
            for (int i = 0; i < n; i++) out[i] = (float) l[i];
        } else if (data instanceof boolean[] b) {
            for (int i = 0; i < n; i++) out[i] = b[i] ? 1f : 0f;
        } else {
            throw new IllegalStateException("a " + dtype + " array has no numeric value");
        }
        return out;
    }

    /**
     * The float data without copying, for hot paths. Only for FLOAT32/FLOAT16/BFLOAT16 arrays; the
     * caller must not write to it.
     */
    public float[] floatsView() {
        if (data instanceof float[] f) {
            return f;
        }
        return toFloatArray();
    }

    /** The elements as float64 (a copy). */
    public double[] toDoubleArray() {
        int n = size();
        double[] out = new double[n];
        if (data instanceof double[] d) {
            return d.clone();
        } else if (data instanceof float[] f) {
            for (int i = 0; i < n; i++) out[i] = f[i];
        } else if (data instanceof byte[] b) {
            for (int i = 0; i < n; i++) out[i] = byteValue(b[i]);
        } else if (data instanceof long[] l) {
            for (int i = 0; i < n; i++) out[i] = l[i];
        } else if (data instanceof boolean[] b) {
            for (int i = 0; i < n; i++) out[i] = b[i] ? 1 : 0;
        } else {
            throw new IllegalStateException("a " + dtype + " array has no numeric value");
        }
        return out;
    }

    /** The elements as long (a copy); only for integer and bool arrays. */
    public long[] toLongArray() {
        if (data instanceof long[] l) {
            return l.clone();
        }
        if (data instanceof byte[] b) {
            long[] out = new long[b.length];
            for (int i = 0; i < b.length; i++) out[i] = byteValue(b[i]);
            return out;
        }
        if (data instanceof boolean[] b) {
            long[] out = new long[b.length];
            for (int i = 0; i < b.length; i++) out[i] = b[i] ? 1 : 0;
            return out;
        }
        throw new IllegalStateException("a " + dtype + " array is not integral");
    }

    /**
     * The raw bytes of an int8 or uint8 array without copying, for hot paths over large label maps and frame
     * stacks (a uint8 element is {@code b & 0xff}); the caller must not write to it.
     */
    public byte[] bytesView() {
        if (data instanceof byte[] b) {
            return b;
        }
        throw new IllegalStateException("a " + dtype + " array is not held as bytes");
    }

    private int byteValue(byte b) {
        return dtype == DType.UINT8 ? b & 0xff : b;
    }

    /** The elements of a bool array (a copy). */
    public boolean[] toBooleanArray() {
        if (data instanceof boolean[] b) {
            return b.clone();
        }
        throw new IllegalStateException("a " + dtype + " array is not bool");
    }

    /** The elements of a unicode array (a copy). */
    public String[] toStringArray() {
        if (data instanceof String[] s) {
            return s.clone();
        }
        throw new IllegalStateException("a " + dtype + " array holds no strings");
    }

    /**
     * The backing array ({@code float[]}, {@code double[]}, {@code byte[]}, {@code long[]}, {@code boolean[]} or
     * {@code String[]}) without copying, for the writers in this package, which only read it.
     */
    Object rawData() {
        return data;
    }

    /** True when every floating element is finite (always true for non-floating arrays). */
    public boolean allFinite() {
        if (data instanceof float[] f) {
            for (float v : f) if (!Float.isFinite(v)) return false;
        } else if (data instanceof double[] d) {
            for (double v : d) if (!Double.isFinite(v)) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NdArray a) || a.dtype != dtype || !Arrays.equals(a.shape, shape)) {
            return false;
        }
        return Arrays.deepEquals(new Object[] {data}, new Object[] {a.data});
    }

    @Override
    public int hashCode() {
        return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
    }

    @Override
    public String toString() {
        return dtype.name().toLowerCase(java.util.Locale.ROOT) + Arrays.toString(shape);
    }
}
