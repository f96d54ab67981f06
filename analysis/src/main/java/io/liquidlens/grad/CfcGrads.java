package io.liquidlens.grad;

import io.liquidlens.io.NdArray;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.Wiring;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reverse-mode CfC cell of a whole ncps {@code CfC} model: a dense {@link CfcCellGrad} for int units, a
 * {@link WiredCfcCellGrad} for a wiring, both under the {@code rnn_cell.} prefix. The mixed-memory LSTM
 * ({@code lstm.*}) and the projection ({@code fc.*}) are not part of the cell.
 */
public final class CfcGrads {
    /** State-dict prefix of the cell inside ncps's {@code CfC} module. */
    public static final String PREFIX = "rnn_cell.";

    private CfcGrads() {
    }

    /**
     * The cell of {@code spec}, reading its tensors from {@code params}.
     *
     * @param wiring the built wiring for a wired CfC (its layers give the cell's layers); ignored (may be null)
     *               for int units, like {@code LiquidModel}
     * @throws IllegalArgumentException when the spec is not a CfC, a wired spec comes without wiring, or a
     *                                  tensor is missing or has another shape
     */
    public static CellGrad forModel(ModelSpec spec, Wiring wiring, ParamSet params) {
        CfcSpec cfc = cfcSpec(spec);
        if (spec.units() instanceof UnitsSpec.Dense d) {
            return CfcCellGrad.of(denseLayout(spec.inputSize(), d.units(), cfc), params);
        }
        return WiredCfcCellGrad.of(PREFIX, spec.inputSize(), requireWiring(wiring), cfc.mode(), params);
    }

    /**
     * Adds every {@code rnn_cell.*} tensor of {@code spec} from an ncps state dict to {@code builder}, in ncps's
     * state-dict order (masks non-trainable). Other keys ({@code lstm.*}, {@code fc.*}) are left for the caller.
     *
     * @throws IllegalArgumentException naming the tensor when one is missing, has another shape or holds a
     *                                  non-finite value, or when the state dict has {@code rnn_cell.*} tensors
     *                                  this cell does not use
     */
    public static void addTensors(ModelSpec spec, Wiring wiring, Map<String, NdArray> stateDict,
                                  ParamSet.Builder builder) {
        Set<String> used = new HashSet<>();
        for (CfcLayout layout : layouts(spec, wiring)) {
            CfcCellGrad.addTensors(layout, stateDict, builder);
            layout.tensors().forEach(t -> used.add(t.name()));
        }
        Set<String> extra = new TreeSet<>();
        for (String key : stateDict.keySet()) {
            if (key.startsWith(PREFIX) && !used.contains(key)) {
                extra.add(key);
            }
        }
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("unexpected tensor" + (extra.size() > 1 ? "s " : " ")
                    + String.join(", ", extra) + " (not part of this CfC cell)");
        }
    }

    /**
     * The layouts of the cell's parts, in state-dict order: one for a dense CfC, one per wiring layer for a
     * wired one. Their {@link CfcLayout#tensors()} are every {@code rnn_cell.*} tensor of the model, e.g. for
     * laying out a ParamSet of a model that has no weights yet.
     */
    public static List<CfcLayout> layouts(ModelSpec spec, Wiring wiring) {
        CfcSpec cfc = cfcSpec(spec);
        if (spec.units() instanceof UnitsSpec.Dense d) {
            return List.of(denseLayout(spec.inputSize(), d.units(), cfc));
        }
        return WiredCfcCellGrad.layouts(PREFIX, spec.inputSize(), requireWiring(wiring), cfc.mode());
    }

    /** The layout of a dense CfC's cell. */
    public static CfcLayout denseLayout(int inputSize, int units, CfcSpec cfc) {
        return CfcLayout.dense(PREFIX, inputSize, units, cfc.mode(), cfc.activation(), cfc.backboneUnits(),
                cfc.backboneLayers(), cfc.backboneDropout());
    }

    private static CfcSpec cfcSpec(ModelSpec spec) {
        if (!(spec.cell() instanceof CfcSpec cfc)) {
            throw new IllegalArgumentException("not a CfC model: " + spec.cell().ncpsClass());
        }
        return cfc;
    }

    private static Wiring requireWiring(Wiring wiring) {
        if (wiring == null) {
            throw new IllegalArgumentException("a wired CfC needs its wiring");
        }
        return wiring;
    }
}
