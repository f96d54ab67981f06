package io.liquidlens.io;

import io.liquidlens.io.PickleMachine.Tuple;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meaning of the few globals a PyTorch state-dict pickle uses, and nothing else: an OrderedDict, the
 * typed storage classes (only as tags in persistent ids), and the tensor/parameter rebuild functions,
 * which here just record a {@link View} of a {@link Storage}. Any other global is refused by name before
 * anything could be called.
 */
final class TorchPickle implements PickleMachine.Host {
    private static final String ORDERED_DICT = "collections.OrderedDict";
    private static final String REBUILD_TENSOR_V2 = "torch._utils._rebuild_tensor_v2";
    private static final String REBUILD_TENSOR = "torch._utils._rebuild_tensor";
    private static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";
    private static final String REBUILD_PARAMETER_WITH_STATE = "torch._utils._rebuild_parameter_with_state";
    private static final Set<String> FUNCTIONS = Set.of(ORDERED_DICT, REBUILD_TENSOR_V2, REBUILD_TENSOR,
            REBUILD_PARAMETER, REBUILD_PARAMETER_WITH_STATE);
    private static final Map<String, DType> STORAGE_TYPES = Map.of(
            "torch.FloatStorage", DType.FLOAT32,
            "torch.DoubleStorage", DType.FLOAT64,
            "torch.HalfStorage", DType.FLOAT16,
            "torch.BFloat16Storage", DType.BFLOAT16,
            "torch.LongStorage", DType.INT64,
            "torch.IntStorage", DType.INT32,
            "torch.ShortStorage", DType.INT16,
            "torch.CharStorage", DType.INT8,
            "torch.ByteStorage", DType.UINT8,
            "torch.BoolStorage", DType.BOOL);

    /** A whitelisted global, by its dotted name. */
    record Global(String dotted) {
        @Override
        public String toString() {
            return dotted;
        }
    }

    /** A storage record in the archive: {@code data/<key>}, {@code numel} elements of {@code dtype}. */
    record Storage(String key, DType dtype, long numel) {
    }

    /** A tensor as torch rebuilds it: a strided view into a storage (sizes and strides in elements). */
    record View(Storage storage, long offset, long[] size, long[] stride) {
    }

    private final Map<String, Storage> storages = new HashMap<>();

    /** True for the globals a state dict may name: the rebuild functions, OrderedDict and the storage types. */
    static boolean knows(String dotted) {
        return FUNCTIONS.contains(dotted) || STORAGE_TYPES.containsKey(dotted);
    }

    @Override
    public Object global(String module, String name) throws FormatException {
        String dotted = module + "." + name;
        if (knows(dotted)) {
            return new Global(dotted);
        }
        throw new FormatException("unsupported pickle global " + dotted);
    }

    @Override
    public Object call(Object callable, Tuple args) throws FormatException {
        String dotted = callable instanceof Global g ? g.dotted : PickleMachine.typeName(callable);
        switch (dotted) {
            case ORDERED_DICT:
                return orderedDict(args);
            case REBUILD_TENSOR_V2:
            case REBUILD_TENSOR:
                return rebuildTensor(args);
            case REBUILD_PARAMETER:
            case REBUILD_PARAMETER_WITH_STATE:
                // (data, requires_grad, backward_hooks[, state]): a Parameter is its data for our purposes.
                if (args.size() >= 1 && args.get(0) instanceof View view) {
                    return view;
                }
                throw new FormatException("malformed pickle: " + dotted + " without a tensor");
            default:
                throw new FormatException("unsupported pickle call of " + dotted);
        }
    }

    @Override
    public Object construct(Object cls, Tuple args) throws FormatException {
        if (cls instanceof Global g && g.dotted.equals(ORDERED_DICT)) {
            return new LinkedHashMap<>();
        }
        throw new FormatException("unsupported pickle construction of "
                + (cls instanceof Global g ? g.dotted : PickleMachine.typeName(cls)));
    }

    @Override
    public Object build(Object obj, Object state) throws FormatException {
        // The state of an OrderedDict (e.g. {'_metadata': ...}) sets attributes, not items; a tensor's
        // state holds Python attributes. Neither changes the numbers, so both are dropped.
        if (obj instanceof Map || obj instanceof View) {
            return obj;
        }
        throw new FormatException("malformed pickle: BUILD on a " + PickleMachine.typeName(obj));
    }

    @Override
    public Object persistentLoad(Object pid) throws FormatException {
        // ('storage', storage_type, key, location, numel); the location (cpu, cuda:0, mps, ...) is
        // irrelevant: everything is read to the CPU.
        if (!(pid instanceof Tuple t) || t.size() != 5 || !"storage".equals(t.get(0))
                || !(t.get(1) instanceof Global type) || !STORAGE_TYPES.containsKey(type.dotted)
                || !(t.get(2) instanceof String key) || !(t.get(3) instanceof String)
                || !(t.get(4) instanceof Long numel) || numel < 0) {
            throw new FormatException("unsupported persistent id (a " + PickleMachine.typeName(pid)
                    + ", expected a torch storage tuple)");
        }
        DType dtype = STORAGE_TYPES.get(type.dotted);
        Storage known = storages.get(key);
        if (known != null) {
            if (known.dtype != dtype || known.numel != numel) {
                throw new FormatException("storage " + key + " is used with two different types");
            }
            return known;
        }
        Storage storage = new Storage(key, dtype, numel);
        storages.put(key, storage);
        return storage;
    }

    private static Map<Object, Object> orderedDict(Tuple args) throws FormatException {
        Map<Object, Object> out = new LinkedHashMap<>();
        if (args.size() == 0) {
            return out;
        }
        if (args.size() == 1 && args.get(0) instanceof List<?> pairs) {
            for (Object pair : pairs) {
                if (!(pair instanceof Tuple p) || p.size() != 2) {
                    throw new FormatException("malformed pickle: OrderedDict item is not a pair");
                }
                PickleMachine.checkKey(p.get(0));
                out.put(p.get(0), p.get(1));
            }
            return out;
        }
        throw new FormatException("malformed pickle: unexpected OrderedDict arguments");
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, hooks[, metadata])}. */
    private static View rebuildTensor(Tuple args) throws FormatException {
        if (args.size() < 4 || !(args.get(0) instanceof Storage storage) || !(args.get(1) instanceof Long offset)) {
            throw new FormatException("malformed pickle: _rebuild_tensor arguments are not (storage, offset, size, stride, ...)");
        }
        long[] size = longs(args.get(2), "size");
        long[] stride = longs(args.get(3), "stride");
        if (size.length != stride.length) {
            throw new FormatException("malformed pickle: tensor size and stride differ in length");
        }
        return new View(storage, offset, size, stride);
    }

    private static long[] longs(Object value, String what) throws FormatException {
        if (!(value instanceof Tuple t)) {
            throw new FormatException("malformed pickle: tensor " + what + " is not a tuple");
        }
        long[] out = new long[t.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(t.get(i) instanceof Long v)) {
                throw new FormatException("malformed pickle: tensor " + what + " is not a tuple of ints");
            }
            out[i] = v;
        }
        return out;
    }
}
