package io.liquidlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.Limits;
import io.liquidlens.wiring.WiringSpec;

/**
 * The {@code "ncps"} object of {@code model.json}: the ncps constructor call as JSON (FORMATS.md).
 * {@code class} is {@code LTC} or {@code CfC}; every other key is a keyword argument with ncps's own
 * name, and ncps's default applies when it is absent or null. A baseline's classes ({@code LSTM}, {@code GRU},
 * {@code RNN}, {@code CTRNN}) are read by {@link BaselineConfig}.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message names the key; the caller adds the file
 * name and turns them into a {@code LiquidLensException}.
 */
public final class NcpsConfig {

    private NcpsConfig() {
    }

    /** Parses an ncps call whose {@code units} is an int or a wiring object. */
    public static ModelSpec parse(JsonNode ncps) {
        return parse(ncps, null);
    }

    /**
     * Parses an ncps call; when {@code wiring} is not null it is used as the units and the
     * {@code units} key is read but not interpreted (the reference fixtures write {@code "units":
     * "wiring"} and keep the wiring beside the call).
     */
    public static ModelSpec parse(JsonNode ncps, WiringSpec wiring) {
        JsonArgs a = new JsonArgs(ncps, "ncps");
        String cls = a.requireString("class");
        int inputSize = a.requireInt("input_size", 1, Limits.INPUT_SIZE);
        if (BaselineConfig.isBaseline(cls)) {
            if (wiring != null) {
                throw new IllegalArgumentException("ncps: " + cls + " takes no wiring");
            }
            ModelSpec spec = BaselineConfig.parse(a, cls, inputSize);
            a.rejectUnknown();
            return spec;
        }
        UnitsSpec units = wiring != null ? unitsIgnoringKey(a, wiring) : units(a);
        CellSpec cell = switch (cls) {
            case "LTC" -> ltc(a);
            case "CfC" -> cfc(a, units instanceof UnitsSpec.Wired);
            default -> throw new IllegalArgumentException("ncps: unknown class '" + cls + "' (expected LTC or CfC, or a"
                    + " baseline: LSTM, GRU, RNN or CTRNN)");
        };
        a.rejectUnknown();
        return new ModelSpec(inputSize, units, cell);
    }

    private static UnitsSpec unitsIgnoringKey(JsonArgs a, WiringSpec wiring) {
        a.raw("units");
        return new UnitsSpec.Wired(wiring);
    }

    private static UnitsSpec units(JsonArgs a) {
        JsonNode u = a.raw("units");
        if (u == null || u.isNull()) {
            throw new IllegalArgumentException("ncps: 'units' is required");
        }
        if (u.isObject()) {
            return new UnitsSpec.Wired(WiringJson.parse(u));
        }
        return new UnitsSpec.Dense(a.requireInt("units", 1, Limits.UNITS));
    }

    private static LtcSpec ltc(JsonArgs a) {
        LtcSpec d = LtcSpec.defaults();
        return new LtcSpec(a.bool("return_sequences", d.returnSequences()), a.bool("batch_first", d.batchFirst()),
                a.bool("mixed_memory", d.mixedMemory()), mapping(a, "input_mapping", d.inputMapping()),
                mapping(a, "output_mapping", d.outputMapping()),
                a.integer("ode_unfolds", 1, Limits.ODE_UNFOLDS, d.odeUnfolds()),
                a.number("epsilon", d.epsilon()),
                a.bool("implicit_param_constraints", d.implicitParamConstraints()));
    }

    private static Mapping mapping(JsonArgs a, String key, Mapping fallback) {
        JsonNode v = a.raw(key);
        if (v == null) {
            return fallback;
        }
        if (v.isNull()) {
            return Mapping.NONE; // Python None: no parameters, identity
        }
        String s = a.requireString(key);
        return switch (s) {
            case "affine" -> Mapping.AFFINE;
            case "linear" -> Mapping.LINEAR;
            default -> throw new IllegalArgumentException("ncps: '" + key + "' must be \"affine\", \"linear\" or null, got '"
                    + s + "'");
        };
    }

    private static CfcSpec cfc(JsonArgs a, boolean wired) {
        Integer proj = a.optionalInt("proj_size", 1, Limits.UNITS);
        boolean returnSequences = a.bool("return_sequences", true);
        boolean batchFirst = a.bool("batch_first", true);
        boolean mixed = a.bool("mixed_memory", false);
        CfcMode mode = a.has("mode") ? enumValue(() -> CfcMode.fromNcps(a.requireString("mode")), "mode")
                : CfcMode.DEFAULT;
        Activation act = a.has("activation")
                ? enumValue(() -> Activation.fromNcps(a.requireString("activation")), "activation")
                : Activation.LECUN_TANH;
        if (wired) {
            for (String k : new String[] {"backbone_units", "backbone_layers", "backbone_dropout"}) {
                if (a.has(k)) {
                    throw new IllegalArgumentException("ncps: '" + k + "' cannot be used with a wiring"
                            + " (ncps raises ValueError)");
                }
            }
            return new CfcSpec(proj, returnSequences, batchFirst, mixed, mode, act, 0, 0, 0.0);
        }
        int units = a.integer("backbone_units", 0, Limits.BACKBONE_UNITS, CfcSpec.DEFAULT_BACKBONE_UNITS);
        int layers = a.integer("backbone_layers", 0, Limits.BACKBONE_LAYERS, CfcSpec.DEFAULT_BACKBONE_LAYERS);
        double dropout = a.number("backbone_dropout", 0.0);
        try {
            return new CfcSpec(proj, returnSequences, batchFirst, mixed, mode, act, units, layers, dropout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ncps: " + e.getMessage(), e);
        }
    }

    private static <T> T enumValue(java.util.function.Supplier<T> parse, String key) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ncps: '" + key + "': " + e.getMessage(), e);
        }
    }

    /** The ncps object for {@code spec}, every keyword explicit; {@link #parse} reads it back to an equal spec. */
    public static ObjectNode toJson(ModelSpec spec) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("class", spec.cell().ncpsClass());
        o.put("input_size", spec.inputSize());
        if (spec.cell() instanceof BaselineSpec baseline) {
            BaselineConfig.write(o, spec, baseline);
            return o;
        }
        if (spec.units() instanceof UnitsSpec.Dense d) {
            o.put("units", d.units());
        } else if (spec.units() instanceof UnitsSpec.Wired w) {
            o.set("units", WiringJson.toJson(w.wiring()));
        }
        CellSpec c = spec.cell();
        o.put("return_sequences", c.returnSequences());
        o.put("batch_first", c.batchFirst());
        o.put("mixed_memory", c.mixedMemory());
        if (c instanceof LtcSpec l) {
            o.put("input_mapping", l.inputMapping().ncpsName());
            o.put("output_mapping", l.outputMapping().ncpsName());
            o.put("ode_unfolds", l.odeUnfolds());
            o.put("epsilon", l.epsilon());
            o.put("implicit_param_constraints", l.implicitParamConstraints());
        } else if (c instanceof CfcSpec f) {
            if (f.projSize() == null) {
                o.putNull("proj_size");
            } else {
                o.put("proj_size", f.projSize());
            }
            o.put("mode", f.mode().ncpsName());
            o.put("activation", f.activation().ncpsName());
            if (spec.units() instanceof UnitsSpec.Dense) {
                o.put("backbone_units", f.backboneUnits());
                o.put("backbone_layers", f.backboneLayers());
                o.put("backbone_dropout", f.backboneDropout());
            }
        }
        return o;
    }
}
