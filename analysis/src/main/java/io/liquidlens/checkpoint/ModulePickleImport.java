package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.PickledObject;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ncps constructor call and state dict behind a whole pickled module ({@code torch.save(model)} of an ncps
 * {@code LTC} or {@code CfC}), read from the inert placeholders of the pickle: the options are the attributes the
 * constructor stored, the wiring is the pickled wiring object, and the tensors are named as {@code state_dict()}
 * names them. Nothing is assumed, so no {@code --set} is needed.
 */
public final class ModulePickleImport {
    static final String LTC = "ncps.torch.ltc.LTC";
    static final String CFC = "ncps.torch.cfc.CfC";
    private static final String LTC_CELL = "ncps.torch.ltc_cell.LTCCell";
    /** Deeper module trees than any ncps model are refused, so a module holding itself cannot loop forever. */
    private static final int MAX_MODULE_DEPTH = 16;
    /**
     * More modules than any ncps model has are refused, so a few shared submodules listed under many names cannot
     * make the walk visit exponentially many.
     */
    private static final int MAX_MODULES = 10_000;
    private static final Set<String> WRAPPERS = Set.of("torch.nn.parallel.data_parallel.DataParallel",
            "torch.nn.parallel.distributed.DistributedDataParallel");

    private ModulePickleImport() {
    }

    /**
     * The model, its tensors and what could not be kept as ncps wrote it.
     *
     * @param notes one line per thing the user should know, e.g. a wiring kept as matrices
     */
    public record Result(ModelSpec spec, Map<String, NdArray> weights, List<String> notes) {
    }

    /**
     * Reads the model of a pickled module.
     *
     * @throws IllegalArgumentException naming what was found when it is no ncps LTC or CfC LiquidLens can read
     */
    public static Result infer(PickledObject pickled) {
        PickledObject module = unwrapped(pickled);
        List<String> notes = new ArrayList<>();
        ModelSpec spec = switch (module.className()) {
            case LTC -> ltc(module, notes);
            case CFC -> PickledCfc.read(module, notes);
            default -> throw new IllegalArgumentException(module.className().startsWith("ncps.")
                    ? "holds an " + module.className() + ", not a whole LTC or CfC module; save the LTC or CfC"
                    + " itself (or its state dict)"
                    : "is a pickled " + module.className() + ", not an ncps LTC or CfC module");
        };
        Map<String, NdArray> weights = new LinkedHashMap<>();
        stateDict(module, "", weights, 0, new int[] {MAX_MODULES});
        requireLayout(weights, spec);
        return new Result(spec, weights, List.copyOf(notes));
    }

    /**
     * The model inside torch's multi-GPU wrappers, which hold it as their submodule {@code module}: its tensors are
     * the model's (the wrapper's state dict only prefixes them with {@code module.}).
     */
    private static PickledObject unwrapped(PickledObject pickled) {
        if (!WRAPPERS.contains(pickled.className())) {
            return pickled;
        }
        PickledObject inner = pickled.objects("_modules").get("module");
        if (inner == null) {
            throw new IllegalArgumentException("is a pickled " + pickled.className() + " without its module");
        }
        return inner;
    }

    private static ModelSpec ltc(PickledObject m, List<String> notes) {
        int inputSize = inputSize(m);
        PickledObject cell = child(m, "rnn_cell", LTC_CELL);
        int unfolds = cell.integer("_ode_unfolds");
        if (unfolds > Limits.ODE_UNFOLDS) {
            throw new IllegalArgumentException("its LTCCell has ode_unfolds " + unfolds + "; LiquidLens reads at most "
                    + Limits.ODE_UNFOLDS);
        }
        LtcSpec ltc = new LtcSpec(m.bool("return_sequences"), m.bool("batch_first"), m.bool("use_mixed"),
                mapping(cell, "_input_mapping"), mapping(cell, "_output_mapping"), unfolds, cell.number("_epsilon"),
                cell.bool("_implicit_param_constraints"));
        PickledWiring.Read wiring = PickledWiring.read(m.object("_wiring"), inputSize);
        if (wiring.note() != null) {
            notes.add(wiring.note());
        }
        UnitsSpec units = new UnitsSpec.Wired(wiring.spec());
        if (!m.isObject("wiring_or_units") && wiring.regenerated()
                && wiring.spec().equals(denseWiring(m.integer("wiring_or_units")))) {
            units = new UnitsSpec.Dense(m.integer("wiring_or_units"));
        }
        return new ModelSpec(inputSize, units, ltc);
    }

    /** The FullyConnected ncps's LTC makes for {@code units=int}. */
    private static FullyConnectedSpec denseWiring(int units) {
        return new FullyConnectedSpec(units, units, FullyConnectedSpec.DEFAULT_SEED, true);
    }

    /** ncps maps with "affine" and "linear"; any other value (None included) is no mapping. */
    private static Mapping mapping(PickledObject cell, String name) {
        String text = cell.isText(name) ? cell.text(name) : null;
        if ("affine".equals(text)) {
            return Mapping.AFFINE;
        }
        return "linear".equals(text) ? Mapping.LINEAR : Mapping.NONE;
    }

    static int inputSize(PickledObject m) {
        int inputSize = m.integer("input_size");
        if (inputSize < 1 || inputSize > Limits.INPUT_SIZE) {
            throw new IllegalArgumentException("its input_size is " + inputSize + "; LiquidLens reads 1 to "
                    + Limits.INPUT_SIZE);
        }
        return inputSize;
    }

    /** The submodule {@code name} of {@code parent}, which must be of class {@code className}. */
    static PickledObject child(PickledObject parent, String name, String className) {
        PickledObject c = parent.objects("_modules").get(name);
        if (c == null || !c.className().equals(className)) {
            throw new IllegalArgumentException("its " + parent.simpleName() + "'s " + name + " is "
                    + (c == null ? "missing" : "a " + c.className()) + ", not an " + className);
        }
        return c;
    }

    /** The tensors as {@code module.state_dict()} names them: parameters, persistent buffers, then submodules. */
    private static void stateDict(PickledObject module, String prefix, Map<String, NdArray> out, int depth,
                                  int[] budget) {
        if (depth > MAX_MODULE_DEPTH || --budget[0] < 0) {
            throw new IllegalArgumentException("its modules are nested more than " + MAX_MODULE_DEPTH + " deep or"
                    + " number more than " + MAX_MODULES + " (at " + (prefix.isEmpty() ? "the root" : prefix) + ")");
        }
        module.tensors("_parameters").forEach((k, v) -> out.put(prefix + k, v));
        Set<String> transientBuffers = module.names("_non_persistent_buffers_set");
        module.tensors("_buffers").forEach((k, v) -> {
            if (!transientBuffers.contains(k)) {
                out.put(prefix + k, v);
            }
        });
        module.objects("_modules").forEach((k, v) -> stateDict(v, prefix + k + ".", out, depth + 1, budget));
    }

    /** The tensors must be exactly those ncps's model of this spec holds, in its shapes. */
    private static void requireLayout(Map<String, NdArray> weights, ModelSpec spec) {
        List<Tensor> expected = StateDictLayout.of(spec);
        Set<String> extra = new TreeSet<>(weights.keySet());
        for (Tensor t : expected) {
            extra.remove(t.name());
            NdArray a = weights.get(t.name());
            if (a == null) {
                throw new IllegalArgumentException("its modules hold no " + t.name() + ", which an ncps "
                        + spec.cell().ncpsClass() + " of these settings holds");
            }
            if (!Arrays.equals(a.shape(), t.shape())) {
                throw new IllegalArgumentException(t.name() + " has shape " + Arrays.toString(a.shape())
                        + "; the ncps " + spec.cell().ncpsClass() + " it records holds " + Arrays.toString(t.shape()));
            }
        }
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("its modules hold " + extra + ", which an ncps "
                    + spec.cell().ncpsClass() + " of these settings does not");
        }
    }
}
