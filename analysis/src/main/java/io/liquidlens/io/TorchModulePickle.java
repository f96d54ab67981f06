package io.liquidlens.io;

import io.liquidlens.io.PickleMachine.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The meaning of the globals of a whole pickled module ({@code torch.save(model)}), where nothing is imported or
 * run either: what a state dict may name (see {@link TorchPickle}) plus classes of {@code ncps.*} and
 * {@code torch.nn.*}, which become inert {@link PickledObject}s recording their class and the state BUILD gives
 * them; numpy arrays, rebuilt from their pickled bytes ({@link PickledNumpy}); numpy random states, recorded and
 * never seeded; and Python's {@code set} and {@code _codecs.encode}, which only turn data into data. Any other
 * global, and any call of a recorded class (REDUCE instead of NEWOBJ) or of a placeholder, is refused by name.
 */
final class TorchModulePickle implements PickleMachine.Host {
    /** Class name prefixes recorded as placeholders. */
    private static final Set<String> MODULE_PREFIXES = Set.of("ncps.", "torch.nn.");
    static final String NDARRAY = "numpy.ndarray";
    private static final String RECONSTRUCT = "numpy.core.multiarray._reconstruct";
    private static final String RECONSTRUCT_NUMPY2 = "numpy._core.multiarray._reconstruct";
    private static final String DTYPE = "numpy.dtype";
    private static final String ENCODE = "_codecs.encode";
    private static final Set<String> SETS = Set.of("__builtin__.set", "builtins.set");
    private static final String RANDOM_STATE = "numpy.random._pickle.__randomstate_ctor";
    private static final String GENERATOR = "numpy.random._pickle.__generator_ctor";
    private static final String BIT_GENERATOR = "numpy.random._pickle.__bit_generator_ctor";
    private static final Set<String> DATA_GLOBALS = Set.of(NDARRAY, RECONSTRUCT, RECONSTRUCT_NUMPY2, DTYPE, ENCODE,
            "__builtin__.set", "builtins.set", RANDOM_STATE, GENERATOR, BIT_GENERATOR);

    /** A class or function of the whitelist beyond a state dict's, by its dotted name; never resolved. */
    record ClassRef(String dotted) {
        boolean isModuleClass() {
            return MODULE_PREFIXES.stream().anyMatch(dotted::startsWith);
        }

        @Override
        public String toString() {
            return dotted;
        }
    }

    private final TorchPickle torch = new TorchPickle();
    private final IdentityHashMap<Object, NdArray> tensors = new IdentityHashMap<>();

    /** The tensors of the pickle by their {@link TorchPickle.View}, filled once the storages are read. */
    Map<Object, NdArray> tensors() {
        return tensors;
    }

    @Override
    public Object global(String module, String name) throws FormatException {
        String dotted = module + "." + name;
        if (TorchPickle.knows(dotted)) {
            return torch.global(module, name);
        }
        ClassRef ref = new ClassRef(dotted);
        if (ref.isModuleClass() || DATA_GLOBALS.contains(dotted)) {
            return ref;
        }
        throw new FormatException("unsupported pickle global " + dotted + (module.equals("__main__")
                ? " (a class of the script that saved it: save the ncps LTC or CfC it holds, or its state dict)"
                : " (LiquidLens reads only tensors, numpy arrays and classes of ncps and torch.nn)"));
    }

    @Override
    public Object call(Object callable, Tuple args) throws FormatException {
        if (callable instanceof PickledObject o) {
            throw new FormatException("refused: the pickle calls an object of class " + o.className());
        }
        if (!(callable instanceof ClassRef ref)) {
            return torch.call(callable, args);
        }
        String dotted = ref.dotted();
        if (dotted.equals(RECONSTRUCT) || dotted.equals(RECONSTRUCT_NUMPY2)) {
            return PickledNumpy.reconstruct(args);
        }
        if (dotted.equals(DTYPE)) {
            return PickledNumpy.Dtype.of(args);
        }
        if (dotted.equals(ENCODE)) {
            return latin1(args);
        }
        if (SETS.contains(dotted)) {
            return set(args);
        }
        if (dotted.equals(RANDOM_STATE) || dotted.equals(GENERATOR) || dotted.equals(BIT_GENERATOR)) {
            // a wiring's generator: recorded, never seeded or drawn from
            return new PickledObject(dotted, tensors);
        }
        throw new FormatException("refused: the pickle calls " + dotted + " (a module pickle only creates"
                + " objects of whitelisted classes and sets their state)");
    }

    @Override
    public Object construct(Object cls, Tuple args) throws FormatException {
        if (cls instanceof ClassRef ref && ref.isModuleClass()) {
            if (args.size() != 0) {
                throw new FormatException("refused: the pickle constructs " + ref.dotted() + " with arguments");
            }
            return new PickledObject(ref.dotted(), tensors);
        }
        if (cls instanceof ClassRef ref) {
            throw new FormatException("unsupported pickle construction of " + ref.dotted());
        }
        return torch.construct(cls, args);
    }

    @Override
    public Object build(Object obj, Object state) throws FormatException {
        if (obj instanceof PickledObject o) {
            setState(o, state);
            return o;
        }
        if (obj instanceof PickledNumpy n) {
            n.build(state);
            return n;
        }
        if (obj instanceof PickledNumpy.Dtype d) {
            d.build(state);
            return d;
        }
        return torch.build(obj, state);
    }

    @Override
    public Object persistentLoad(Object pid) throws FormatException {
        return torch.persistentLoad(pid);
    }

    /** The object's {@code __dict__} (a dict), or {@code (dict or None, slots dict)} as protocol 2 writes it. */
    private static void setState(PickledObject o, Object state) throws FormatException {
        if (state instanceof Tuple t && t.size() == 2) {
            if (t.get(0) != PickleMachine.NONE) {
                setState(o, t.get(0));
            }
            setState(o, t.get(1));
            return;
        }
        if (state == PickleMachine.NONE) {
            return;
        }
        if (!(state instanceof Map<?, ?> dict)) {
            throw new FormatException("malformed pickle: the state of " + o.className() + " is a "
                    + PickleMachine.typeName(state) + ", not a dict");
        }
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new FormatException("malformed pickle: an attribute of " + o.className() + " is named by a "
                        + PickleMachine.typeName(e.getKey()));
            }
            o.set(name, e.getValue());
        }
    }

    /** {@code _codecs.encode(text, 'latin1')}: how protocol 2 writes bytes, e.g. a numpy array's data. */
    private static byte[] latin1(Tuple args) throws FormatException {
        if (args.size() != 2 || !(args.get(0) instanceof String text) || !(args.get(1) instanceof String encoding)
                || !(encoding.equals("latin1") || encoding.equals("latin-1"))) {
            throw new FormatException("refused: _codecs.encode is read only as encode(str, 'latin1')");
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                throw new FormatException("malformed pickle: latin1 text holds a character beyond 0xff");
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static PickledObject.PickledSet set(Tuple args) throws FormatException {
        if (args.size() == 0) {
            return new PickledObject.PickledSet(java.util.List.of());
        }
        if (args.size() == 1 && args.get(0) instanceof java.util.List<?> items) {
            for (Object item : items) {
                PickleMachine.checkKey(item);
            }
            return new PickledObject.PickledSet(new java.util.ArrayList<>(items));
        }
        throw new FormatException("malformed pickle: set() of a " + (args.size() == 1
                ? PickleMachine.typeName(args.get(0)) : args.size() + " arguments"));
    }
}
