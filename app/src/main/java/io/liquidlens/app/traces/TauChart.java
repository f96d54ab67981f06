package io.liquidlens.app.traces;

import io.liquidlens.model.LoadedModel;
import io.liquidlens.spec.CellSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;

/**
 * What the middle chart shows for a model: a liquid cell's time constants, which change with the input; a CT-RNN's,
 * one constant per unit; or nothing, for torch layers, which have none (their tau is NaN,
 * docs/BASELINES.md#torch-layers), and then a one-line note says so in the chart's place instead of an empty plot.
 *
 * @param title  the chart's title
 * @param absent the note shown instead of the chart, or null when the chart is drawn
 */
public record TauChart(String title, String absent) {
    /** A liquid cell's chart (also what shows before a model is open). */
    public static final TauChart LIQUID = new TauChart("Liquid time constant", null);
    /** A CT-RNN's: its tau is a constant per unit. */
    public static final TauChart CONSTANT = new TauChart("Time constant", null);

    /** The chart for {@code model} (null: no model yet). */
    public static TauChart of(LoadedModel model) {
        return model == null ? LIQUID : of(model.network().spec().cell());
    }

    /** The chart for a model whose cell is {@code cell}. */
    public static TauChart of(CellSpec cell) {
        if (cell instanceof CtrnnSpec) {
            return CONSTANT;
        }
        if (cell instanceof TorchRnnSpec torch) {
            TorchRnnKind kind = torch.kind();
            String article = kind == TorchRnnKind.GRU ? "a " : "an ";
            return new TauChart(LIQUID.title, "no time constants: " + article + kind.torchClass()
                    + "'s layers have none");
        }
        return LIQUID;
    }

    /** True when the chart is drawn (the model has time constants). */
    public boolean drawn() {
        return absent == null;
    }
}
