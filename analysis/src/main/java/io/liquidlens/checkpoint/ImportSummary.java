package io.liquidlens.checkpoint;

import io.liquidlens.model.StateDictLayout;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.Locale;

/** An imported model in one line, as the import prints it and the workbench's form shows it. */
final class ImportSummary {
    private ImportSummary() {
    }

    static String of(ModelSpec spec) {
        if (spec.cell() instanceof BaselineSpec baseline) {
            return baseline(spec, baseline);
        }
        Wiring wiring = StateDictLayout.wiringOf(spec);
        boolean wired = spec.units() instanceof UnitsSpec.Wired;
        String kind = spec.cell() instanceof LtcSpec ? "an LTC" : wired ? "a wired CfC" : "a CfC";
        int units = wiring != null && wired ? wiring.units() : ((UnitsSpec.Dense) spec.units()).units();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s of %d input%s and %d units", kind,
                spec.inputSize(), spec.inputSize() == 1 ? "" : "s", units));
        if (wired && wiring.layerCount() > 1) {
            sb.append(String.format(Locale.ROOT, " (%d inter, %d command, %d motor)", wiring.count(NeuronRole.INTER),
                    wiring.count(NeuronRole.COMMAND), wiring.count(NeuronRole.MOTOR)));
        } else if (wired && spec.cell() instanceof LtcSpec) {
            sb.append(String.format(Locale.ROOT, " (%d motor, not layered like an NCP)",
                    wiring.count(NeuronRole.MOTOR)));
        }
        if (spec.cell() instanceof CfcSpec c) {
            if (c.backboneLayers() > 0) {
                sb.append(String.format(Locale.ROOT, ", backbone %d x %d", c.backboneLayers(), c.backboneUnits()));
            }
            sb.append(", mode ").append(c.mode().ncpsName());
            if (c.projSize() != null) {
                sb.append(", proj_size ").append(c.projSize());
            }
        }
        if (spec.cell().mixedMemory()) {
            sb.append(", mixed memory");
        }
        return sb.toString();
    }

    /** {@code an LSTM baseline of 6 inputs and 2 layers x 16 hidden units, 2 outputs}. */
    private static String baseline(ModelSpec spec, BaselineSpec baseline) {
        int units = ((UnitsSpec.Dense) spec.units()).units();
        int outputs = baseline.readout().outFeatures();
        String layers = baseline.layers() == 1 ? units + (baseline instanceof CtrnnSpec ? " units" : " hidden units")
                : baseline.layers() + " layers x " + units + " hidden units";
        return String.format(Locale.ROOT, "%s of %d input%s and %s, %d output%s", baseline.describe(), spec.inputSize(),
                spec.inputSize() == 1 ? "" : "s", layers, outputs, outputs == 1 ? "" : "s");
    }
}
