package io.liquidlens.spec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.Limits;

/**
 * The {@code "ncps"} object of a baseline's {@code model.json}: a torch {@code LSTM}, {@code GRU} or {@code RNN}
 * constructor call under torch's keyword names and defaults, or LiquidLens's own {@code CTRNN}, each with its
 * {@code readout} (docs/FORMATS.md#baselines). What torch computes but LiquidLens does not (both directions, a
 * projected LSTM) is refused naming the key.
 */
final class BaselineConfig {
    private static final String READOUT = "readout";

    private BaselineConfig() {
    }

    /** True for the class names of baselines. */
    static boolean isBaseline(String cls) {
        return switch (cls) {
            case "LSTM", "GRU", "RNN", "CTRNN" -> true;
            default -> false;
        };
    }

    /** The model of a baseline's object, whose {@code class} and {@code input_size} are read already. */
    static ModelSpec parse(JsonArgs a, String cls, int inputSize) {
        if (cls.equals("CTRNN")) {
            int units = a.requireInt("units", 1, Limits.UNITS);
            int unfolds = a.integer("ode_unfolds", 1, Limits.ODE_UNFOLDS, CtrnnSpec.DEFAULT_UNFOLDS);
            boolean batchFirst = a.bool("batch_first", true);
            return spec(inputSize, units, new CtrnnSpec(unfolds, batchFirst, readout(a, units)));
        }
        int hidden = a.requireInt("hidden_size", 1, Limits.UNITS);
        TorchRnnKind kind;
        try {
            kind = TorchRnnKind.of(cls, a.has("nonlinearity") ? a.requireString("nonlinearity") : null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ncps: " + e.getMessage(), e);
        }
        if (a.bool("bidirectional", false)) {
            throw new IllegalArgumentException("ncps: 'bidirectional' true: LiquidLens runs baselines in one direction"
                    + " only (a step's output must not depend on later inputs)");
        }
        if (a.integer("proj_size", 0, Limits.UNITS, 0) != 0) {
            throw new IllegalArgumentException("ncps: 'proj_size' must be 0: an LSTM with projections is not"
                    + " supported");
        }
        int layers = a.integer("num_layers", 1, Limits.RNN_LAYERS, 1);
        boolean bias = a.bool("bias", true);
        boolean batchFirst = a.bool("batch_first", false);
        double dropout = a.number("dropout", 0.0);
        ReadoutSpec readout = readout(a, hidden);
        TorchRnnSpec cell;
        try {
            cell = new TorchRnnSpec(kind, layers, bias, batchFirst, dropout, readout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ncps: " + e.getMessage(), e);
        }
        return spec(inputSize, hidden, cell);
    }

    private static ModelSpec spec(int inputSize, int units, BaselineSpec cell) {
        try {
            return new ModelSpec(inputSize, new UnitsSpec.Dense(units), cell);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ncps: " + e.getMessage(), e);
        }
    }

    /** The readout, whose {@code in_features} (optional) must be the {@code units} hidden units it reads. */
    private static ReadoutSpec readout(JsonArgs a, int units) {
        if (!a.has(READOUT)) {
            throw new IllegalArgumentException("ncps: '" + READOUT + "' is required: the Linear layer on every step,"
                    + " e.g. {\"class\": \"Linear\", \"out_features\": 1, \"bias\": true}");
        }
        JsonArgs r = new JsonArgs(a.raw(READOUT), "ncps.readout");
        String cls = r.string("class", "Linear");
        if (!cls.equals("Linear")) {
            throw new IllegalArgumentException("ncps.readout: 'class' must be \"Linear\", got '" + cls + "'");
        }
        int in = r.integer("in_features", 1, Limits.UNITS, units);
        if (in != units) {
            throw new IllegalArgumentException("ncps.readout: 'in_features' " + in + " must be the " + units
                    + " hidden units it reads");
        }
        ReadoutSpec spec = new ReadoutSpec(r.requireInt("out_features", 1, Limits.UNITS), r.bool("bias", true));
        r.rejectUnknown();
        return spec;
    }

    /** The baseline's object, every keyword explicit; {@link #parse} reads it back to an equal spec. */
    static void write(ObjectNode o, ModelSpec spec, BaselineSpec cell) {
        int units = ((UnitsSpec.Dense) spec.units()).units();
        if (cell instanceof TorchRnnSpec t) {
            o.put("hidden_size", units);
            o.put("num_layers", t.numLayers());
            if (t.kind().nonlinearity() != null) {
                o.put("nonlinearity", t.kind().nonlinearity());
            }
            o.put("bias", t.bias());
            o.put("batch_first", t.batchFirst());
            o.put("dropout", t.dropout());
            o.put("bidirectional", false);
            if (t.kind() == TorchRnnKind.LSTM) {
                o.put("proj_size", 0);
            }
        } else if (cell instanceof CtrnnSpec c) {
            o.put("units", units);
            o.put("ode_unfolds", c.odeUnfolds());
            o.put("batch_first", c.batchFirst());
        }
        ObjectNode r = o.putObject(READOUT);
        r.put("class", "Linear");
        r.put("in_features", units);
        r.put("out_features", cell.readout().outFeatures());
        r.put("bias", cell.readout().bias());
    }
}
