package io.liquidlens.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Turns raw element bytes into the Java arrays an {@link NdArray} holds and back. Shared by every format
 * here: they differ only in how they describe dtype, shape and byte order, not in how elements are laid
 * out.
 */
final class ElementCodec {
    /** The most elements a Java array can hold on common JVMs. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private ElementCodec() {
    }

    /** The product of {@code shape}, refusing negative dimensions and arrays too big for Java. */
    static int elementCount(long[] shape) throws FormatException {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new FormatException("negative dimension in shape " + Arrays.toString(shape));
            }
            if (d > MAX_ELEMENTS || (n = n * d) > MAX_ELEMENTS) {
                throw new FormatException("shape " + Arrays.toString(shape) + " is too large to load");
            }
        }
        return (int) n;
    }

    /** The shape as ints, after {@link #elementCount} has accepted it. */
    static int[] toIntShape(long[] shape) {
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = (int) shape[i];
        }
        return out;
    }

    /** Bytes taken by {@code count} elements ({@code width} characters each for unicode, else ignored). */
    static long byteSize(DType dtype, long count, int width) {
        return count * dtype.itemSize() * (dtype == DType.UNICODE ? width : 1);
    }

    /**
     * Reads {@code count} elements at the buffer's position in its byte order, advancing the position.
     * The caller has checked that enough bytes remain.
     */
    static Object decode(ByteBuffer in, DType dtype, int count, int width) throws FormatException {
        if (dtype == DType.UNICODE) {
            return decodeUnicode(in, count, width);
        }
        Object out = newArray(dtype, count);
        decodeInto(in, dtype, out, 0, count);
        return out;
    }

    /** An array of {@code count} elements of the Java type that holds {@code dtype} (not unicode). */
    static Object newArray(DType dtype, int count) {
        return switch (dtype) {
            case FLOAT16, BFLOAT16, FLOAT32 -> new float[count];
            case FLOAT64 -> new double[count];
            case BOOL -> new boolean[count];
            case INT8, UINT8 -> new byte[count];
            case UNICODE -> throw new IllegalArgumentException("unicode arrays are decoded whole");
            default -> new long[count];
        };
    }

    /**
     * Reads {@code count} elements at the buffer's position into {@code out[offset ..]} (an array from
     * {@link #newArray}), advancing the position, so a large array can be filled a chunk at a time. The caller
     * has checked that enough bytes remain.
     */
    static void decodeInto(ByteBuffer in, DType dtype, Object out, int offset, int count) {
        switch (dtype) {
            case FLOAT32 -> {
                in.asFloatBuffer().get((float[]) out, offset, count);
                in.position(in.position() + 4 * count);
            }
            case FLOAT64 -> {
                in.asDoubleBuffer().get((double[]) out, offset, count);
                in.position(in.position() + 8 * count);
            }
            case FLOAT16 -> {
                float[] f = (float[]) out;
                for (int i = offset; i < offset + count; i++) f[i] = HalfFloats.halfToFloat(in.getShort());
            }
            case BFLOAT16 -> {
                float[] f = (float[]) out;
                for (int i = offset; i < offset + count; i++) f[i] = HalfFloats.bfloat16ToFloat(in.getShort());
            }
            case BOOL -> {
                boolean[] b = (boolean[]) out;
                for (int i = offset; i < offset + count; i++) b[i] = in.get() != 0;
            }
            case INT8, UINT8 -> in.get((byte[]) out, offset, count);
            case UNICODE -> throw new IllegalArgumentException("unicode arrays are decoded whole");
            default -> decodeIntegers(in, dtype, (long[]) out, offset, count);
        }
    }

    private static void decodeIntegers(ByteBuffer in, DType dtype, long[] out, int offset, int count) {
        int end = offset + count;
        switch (dtype) {
            case INT16 -> { for (int i = offset; i < end; i++) out[i] = in.getShort(); }
            case UINT16 -> { for (int i = offset; i < end; i++) out[i] = in.getShort() & 0xffffL; }
            case INT32 -> { for (int i = offset; i < end; i++) out[i] = in.getInt(); }
            case UINT32 -> { for (int i = offset; i < end; i++) out[i] = in.getInt() & 0xffffffffL; }
            case INT64, UINT64 -> {
                in.asLongBuffer().get(out, offset, count);
                in.position(in.position() + 8 * count);
            }
            default -> throw new IllegalArgumentException(dtype + " is not a wide integer type");
        }
    }

    /** numpy unicode: {@code width} UTF-32 code points per element, padded with NULs that numpy strips. */
    private static String[] decodeUnicode(ByteBuffer in, int count, int width) throws FormatException {
        String[] out = new String[count];
        int[] codePoints = new int[width];
        for (int i = 0; i < count; i++) {
            int length = 0;
            for (int k = 0; k < width; k++) {
                int c = in.getInt();
                if (c < 0 || c > Character.MAX_CODE_POINT
                        || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
                    throw new FormatException("invalid unicode code point 0x" + Integer.toHexString(c)
                            + " in element " + i);
                }
                codePoints[k] = c;
                if (c != 0) {
                    length = k + 1;
                }
            }
            out[i] = new String(codePoints, 0, length);
        }
        return out;
    }

    /** An array of {@code dtype} over {@code data} as {@link #decode} returns it. */
    static NdArray wrap(DType dtype, int[] shape, Object data) {
        return switch (dtype) {
            case FLOAT16, BFLOAT16, FLOAT32 -> NdArray.ofFloats(dtype, shape, (float[]) data);
            case FLOAT64 -> NdArray.ofDoubles(shape, (double[]) data);
            case BOOL -> NdArray.ofBooleans(shape, (boolean[]) data);
            case UNICODE -> NdArray.ofStrings(shape, (String[]) data);
            case INT8, UINT8 -> NdArray.ofBytes(dtype, shape, (byte[]) data);
            default -> NdArray.ofLongs(dtype, shape, (long[]) data);
        };
    }

    /** The widest string in code points, at least 1 (numpy's smallest unicode width). */
    static int unicodeWidth(NdArray array) {
        int width = 1;
        for (String s : (String[]) array.rawData()) {
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        return width;
    }

    /** The elements as bytes in {@code order} ({@code width} code points per string for unicode). */
    static byte[] encode(NdArray array, ByteOrder order, int width) {
        DType dtype = array.dtype();
        int count = array.size();
        long size = byteSize(dtype, count, width);
        if (size > MAX_ELEMENTS) {
            throw new IllegalArgumentException(array + " is too large to write in one piece");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size).order(order);
        Object data = array.rawData();
        switch (dtype) {
            case FLOAT32 -> out.asFloatBuffer().put((float[]) data);
            case FLOAT64 -> out.asDoubleBuffer().put((double[]) data);
            case FLOAT16 -> { for (float v : (float[]) data) out.putShort(HalfFloats.floatToHalf(v)); }
            case BFLOAT16 -> { for (float v : (float[]) data) out.putShort(HalfFloats.floatToBfloat16(v)); }
            case BOOL -> { for (boolean v : (boolean[]) data) out.put((byte) (v ? 1 : 0)); }
            case INT8, UINT8 -> out.put((byte[]) data);
            case INT16, UINT16 -> { for (long v : (long[]) data) out.putShort((short) v); }
            case INT32, UINT32 -> { for (long v : (long[]) data) out.putInt((int) v); }
            case INT64, UINT64 -> out.asLongBuffer().put((long[]) data);
            case UNICODE -> {
                for (String s : (String[]) data) {
                    int[] codePoints = s.codePoints().toArray();
                    if (codePoints.length > width) {
                        throw new IllegalArgumentException("string longer than the unicode width " + width);
                    }
                    for (int k = 0; k < width; k++) out.putInt(k < codePoints.length ? codePoints[k] : 0);
                }
            }
        }
        return out.array();
    }
}
