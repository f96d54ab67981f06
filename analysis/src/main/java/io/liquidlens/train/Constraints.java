package io.liquidlens.train;

import io.liquidlens.grad.Param;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.model.StateDictLayout.Ltc;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What must hold for a model's parameters after every update. */
public final class Constraints {
    private Constraints() {
    }

    /**
     * For an LTC trained with {@code implicit_param_constraints=false}, ncps's
     * {@code apply_weight_constraints()}: w, sensory_w, cm and gleak clipped at zero (ncps leaves the call to
     * the user; we make it after every update). With implicit constraints (softplus) and for CfC: nothing.
     */
    public static Consumer<double[]> forModel(ModelSpec spec, ParamSet params) {
        if (!(spec.cell() instanceof LtcSpec ltc) || ltc.implicitParamConstraints()) {
            return values -> { };
        }
        List<Param> clipped = new ArrayList<>();
        for (Ltc t : Ltc.values()) {
            if (t.positive()) {
                clipped.add(params.param(t.key()));
            }
        }
        return values -> {
            for (Param p : clipped) {
                for (int i = p.offset(); i < p.offset() + p.size(); i++) {
                    if (values[i] < 0) {
                        values[i] = 0;
                    }
                }
            }
        };
    }
}
