package io.liquidlens.io;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.TorchPickle.Storage;
import io.liquidlens.io.TorchPickle.View;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;

/**
 * PyTorch state dicts as {@code torch.save(model.state_dict(), path)} writes them (torch 1.6 and later):
 * a zip holding {@code <top>/data.pkl}, one {@code <top>/data/<key>} record per storage and a few small
 * records ({@code version}, {@code byteorder}, {@code .format_version}, ...). The pickle is run by
 * {@link PickleMachine} with the {@link TorchPickle} whitelist, so reading a checkpoint never executes
 * anything it contains. Tensors on any device are read to the CPU; strided views are copied into C
 * order. A whole pickled module ({@code torch.save(model)}) is read by {@link #readModule} with the wider
 * {@link TorchModulePickle} whitelist, whose classes stay inert placeholders.
 */
public final class TorchCheckpoint {
    /**
     * Views may repeat stored elements (tied weights share a storage, an expanded buffer has stride 0), but
     * a state dict's tensors hold at most this many times the elements its storages store, plus
     * {@link #REPEAT_ALLOWANCE}; more would let a file of a few bytes fill the heap (one stored float
     * viewed a hundred million times, or one storage behind thousands of keys).
     */
    private static final long MAX_REPEATS = 16;
    private static final long REPEAT_ALLOWANCE = 1 << 20;

    private TorchCheckpoint() {
    }

    /**
     * Reads the tensors of a state-dict checkpoint.
     *
     * @param file the {@code .pt}/{@code .pth} file
     * @return the tensors by name, in state-dict order
     * @throws LiquidLensException naming the file when it is not a readable state dict (including any
     *     pickle global outside the whitelist)
     */
    public static Map<String, NdArray> read(Path file) {
        return IoProblems.reading(file, "PyTorch checkpoint", () -> {
            try (ZipArchive zip = ZipArchive.open(file, TorchCheckpoint::notAZip)) {
                String prefix = topFolder(zip);
                Object root = PickleMachine.load(zip.read(zip.entry(prefix + "data.pkl")), new TorchPickle());
                ByteOrder order = byteOrder(zip, prefix);
                if (!(root instanceof Map<?, ?> dict)) {
                    throw new FormatException("not a state dict: the checkpoint holds a "
                            + PickleMachine.typeName(root) + ", not a dict of tensors");
                }
                TensorReader reader = new TensorReader(zip, prefix, order);
                Map<String, NdArray> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : dict.entrySet()) {
                    if (!(e.getKey() instanceof String name)) {
                        throw new FormatException("not a state dict: a key is a " + PickleMachine.typeName(e.getKey()));
                    }
                    if (!(e.getValue() instanceof View view)) {
                        throw new FormatException("not a plain state dict: entry '" + name + "' is a "
                                + PickleMachine.typeName(e.getValue()) + ", not a tensor");
                    }
                    out.put(name, reader.tensor("tensor '" + name + "'", view));
                }
                return out;
            }
        });
    }

    /**
     * Reads a whole pickled module ({@code torch.save(model)}) as inert placeholders: the classes it names
     * ({@code ncps.*}, {@code torch.nn.*}) are recorded, never imported, and its tensors and numpy arrays are read
     * from their bytes (see {@link TorchModulePickle}).
     *
     * @return the pickled module, or empty when the file holds a dict (a state dict: read it with {@link #read})
     * @throws LiquidLensException naming the file when it is no readable checkpoint or names a global outside the
     *     whitelist
     */
    public static Optional<PickledObject> readModule(Path file) {
        return IoProblems.reading(file, "PyTorch checkpoint", () -> {
            try (ZipArchive zip = ZipArchive.open(file, TorchCheckpoint::notAZip)) {
                String prefix = topFolder(zip);
                TorchModulePickle host = new TorchModulePickle();
                Object root = PickleMachine.load(zip.read(zip.entry(prefix + "data.pkl")), host);
                if (root instanceof Map<?, ?>) {
                    return Optional.<PickledObject>empty();
                }
                if (!(root instanceof PickledObject module)) {
                    throw new FormatException("not a module: the checkpoint holds a " + PickleMachine.typeName(root));
                }
                TensorReader reader = new TensorReader(zip, prefix, byteOrder(zip, prefix));
                int n = 0;
                for (View view : viewsReachableFrom(root)) {
                    host.tensors().put(view, reader.tensor("tensor " + n++, view));
                }
                return Optional.of(module);
            }
        });
    }

    /** Every tensor view in the object graph, each once, in the order a depth-first walk meets them. */
    private static List<View> viewsReachableFrom(Object root) {
        List<View> out = new ArrayList<>();
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Object v = todo.pop();
            if (!seen.add(v)) {
                continue;
            }
            if (v instanceof View view) {
                out.add(view);
            } else if (v instanceof PickledObject o) {
                o.values().forEach(todo::push);
            } else if (v instanceof Map<?, ?> m) {
                m.values().forEach(todo::push);
            } else if (v instanceof List<?> l) {
                l.forEach(todo::push);
            } else if (v instanceof PickleMachine.Tuple t) {
                t.items().forEach(todo::push);
            } else if (v instanceof PickledObject.PickledSet s) {
                s.items().forEach(todo::push);
            }
        }
        return out;
    }

    /**
     * Reads the storages views refer to, each once, and copies views out of them, refusing views that repeat
     * stored elements too often.
     */
    private static final class TensorReader {
        private final ZipArchive zip;
        private final String prefix;
        private final ByteOrder order;
        private final Map<String, Object> storageData = new HashMap<>();
        private long stored;
        private long viewed;

        TensorReader(ZipArchive zip, String prefix, ByteOrder order) {
            this.zip = zip;
            this.prefix = prefix;
            this.order = order;
        }

        NdArray tensor(String what, View view) throws FormatException {
            Object data = storageData.get(view.storage().key());
            if (data == null) {
                data = readStorage(zip, prefix, view.storage(), order);
                storageData.put(view.storage().key(), data);
                stored += view.storage().numel();
            }
            try {
                viewed += ElementCodec.elementCount(view.size());
                if (viewed > MAX_REPEATS * stored + REPEAT_ALLOWANCE) {
                    throw new FormatException("views repeat their storages' elements too often (" + viewed
                            + " elements from " + stored + " stored; the limit is " + MAX_REPEATS
                            + " times the stored elements plus " + REPEAT_ALLOWANCE + ")");
                }
                return materialise(view, data);
            } catch (FormatException ex) {
                throw new FormatException(what + ": " + ex.getMessage(), ex);
            }
        }
    }

    /** The {@code <top>/} folder holding {@code data.pkl}; torch names it after the file, but any name goes. */
    private static String topFolder(ZipArchive zip) throws FormatException {
        String found = null;
        for (ZipEntry e : zip.entries()) {
            String name = e.getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                if (found != null) {
                    throw new FormatException("not a PyTorch checkpoint (several data.pkl records)");
                }
                found = name.substring(0, slash + 1);
            }
        }
        if (found == null) {
            throw new FormatException("not a PyTorch checkpoint (no <folder>/data.pkl record in the zip)");
        }
        if (zip.entry(found + "code/") != null || zip.entry(found + "constants.pkl") != null) {
            throw new FormatException("a TorchScript archive, not a state dict; save model.state_dict() instead");
        }
        return found;
    }

    /** torch 2.x records the storages' byte order; older versions always wrote little-endian. */
    private static ByteOrder byteOrder(ZipArchive zip, String prefix) throws FormatException {
        ZipEntry entry = zip.entry(prefix + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String text = new String(zip.read(entry), StandardCharsets.US_ASCII).trim();
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new FormatException("unknown byteorder record '" + text + "'");
        };
    }

    private static Object readStorage(ZipArchive zip, String prefix, Storage storage, ByteOrder order)
            throws FormatException {
        String name = prefix + "data/" + storage.key();
        ZipEntry entry = zip.entry(name);
        if (entry == null) {
            throw new FormatException("missing storage record " + name);
        }
        if (storage.numel() > ElementCodec.MAX_ELEMENTS) {
            throw new FormatException("storage " + storage.key() + " is too large to load");
        }
        long expected = ElementCodec.byteSize(storage.dtype(), storage.numel(), 1);
        byte[] bytes = zip.read(entry);
        if (bytes.length != expected) {
            throw new FormatException("storage record " + name + " has " + bytes.length + " bytes but "
                    + storage.numel() + " " + storage.dtype().name().toLowerCase(java.util.Locale.ROOT)
                    + " elements need " + expected);
        }
        return ElementCodec.decode(ByteBuffer.wrap(bytes).order(order), storage.dtype(), (int) storage.numel(), 1);
    }

    /** Copies the view's elements out of the storage in C order. */
    private static NdArray materialise(View view, Object storageData) throws FormatException {
        long[] size = view.size();
        long[] stride = view.stride();
        int count = ElementCodec.elementCount(size);
        if (view.offset() < 0) {
            throw new FormatException("negative storage offset " + view.offset());
        }
        long last = view.offset();
        boolean contiguous = true;
        long expectedStride = 1;
        try {
            for (int k = size.length - 1; k >= 0; k--) {
                if (stride[k] < 0) {
                    throw new FormatException("negative stride " + stride[k]);
                }
                if (size[k] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[k] - 1, stride[k]));
                }
                if (size[k] != 1 && stride[k] != expectedStride) {
                    contiguous = false;
                }
                expectedStride *= size[k];
            }
        } catch (ArithmeticException e) {
            throw new FormatException("strides run past any storage");
        }
        if (count > 0 && last >= view.storage().numel()) {
            throw new FormatException("view (offset " + view.offset() + ") runs past its storage of "
                    + view.storage().numel() + " elements");
        }
        Object data = Array.newInstance(storageData.getClass().getComponentType(), count);
        if (contiguous) {
            if (count > 0) {
                System.arraycopy(storageData, (int) view.offset(), data, 0, count);
            }
        } else {
            gather(storageData, data, view.offset(), size, stride, count);
        }
        return ElementCodec.wrap(view.storage().dtype(), ElementCodec.toIntShape(size), data);
    }

    /** Walks the view's indices in C order (an odometer over {@code size}), copying element by element. */
    private static void gather(Object from, Object to, long offset, long[] size, long[] stride, int count) {
        int rank = size.length;
        long[] index = new long[rank];
        long source = offset;
        for (int i = 0; i < count; i++) {
            System.arraycopy(from, (int) source, to, i, 1);
            for (int k = rank - 1; k >= 0; k--) {
                index[k]++;
                source += stride[k];
                if (index[k] < size[k]) {
                    break;
                }
                source -= index[k] * stride[k];
                index[k] = 0;
            }
        }
    }

    private static String notAZip(byte[] start) {
        if (start.length > 0 && (start[0] & 0xff) == 0x80) {
            return "a legacy (pre-1.6, non-zip) PyTorch checkpoint; re-save it with a current torch.save";
        }
        return "not a PyTorch checkpoint (not a zip archive)";
    }
}
