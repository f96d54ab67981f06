package io.liquidlens.grad;

import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.Wiring;
import java.util.List;

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
}
