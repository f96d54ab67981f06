package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * numpy {@code .npy} files (format versions 1.0, 2.0 and 3.0), C order. Reads the dtypes
 * {@code f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1 U<n>} in either byte order; writes little-endian version
 * 1.0 (2.0 when the header is too long for 1.0), with the header padded to 64 bytes as numpy does.
 *
 * <p>Large arrays are never held twice: a file is memory-mapped and its elements decoded straight from the map
 * into the array, and a stream of known length (an {@code .npz} entry as it is inflated) is decoded a chunk at a
 * time, so reading costs the decoded array plus {@value #CHUNK_BYTES} bytes, not the file's bytes on top.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy itself refuses headers over 10 000 bytes by default; this is only a guard against garbage. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int ALIGNMENT = 64;
    /** Bytes decoded per read from a stream: large enough to amortise the call, small beside any real array. */
    static final int CHUNK_BYTES = 1 << 20;

    private Npy() {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @param file the file
     * @return the array
     * @throws LiquidLensException naming the file when it is missing, unreadable or not a valid array
     */
    public static NdArray read(Path file) {
        return IoProblems.reading(file, ".npy", () -> {
            if (Files.isRegularFile(file) && Files.size(file) <= Integer.MAX_VALUE) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    // the map outlives the channel until it is collected; only the decoded array stays reachable
                    MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                    return decode(new BufferInput(map), map.capacity());
                }
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                return decode(in);
            }
        });
    }

    /**
     * Reads a {@code .npy} array from a stream holding exactly one array.
     *
     * @param in the stream (not closed)
     * @param nameForErrors what to call the source in error messages, e.g. "data.npz:inputs.npy"
     * @return the array
     * @throws LiquidLensException "nameForErrors: problem" when the bytes are not a valid array
     */
    public static NdArray read(InputStream in, String nameForErrors) {
        try {
            return decode(in);
        } catch (FormatException e) {
            throw new LiquidLensException(nameForErrors + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LiquidLensException(nameForErrors + ": " + IoProblems.describe(e), e);
        } catch (RuntimeException e) {
            if (e instanceof LiquidLensException lle) {
                throw lle;
            }
            throw new LiquidLensException(nameForErrors + ": not a readable .npy array (unforeseen "
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * Reads a {@code .npy} array from its bytes.
     *
     * @param bytes the whole file content
     * @param nameForErrors what to call the source in error messages
     * @return the array
     * @throws LiquidLensException "nameForErrors: problem" when the bytes are not a valid array
     */
    public static NdArray read(byte[] bytes, String nameForErrors) {
        return read(new ByteArrayInputStream(bytes), nameForErrors);
    }

    /**
     * Writes {@code array} as a {@code .npy} file, atomically.
     *
     * @param file the file to create or replace
     * @param array the array; bfloat16 has no numpy dtype and is refused
     * @throws LiquidLensException naming the file when it cannot be written or the dtype has no numpy form
     */
    public static void write(Path file, NdArray array) {
        byte[] bytes;
        try {
            bytes = toBytes(array);
        } catch (FormatException e) {
            throw new LiquidLensException(file, e.getMessage());
        }
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The complete {@code .npy} file for {@code array}. */
    static byte[] toBytes(NdArray array) throws FormatException {
        int width = array.dtype() == DType.UNICODE ? ElementCodec.unicodeWidth(array) : 1;
        String header = "{'descr': '" + descr(array.dtype(), width) + "', 'fortran_order': False, 'shape': "
                + shapeLiteral(array.shape()) + ", }";
        byte[] data = ElementCodec.encode(array, ByteOrder.LITTLE_ENDIAN, width);
        boolean v1 = header.length() + 1 + 10 + ALIGNMENT <= 0xffff;
        int prefix = v1 ? 10 : 12;
        int padding = (ALIGNMENT - (prefix + header.length() + 1) % ALIGNMENT) % ALIGNMENT;
        byte[] headerBytes = (header + " ".repeat(padding) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix + headerBytes.length + data.length);
        out.writeBytes(MAGIC);
        ByteBuffer length = ByteBuffer.allocate(v1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
        if (v1) {
            out.write(1);
            out.write(0);
            length.putShort((short) headerBytes.length);
        } else {
            out.write(2);
            out.write(0);
            length.putInt(headerBytes.length);
        }
        out.writeBytes(length.array());
        out.writeBytes(headerBytes);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private static String descr(DType dtype, int width) throws FormatException {
        return switch (dtype) {
            case FLOAT16 -> "<f2";
            case FLOAT32 -> "<f4";
            case FLOAT64 -> "<f8";
            case INT8 -> "|i1";
            case INT16 -> "<i2";
            case INT32 -> "<i4";
            case INT64 -> "<i8";
            case UINT8 -> "|u1";
            case UINT16 -> "<u2";
            case UINT32 -> "<u4";
            case UINT64 -> "<u8";
            case BOOL -> "|b1";
            case UNICODE -> "<U" + width;
            case BFLOAT16 -> throw new FormatException("numpy has no bfloat16 dtype; convert to float32 first");
        };
    }

    private static String shapeLiteral(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            out.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return out.append(')').toString();
    }

    /** Reads one array of unknown length and checks that nothing follows it. */
    static NdArray decode(InputStream in) throws IOException, FormatException {
        return decode(in, -1);
    }

    /**
     * Reads one array and checks that nothing follows it. With {@code streamLength}, the number of bytes the
     * stream holds (-1 when unknown), the elements are decoded as they arrive, and a header that promises more or fewer
     * bytes than there are is refused before anything is allocated for them.
     */
    static NdArray decode(InputStream in, long streamLength) throws IOException, FormatException {
        byte[] magic = in.readNBytes(MAGIC.length + 2);
        if (magic.length < MAGIC.length + 2 || !startsWithMagic(magic)) {
            throw new FormatException("not a .npy file (no \\x93NUMPY magic)");
        }
        int major = magic[6] & 0xff;
        int minor = magic[7] & 0xff;
        if (major < 1 || major > 3) {
            throw new FormatException("unsupported .npy format version " + major + "." + minor);
        }
        byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
        if (lengthBytes.length < (major == 1 ? 2 : 4)) {
            throw new FormatException("file ends inside the .npy header");
        }
        ByteBuffer length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? length.getShort() & 0xffff : length.getInt() & 0xffffffffL;
        if (headerLength > MAX_HEADER_BYTES) {
            throw new FormatException("implausible .npy header length " + headerLength);
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw new FormatException("file ends inside the .npy header");
        }
        String headerText = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header header = Header.parse(headerText);

        int count = ElementCodec.elementCount(header.shape);
        if (header.width == 0 && count > 0) {
            // zero bytes per element would let a 128-byte file ask for a billion strings
            throw new FormatException("unicode dtype of width 0 cannot hold the " + count + " elements of shape "
                    + List.of(boxed(header.shape)));
        }
        long byteCount = ElementCodec.byteSize(header.dtype, count, header.width);
        if (byteCount > ElementCodec.MAX_ELEMENTS) {
            throw new FormatException("array of " + byteCount + " bytes is too large to load");
        }
        long consumed = MAGIC.length + 2 + lengthBytes.length + headerLength;
        Object elements;
        if (streamLength >= 0 && header.dtype != DType.UNICODE) {
            long available = streamLength - consumed;
            if (available < byteCount) {
                throw truncated(header, byteCount, Math.max(0, available));
            }
            if (available > byteCount) {
                throw trailing(header);
            }
            elements = in instanceof BufferInput mapped
                    ? ElementCodec.decode(mapped.buffer.order(header.order), header.dtype, count, header.width)
                    : decodeChunks(in, header, count);
        } else {
            // unknown length: read what is there first, so a lying header cannot make us allocate for it
            byte[] data = in.readNBytes((int) byteCount);
            if (data.length < byteCount) {
                throw truncated(header, byteCount, data.length);
            }
            if (in.read() != -1) {
                throw trailing(header);
            }
            elements = ElementCodec.decode(ByteBuffer.wrap(data).order(header.order), header.dtype, count, header.width);
        }
        return ElementCodec.wrap(header.dtype, ElementCodec.toIntShape(header.shape), elements);
    }

    /** The elements of a stream that holds exactly {@code count} of them, decoded one chunk at a time. */
    private static Object decodeChunks(InputStream in, Header header, int count) throws IOException, FormatException {
        int itemSize = header.dtype.itemSize();
        Object out = ElementCodec.newArray(header.dtype, count);
        byte[] chunk = new byte[(int) Math.min((long) count * itemSize, CHUNK_BYTES / itemSize * itemSize)];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.order);
        for (int done = 0; done < count;) {
            int items = Math.min(count - done, chunk.length / itemSize);
            int read = in.readNBytes(chunk, 0, items * itemSize);
            if (read < items * itemSize) {
                throw truncated(header, (long) count * itemSize, (long) done * itemSize + read);
            }
            buffer.clear();
            ElementCodec.decodeInto(buffer, header.dtype, out, done, items);
            done += items;
        }
        if (in.read() != -1) {
            throw trailing(header);
        }
        return out;
    }

    private static FormatException truncated(Header header, long needed, long present) {
        return new FormatException("truncated: shape " + List.of(boxed(header.shape)) + " needs " + needed
                + " bytes of data but the file has " + present);
    }

    private static FormatException trailing(Header header) {
        return new FormatException("more data after the array than shape " + List.of(boxed(header.shape)) + " holds");
    }

    /** A mapped file read as a stream for its header; its elements are then decoded from the map itself. */
    private static final class BufferInput extends InputStream {
        private final ByteBuffer buffer;

        BufferInput(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (!buffer.hasRemaining()) {
                return -1;
            }
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }
    }

    private static boolean startsWithMagic(byte[] bytes) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static Long[] boxed(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** The parsed header dict: element type, byte order, unicode width and shape. */
    private record Header(DType dtype, ByteOrder order, int width, long[] shape) {
        private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

        static Header parse(String text) throws FormatException {
            if (!(PyLiteral.parse(text) instanceof Map<?, ?> dict) || !dict.keySet().equals(KEYS)) {
                throw new FormatException("bad .npy header: expected a dict with descr, fortran_order and shape");
            }
            if (!(dict.get("shape") instanceof List<?> dims)) {
                throw new FormatException("bad .npy header: shape is not a tuple");
            }
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(dims.get(i) instanceof Long d) || d < 0) {
                    throw new FormatException("bad .npy header: shape " + dims + " is not a tuple of sizes");
                }
                shape[i] = d;
            }
            if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
                throw new FormatException("bad .npy header: fortran_order is not True or False");
            }
            // A 0-d or 1-d array is laid out identically in either order.
            if (fortran && shape.length > 1) {
                throw new FormatException(
                        "Fortran-order arrays are not supported; save with np.ascontiguousarray");
            }
            Object descr = dict.get("descr");
            if (!(descr instanceof String d)) {
                throw new FormatException("structured dtypes are not supported (descr " + descr + ")");
            }
            return withDescr(d, shape);
        }

        private static Header withDescr(String descr, long[] shape) throws FormatException {
            String body = descr;
            ByteOrder order = ByteOrder.LITTLE_ENDIAN;
            if (!body.isEmpty() && "<>|=".indexOf(body.charAt(0)) >= 0) {
                order = body.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                body = body.substring(1);
            }
            if (body.equals("O")) {
                throw new FormatException("object arrays (dtype |O, saved with allow_pickle) are not supported");
            }
            if (body.startsWith("U")) {
                try {
                    int width = Integer.parseInt(body.substring(1));
                    if (width >= 0 && width <= 1 << 20) {
                        return new Header(DType.UNICODE, order, width, shape);
                    }
                } catch (NumberFormatException e) {
                    // fall through to the error below
                }
                throw new FormatException("bad unicode dtype '" + descr + "'");
            }
            DType dtype = switch (body) {
                case "f2" -> DType.FLOAT16;
                case "f4" -> DType.FLOAT32;
                case "f8" -> DType.FLOAT64;
                case "i1" -> DType.INT8;
                case "i2" -> DType.INT16;
                case "i4" -> DType.INT32;
                case "i8" -> DType.INT64;
                case "u1" -> DType.UINT8;
                case "u2" -> DType.UINT16;
                case "u4" -> DType.UINT32;
                case "u8" -> DType.UINT64;
                case "b1" -> DType.BOOL;
                default -> throw new FormatException("unsupported dtype '" + descr + "'");
            };
            return new Header(dtype, order, 1, shape);
        }
    }
}
