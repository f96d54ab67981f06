package io.liquidlens.checkpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The {@code --set KEY=VALUE} texts of an import, read as the types ncps's constructor takes. */
final class SettingValues {
    private SettingValues() {
    }

    /**
     * Refuses a key that is no setting of this kind of import, so a typo does not silently become a default.
     *
     * @param kind  the cell with its article, for the message ({@code an LTC}, {@code a CfC})
     * @param known the kind's settings
     */
    static void requireKnown(Map<String, String> settings, String kind, Iterable<String> known) {
        TreeSet<String> accepted = new TreeSet<>();
        known.forEach(accepted::add);
        for (String key : settings.keySet()) {
            if (!accepted.contains(key)) {
                throw new IllegalArgumentException("--set " + key + ": not a setting of " + kind + " import (known: "
                        + String.join(", ", accepted) + ")");
            }
        }
    }

    /** The given settings over the defaults; each default used is added to {@code assumed} as one line. */
    static Map<String, String> resolve(Map<String, String> defaults, Map<String, String> settings,
                                       List<String> assumed) {
        return resolve(defaults, settings, assumed, "ncps default");
    }

    /**
     * As {@link #resolve(Map, Map, List)}, each assumed line saying whose default it is.
     *
     * @param whose e.g. {@code torch default}
     */
    static Map<String, String> resolve(Map<String, String> defaults, Map<String, String> settings,
                                       List<String> assumed, String whose) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> d : defaults.entrySet()) {
            String given = settings.get(d.getKey());
            if (given == null) {
                assumed.add(d.getKey() + "=" + d.getValue() + " (" + whose + ")");
            }
            values.put(d.getKey(), given == null ? d.getValue() : given);
        }
        return values;
    }

    static boolean bool(Map<String, String> values, String key) {
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

    static double number(Map<String, String> values, String key) {
        try {
            return Double.parseDouble(values.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--set " + key + "=" + values.get(key) + ": give a number", e);
        }
    }
}
