package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
        for (String key : settings.keySet()) {
            if (!DEFAULTS.containsKey(key) && !key.equals(OUTPUT_SIZE)) {
                throw new IllegalArgumentException("--set " + key + ": not a setting of an LTC import (known: "
                        + String.join(", ", new TreeSet<>(DEFAULTS.keySet())) + ", " + OUTPUT_SIZE + ")");
            }
        }
    }

    /**
     * The cell's options: given settings first, ncps's defaults for the rest, each default added to
     * {@code assumed} as one line.
     */
    static LtcSpec cell(Map<String, String> settings, boolean mixedMemory, Mapping inputMapping,
                        Mapping outputMapping, List<String> assumed) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : DEFAULTS.entrySet()) {
            String given = settings.get(d.getKey());
            if (given == null) {
                assumed.add(d.getKey() + "=" + d.getValue() + " (ncps default)");
            }
            values.put(d.getKey(), given == null ? d.getValue() : given);
        }
        int unfolds = integer(values, "ode_unfolds");
        if (unfolds > Limits.ODE_UNFOLDS) {
            // the model folder would be written and then refused by every command that loads it
            throw new IllegalArgumentException("--set: ode_unfolds must be at most " + Limits.ODE_UNFOLDS + ", got "
                    + unfolds);
        }
        double epsilon = number(values, "epsilon");
        try {
            return new LtcSpec(bool(values, "return_sequences"), bool(values, "batch_first"), mixedMemory,
                    inputMapping, outputMapping, unfolds, epsilon, bool(values, "implicit_param_constraints"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--set: " + e.getMessage(), e);
        }
    }

    private static boolean bool(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("--set " + key + "=" + v + ": give true or false");
    }

    static int integer(Map<String, String> values, String key) {
        try {
            return Integer.parseInt(values.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set " + key + "=" + values.get(key) + ": give a whole number", e);
        }
    }

    private static double number(Map<String, String> values, String key) {
        try {
            return Double.parseDouble(values.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set " + key + "=" + values.get(key) + ": give a number", e);
        }
    }
}
