package io.liquidlens.io;

import io.liquidlens.io.PickleMachine.Tuple;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * A numpy array of a whole-module pickle (an ncps wiring's {@code adjacency_matrix}), rebuilt from the bytes the
 * pickle holds as numpy's {@code __reduce__} wrote them: {@code _reconstruct(ndarray, (0,), b'b')} makes an empty
 * array, BUILD gives it {@code (version, shape, dtype, is_fortran, raw bytes)}. Only plain numeric dtypes are read,
 * and the shape must account for exactly the bytes present, so no claimed shape makes us allocate more than the file
 * holds.
 */
final class PickledNumpy {
    /** numpy's type codes (kind and item size) that are read; object, string and structured dtypes are refused. */
    private static final Map<String, DType> DTYPES = Map.ofEntries(
            Map.entry("f2", DType.FLOAT16), Map.entry("f4", DType.FLOAT32), Map.entry("f8", DType.FLOAT64),
            Map.entry("i1", DType.INT8), Map.entry("i2", DType.INT16), Map.entry("i4", DType.INT32),
            Map.entry("i8", DType.INT64), Map.entry("u1", DType.UINT8), Map.entry("u2", DType.UINT16),
            Map.entry("u4", DType.UINT32), Map.entry("u8", DType.UINT64), Map.entry("b1", DType.BOOL));

    private NdArray array;

    /** A numpy dtype as {@code numpy.dtype(code, align, copy)} names it; BUILD sets its byte order. */
    static final class Dtype {
        private final DType dtype;
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

        private Dtype(DType dtype) {
            this.dtype = dtype;
        }

        /** {@code numpy.dtype(code, False, True)}. */
        static Dtype of(Tuple args) throws FormatException {
            if (args.size() < 1 || !(args.get(0) instanceof String code)) {
                throw new FormatException("malformed pickle: numpy.dtype without a type code");
            }
            DType d = DTYPES.get(code);
            if (d == null) {
                throw new FormatException("a numpy array of dtype '" + code + "', which is not read (only numbers"
                        + " and bools: " + String.join(", ", new java.util.TreeSet<>(DTYPES.keySet())) + ")");
            }
            return new Dtype(d);
        }

        /** {@code (version, byteorder, ...)}: '<' little, '>' big, '|' or '=' not applicable or native. */
        void build(Object state) throws FormatException {
            if (!(state instanceof Tuple t) || t.size() < 2 || !(t.get(1) instanceof String endian)) {
                throw new FormatException("malformed pickle: numpy dtype state is not (version, byteorder, ...)");
            }
            switch (endian) {
                case "<", "|", "=" -> order = ByteOrder.LITTLE_ENDIAN;
                case ">" -> order = ByteOrder.BIG_ENDIAN;
                default -> throw new FormatException("malformed pickle: numpy byte order '" + endian + "'");
            }
        }
    }

    /** {@code _reconstruct(ndarray, (0,), b'b')}: an array waiting for its BUILD. */
    static PickledNumpy reconstruct(Tuple args) throws FormatException {
        if (args.size() != 3 || !(args.get(0) instanceof TorchModulePickle.ClassRef c)
                || !c.dotted().equals(TorchModulePickle.NDARRAY)) {
            throw new FormatException("malformed pickle: numpy _reconstruct of something other than an ndarray");
        }
        return new PickledNumpy();
    }

    /** The array's elements; fails when BUILD never gave them. */
    NdArray array() {
        if (array == null) {
            throw new IllegalArgumentException("a numpy array of the pickle was never given its data");
        }
        return array;
    }

    /** {@code (version, shape, dtype, is_fortran, raw bytes)}. */
    void build(Object state) throws FormatException {
        if (array != null) {
            throw new FormatException("malformed pickle: a numpy array built twice");
        }
        if (!(state instanceof Tuple t) || t.size() != 5 || !(t.get(1) instanceof Tuple shapeTuple)
                || !(t.get(2) instanceof Dtype dtype) || !(t.get(3) instanceof Boolean fortran)) {
            throw new FormatException("malformed pickle: numpy array state is not (version, shape, dtype,"
                    + " is_fortran, data)");
        }
        if (!(t.get(4) instanceof byte[] data)) {
            throw new FormatException("a numpy array whose data is a " + PickleMachine.typeName(t.get(4))
                    + ", not bytes (arrays of Python objects are not read)");
        }
        long[] shape = new long[shapeTuple.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeTuple.get(i) instanceof Long d)) {
                throw new FormatException("malformed pickle: a numpy shape holds a "
                        + PickleMachine.typeName(shapeTuple.get(i)));
            }
            shape[i] = d;
        }
        int count = ElementCodec.elementCount(shape);
        long bytes = ElementCodec.byteSize(dtype.dtype, count, 1);
        if (bytes != data.length) {
            throw new FormatException("a numpy array of shape " + java.util.Arrays.toString(shape) + " needs "
                    + bytes + " bytes but the pickle holds " + data.length);
        }
        if (fortran && shape.length > 1) {
            throw new FormatException("a Fortran-ordered numpy array, which is not read; save it in C order");
        }
        Object values = ElementCodec.decode(ByteBuffer.wrap(data).order(dtype.order), dtype.dtype, count, 1);
        array = ElementCodec.wrap(dtype.dtype, ElementCodec.toIntShape(shape), values);
    }
}
