package io.liquidlens.grad;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout;
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
 * {@link WiredCfcCellGrad} for a wiring, laid out as {@link StateDictLayout#cfcLayouts} says. The mixed-memory
 * LSTM and the projection are not part of the cell.
 */
public final class CfcGrads {
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
        List<CfcLayout> layouts = StateDictLayout.cfcLayouts(spec, wiring);
        if (spec.units() instanceof UnitsSpec.Dense) {
            return CfcCellGrad.of(layouts.get(0), params);
        }
        return WiredCfcCellGrad.of(layouts, params);
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
        for (CfcLayout layout : StateDictLayout.cfcLayouts(spec, wiring)) {
            CfcCellGrad.addTensors(layout, stateDict, builder);
            layout.tensors().forEach(t -> used.add(t.name()));
        }
        Set<String> extra = new TreeSet<>();
        for (String key : stateDict.keySet()) {
            if (key.startsWith(StateDictLayout.CELL_PREFIX) && !used.contains(key)) {
                extra.add(key);
            }
        }
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("unexpected tensor" + (extra.size() > 1 ? "s " : " ")
                    + String.join(", ", extra) + " (not part of this CfC cell)");
        }
    }
}
