package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LTC options a state dict does not record ({@code --set KEY=VALUE} of an import), with ncps's {@code LTC}
 * defaults for those not given.
 */
final class LtcImportSettings {
    /** The settings a state dict cannot tell, with ncps's {@code LTC} defaults as text, in ncps's order. */
    static final Map<String, String> DEFAULTS = defaults();
    /** The number of motor neurons, recorded by no tensor when the model has no output mapping. */
    static final String OUTPUT_SIZE = "output_size";

    private LtcImportSettings() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("ode_unfolds", "6");
        d.put("epsilon", "1e-08");
        d.put("implicit_param_constraints", "true");
        d.put("return_sequences", "true");
        d.put("batch_first", "true");
        return Collections.unmodifiableMap(d);
    }

    /** Refuses a key that is no setting of an LTC import, so a typo does not silently become a default. */
    static void requireKnown(Map<String, String> settings) {
        List<String> known = new ArrayList<>(DEFAULTS.keySet());
        known.add(OUTPUT_SIZE);
        SettingValues.requireKnown(settings, "an LTC", known);
    }

    /**
     * The cell's options: given settings first, ncps's defaults for the rest, each default added to
     * {@code assumed} as one line.
     */
    static LtcSpec cell(Map<String, String> settings, boolean mixedMemory, Mapping inputMapping,
                        Mapping outputMapping, List<String> assumed) {
        Map<String, String> values = SettingValues.resolve(DEFAULTS, settings, assumed);
        int unfolds = SettingValues.integer(values, "ode_unfolds");
        if (unfolds > Limits.ODE_UNFOLDS) {
            // the model folder would be written and then refused by every command that loads it
            throw new IllegalArgumentException("--set: ode_unfolds must be at most " + Limits.ODE_UNFOLDS + ", got "
                    + unfolds);
        }
        double epsilon = SettingValues.number(values, "epsilon");
        try {
            return new LtcSpec(SettingValues.bool(values, "return_sequences"), SettingValues.bool(values, "batch_first"), mixedMemory,
                    inputMapping, outputMapping, unfolds, epsilon, SettingValues.bool(values, "implicit_param_constraints"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--set: " + e.getMessage(), e);
        }
    }
}
