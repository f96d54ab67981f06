package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.io.PickledObject;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A pickled ncps {@code CfC}'s constructor call: the wrapper's attributes, the cell's {@code mode}, and for a dense CfC
 * its backbone as the {@code Sequential} of layers ncps built (width, activation class, dropout); for a wired CfC the
 * pickled wiring.
 */
final class PickledCfc {
    private static final String CFC_CELL = "ncps.torch.cfc_cell.CfCCell";
    private static final String WIRED_CFC_CELL = "ncps.torch.wired_cfc_cell.WiredCfCCell";
    private static final Map<String, Activation> ACTIVATIONS = Map.of(
            "ncps.torch.cfc_cell.LeCun", Activation.LECUN_TANH,
            "torch.nn.modules.activation.SiLU", Activation.SILU,
            "torch.nn.modules.activation.ReLU", Activation.RELU,
            "torch.nn.modules.activation.Tanh", Activation.TANH,
            "torch.nn.modules.activation.GELU", Activation.GELU);

    private PickledCfc() {
    }

    /** The {@code CfC(...)} call a pickled {@code ncps.torch.cfc.CfC} records; a wiring kept as matrices adds a note. */
    static ModelSpec read(PickledObject m, List<String> notes) {
        int inputSize = ModulePickleImport.inputSize(m);
        Integer proj = m.has("proj_size") ? m.integer("proj_size") : null;
        boolean rs = m.bool("return_sequences");
        boolean bf = m.bool("batch_first");
        boolean mixed = m.bool("use_mixed");
        PickledObject cell = m.objects("_modules").get("rnn_cell");
        if (cell == null) {
            throw new IllegalArgumentException("its CfC has no rnn_cell");
        }
        if (cell.className().equals(WIRED_CFC_CELL)) {
            PickledObject w = m.object("wiring");
            PickledWiring.Read wiring = PickledWiring.read(w, inputSize);
            if (wiring.note() != null) {
                notes.add(wiring.note());
            }
            PickledObject first = ModulePickleImport.child(cell, "layer_0", CFC_CELL);
            CfcSpec spec = new CfcSpec(proj, rs, bf, mixed, mode(first), Activation.LECUN_TANH, 0, 0, 0.0);
            return new ModelSpec(inputSize, new UnitsSpec.Wired(wiring.spec()), spec);
        }
        if (!cell.className().equals(CFC_CELL)) {
            throw new IllegalArgumentException("its CfC's rnn_cell is a " + cell.className() + ", not an ncps CfCCell");
        }
        int units = cell.integer("hidden_size");
        if (units < 1 || units > Limits.UNITS) {
            throw new IllegalArgumentException("its CfCCell has " + units + " units; LiquidLens reads 1 to "
                    + Limits.UNITS);
        }
        int layers = cell.integer("backbone_layers");
        if (layers < 0 || layers > Limits.BACKBONE_LAYERS) {
            throw new IllegalArgumentException("its CfCCell has backbone_layers " + layers + "; LiquidLens reads 0 to "
                    + Limits.BACKBONE_LAYERS);
        }
        Backbone backbone = layers == 0 ? new Backbone(0, Activation.LECUN_TANH, 0.0) : backbone(cell);
        CfcSpec spec = new CfcSpec(proj, rs, bf, mixed, mode(cell), backbone.activation(), backbone.units(), layers,
                backbone.dropout());
        return new ModelSpec(inputSize, new UnitsSpec.Dense(units), spec);
    }

    private record Backbone(int units, Activation activation, double dropout) {
    }

    /** The backbone's width, activation and dropout, read from its layers: Linear, activation[, Dropout], .... */
    private static Backbone backbone(PickledObject cell) {
        PickledObject sequential = ModulePickleImport.child(cell, "backbone", "torch.nn.modules.container.Sequential");
        List<PickledObject> parts = new ArrayList<>(sequential.objects("_modules").values());
        if (parts.size() < 2 || !parts.get(0).className().equals("torch.nn.modules.linear.Linear")) {
            throw new IllegalArgumentException("its CfC backbone does not start with a Linear and an activation");
        }
        PickledObject act = parts.get(1);
        Activation activation = ACTIVATIONS.get(act.className());
        if (activation == null || (activation == Activation.GELU && act.has("approximate")
                && !act.text("approximate").equals("none"))) {
            throw new IllegalArgumentException("its CfC backbone uses " + act.className()
                    + ", which is no ncps backbone activation (lecun_tanh, silu, relu, tanh, gelu)");
        }
        double dropout = 0.0;
        for (PickledObject p : parts) {
            if (p.className().equals("torch.nn.modules.dropout.Dropout")) {
                dropout = p.number("p");
            }
        }
        int width = parts.get(0).integer("out_features");
        if (width < 1 || width > Limits.BACKBONE_UNITS) {
            throw new IllegalArgumentException("its CfC backbone is " + width + " wide; LiquidLens reads 1 to "
                    + Limits.BACKBONE_UNITS);
        }
        return new Backbone(width, activation, dropout);
    }

    private static CfcMode mode(PickledObject cell) {
        try {
            return CfcMode.fromNcps(cell.text("mode"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its " + cell.simpleName() + ": " + e.getMessage(), e);
        }
    }
}
