package io.liquidlens.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.LiquidLensException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code .safetensors} files: an 8-byte little-endian header length, a JSON header mapping each tensor
 * name to its dtype, shape and {@code data_offsets} (plus an optional {@code __metadata__} string map),
 * then the little-endian tensor bytes. Reading checks what the format promises: the offsets lie in the
 * byte buffer, match dtype and shape, do not overlap and leave no hole.
 */
public final class Safetensors {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** The format's own limit on the header size. */
    private static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final String METADATA = "__metadata__";

    private Safetensors() {
    }

    /**
     * Reads every tensor of a {@code .safetensors} file.
     *
     * @param file the file
     * @return the tensors by name, in header order
     * @throws LiquidLensException naming the file when it is missing, unreadable or malformed
     */
    public static Map<String, NdArray> read(Path file) {
        return IoProblems.reading(file, ".safetensors", () -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                Layout layout = Layout.read(channel);
                Map<String, NdArray> out = new LinkedHashMap<>();
                for (TensorInfo t : layout.tensors) {
                    ByteBuffer bytes = readFully(channel, layout.dataStart + t.begin, (int) (t.end - t.begin));
                    bytes.order(ByteOrder.LITTLE_ENDIAN);
                    int count = ElementCodec.elementCount(t.shape);
                    Object data = ElementCodec.decode(bytes, t.dtype, count, 1);
                    out.put(t.name, ElementCodec.wrap(t.dtype, ElementCodec.toIntShape(t.shape), data));
                }
                return out;
            }
        });
    }

    /**
     * Reads only the {@code __metadata__} map of a {@code .safetensors} file (the header is validated as
     * in {@link #read}; tensor data is not loaded).
     *
     * @param file the file
     * @return the metadata in header order, empty when the file has none
     * @throws LiquidLensException naming the file when it is missing, unreadable or malformed
     */
    public static Map<String, String> readMetadata(Path file) {
        return IoProblems.reading(file, ".safetensors", () -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                return Layout.read(channel).metadata;
            }
        });
    }

    /**
     * Writes {@code tensors} as a {@code .safetensors} file without metadata, atomically.
     *
     * @param file the file to create or replace
     * @param tensors the tensors by name, written in map order
     * @throws LiquidLensException naming the file when it cannot be written or a tensor is unicode
     */
    public static void write(Path file, Map<String, NdArray> tensors) {
        write(file, tensors, Map.of());
    }

    /**
     * Writes {@code tensors} and a {@code __metadata__} map as a {@code .safetensors} file, atomically.
     *
     * @param file the file to create or replace
     * @param tensors the tensors by name, written in map order
     * @param metadata free-form string pairs stored in the header (omitted when empty)
     * @throws LiquidLensException naming the file when it cannot be written or a tensor is unicode
     */
    public static void write(Path file, Map<String, NdArray> tensors, Map<String, String> metadata) {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put(METADATA, new LinkedHashMap<>(metadata));
        }
        List<byte[]> blobs = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, NdArray> e : tensors.entrySet()) {
            String name = e.getKey();
            NdArray tensor = e.getValue();
            if (name.equals(METADATA)) {
                throw new LiquidLensException(file, "'" + METADATA + "' cannot be a tensor name");
            }
            String dtype = dtypeName(tensor.dtype());
            if (dtype == null) {
                throw new LiquidLensException(file, "tensor '" + name + "': safetensors cannot hold "
                        + tensor.dtype().name().toLowerCase(java.util.Locale.ROOT) + " arrays");
            }
            byte[] blob = ElementCodec.encode(tensor, ByteOrder.LITTLE_ENDIAN, 1);
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", dtype);
            info.put("shape", tensor.shape());
            info.put("data_offsets", new long[] {offset, offset + blob.length});
            header.put(name, info);
            blobs.add(blob);
            offset += blob.length;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new LiquidLensException(file, "cannot write the header (" + e.getOriginalMessage() + ")", e);
        }
        // Pad with spaces so the tensor data starts 8-byte aligned, as the reference writer does.
        int padded = (json.length + 7) / 8 * 8;
        byte[] headerBytes = java.util.Arrays.copyOf(json, padded);
        java.util.Arrays.fill(headerBytes, json.length, padded, (byte) ' ');
        AtomicFiles.write(file, out -> {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(headerBytes);
            for (byte[] blob : blobs) {
                out.write(blob);
            }
        });
    }

    private static String dtypeName(DType dtype) {
        return switch (dtype) {
            case FLOAT16 -> "F16";
            case BFLOAT16 -> "BF16";
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT8 -> "I8";
            case INT16 -> "I16";
            case INT32 -> "I32";
            case INT64 -> "I64";
            case UINT8 -> "U8";
            case UINT16 -> "U16";
            case UINT32 -> "U32";
            case UINT64 -> "U64";
            case BOOL -> "BOOL";
            case UNICODE -> null;
        };
    }

    private static DType dtypeOf(String name) {
        for (DType d : DType.values()) {
            if (name.equals(dtypeName(d))) {
                return d;
            }
        }
        return null;
    }

    private static ByteBuffer readFully(FileChannel channel, long position, int length)
            throws IOException, FormatException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new FormatException("file ends early (truncated?)");
            }
        }
        buffer.flip();
        return buffer;
    }

    /** One tensor's header entry; offsets are relative to the start of the byte buffer. */
    private record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {
    }

    /** The validated header. */
    private record Layout(Map<String, String> metadata, List<TensorInfo> tensors, long dataStart) {
        static Layout read(FileChannel channel) throws IOException, FormatException {
            long fileSize = channel.size();
            if (fileSize < 8) {
                throw new FormatException("not a .safetensors file (shorter than the 8-byte header length)");
            }
            long headerLength = readFully(channel, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > fileSize - 8) {
                throw new FormatException("not a .safetensors file (header length " + Long.toUnsignedString(headerLength)
                        + " does not fit a file of " + fileSize + " bytes)");
            }
            byte[] headerBytes = readFully(channel, 8, (int) headerLength).array();
            if (headerBytes[0] != '{') {
                throw new FormatException("not a .safetensors file (the header is not a JSON object)");
            }
            JsonNode root;
            try {
                root = JSON.readTree(new String(headerBytes, StandardCharsets.UTF_8).stripTrailing());
            } catch (JsonProcessingException e) {
                throw new FormatException("bad JSON header (" + IoProblems.firstLine(e.getOriginalMessage()) + ")", e);
            }
            if (root == null || !root.isObject()) {
                throw new FormatException("not a .safetensors file (the header is not a JSON object)");
            }
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = new LinkedHashMap<>();
            List<TensorInfo> tensors = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (field.getKey().equals(METADATA)) {
                    readMetadata(field.getValue(), metadata);
                } else {
                    tensors.add(tensor(field.getKey(), field.getValue()));
                }
            }
            checkCoverage(tensors, fileSize - dataStart);
            return new Layout(metadata, tensors, dataStart);
        }

        private static void readMetadata(JsonNode node, Map<String, String> into) throws FormatException {
            if (!node.isObject()) {
                throw new FormatException("__metadata__ is not a JSON object");
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isTextual()) {
                    throw new FormatException("__metadata__ value of '" + e.getKey() + "' is not a string");
                }
                into.put(e.getKey(), e.getValue().textValue());
            }
        }

        private static TensorInfo tensor(String name, JsonNode node) throws FormatException {
            String where = "tensor '" + name + "': ";
            if (!node.isObject() || !node.path("dtype").isTextual()) {
                throw new FormatException(where + "header entry has no dtype");
            }
            DType dtype = dtypeOf(node.get("dtype").textValue());
            if (dtype == null) {
                throw new FormatException(where + "unsupported dtype " + node.get("dtype").textValue());
            }
            long[] shape = naturals(node.path("shape"), where + "shape");
            long[] offsets = naturals(node.path("data_offsets"), where + "data_offsets");
            if (offsets.length != 2 || offsets[0] > offsets[1]) {
                throw new FormatException(where + "data_offsets must be [begin, end] with begin <= end");
            }
            int count = ElementCodec.elementCount(shape);
            long expected = ElementCodec.byteSize(dtype, count, 1);
            if (offsets[1] - offsets[0] != expected) {
                throw new FormatException(where + "data_offsets span " + (offsets[1] - offsets[0])
                        + " bytes but " + node.get("dtype").textValue() + " " + node.get("shape") + " needs " + expected);
            }
            return new TensorInfo(name, dtype, shape, offsets[0], offsets[1]);
        }

        private static long[] naturals(JsonNode node, String what) throws FormatException {
            if (!node.isArray()) {
                throw new FormatException(what + " is missing or not a list");
            }
            long[] out = new long[node.size()];
            for (int i = 0; i < out.length; i++) {
                JsonNode n = node.get(i);
                if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
                    throw new FormatException(what + " " + node + " holds something other than sizes");
                }
                out[i] = n.longValue();
            }
            return out;
        }

        /** The tensors must tile the byte buffer exactly: no overlap, no hole, nothing past its end. */
        private static void checkCoverage(List<TensorInfo> tensors, long bufferLength) throws FormatException {
            List<TensorInfo> byOffset = new ArrayList<>(tensors);
            byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
            long covered = 0;
            for (TensorInfo t : byOffset) {
                if (t.end > bufferLength) {
                    throw new FormatException("tensor '" + t.name + "': data_offsets end at " + t.end
                            + ", past the " + bufferLength + "-byte data buffer (truncated?)");
                }
                if (t.begin < covered) {
                    throw new FormatException("tensor '" + t.name + "': data overlaps the previous tensor");
                }
                if (t.begin > covered) {
                    throw new FormatException("tensor '" + t.name + "': unused bytes " + covered + ".." + t.begin
                            + " before its data");
                }
                covered = t.end;
            }
            if (covered != bufferLength) {
                throw new FormatException("the data buffer has " + bufferLength + " bytes but the tensors cover "
                        + covered);
            }
        }
    }
}
