package io.liquidlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.Limits;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Typed access to the keyword arguments of one JSON object, remembering which keys were read so that
 * anything left over can be reported as an unknown keyword (ncps raises TypeError for those).
 */
final class JsonArgs {
    private final JsonNode node;
    private final String where;
    private final Set<String> used = new HashSet<>();

    JsonArgs(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        this.node = node;
        this.where = where;
    }

    boolean has(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    JsonNode raw(String key) {
        used.add(key);
        return node.get(key);
    }

    String requireString(String key) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": '" + key + "' is required");
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a string, got " + v);
        }
        return v.asText();
    }

    String string(String key, String fallback) {
        return has(key) ? requireString(key) : fallback;
    }

    long requireLong(String key, long min, long max) {
        JsonNode v = raw(key);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(where + ": '" + key + "' is required");
        }
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be an integer, got " + v);
        }
        if (!v.canConvertToLong()) {
            // beyond a long is beyond any limit; say so with the number as written
            throw new IllegalArgumentException(where + ": '" + key + "' " + v + " is over the limit of " + max);
        }
        long x = v.asLong();
        if (x < min) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be in " + min + ".." + max + ", got " + x);
        }
        if (x > max) {
            throw new IllegalArgumentException(Limits.overLimit(where + ": '" + key + "'", x, max));
        }
        return x;
    }

    /** An int in [min, max]; {@code max} is one of {@link Limits} for sizes, so a typo cannot allocate. */
    int requireInt(String key, int min, int max) {
        return (int) requireLong(key, min, max);
    }

    int integer(String key, int min, int max, int fallback) {
        return has(key) ? requireInt(key, min, max) : fallback;
    }

    Integer optionalInt(String key, int min, int max) {
        return has(key) ? requireInt(key, min, max) : null;
    }

    long longValue(String key, long min, long max, long fallback) {
        return has(key) ? requireLong(key, min, max) : fallback;
    }

    double number(String key, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = raw(key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a number, got " + v);
        }
        return v.asDouble();
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = raw(key);
        if (!v.isBoolean()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    int[][] matrix(String key, int cols) {
        JsonNode v = raw(key);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException(where + ": '" + key + "' must be a list of rows");
        }
        int[][] out = new int[v.size()][];
        for (int i = 0; i < out.length; i++) {
            JsonNode row = v.get(i);
            if (!row.isArray() || row.size() != cols) {
                throw new IllegalArgumentException(where + ": '" + key + "' row " + i + " must have " + cols + " entries");
            }
            out[i] = new int[cols];
            for (int j = 0; j < cols; j++) {
                JsonNode e = row.get(j);
                if (!e.isIntegralNumber() || e.asInt() < -1 || e.asInt() > 1) {
                    throw new IllegalArgumentException(where + ": '" + key + "'[" + i + "][" + j
                            + "] must be -1, 0 or 1, got " + e);
                }
                out[i][j] = e.asInt();
            }
        }
        return out;
    }

    /** Throws naming the first key that was never read. */
    void rejectUnknown() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!used.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown keyword '" + k + "'");
            }
        }
    }
}
