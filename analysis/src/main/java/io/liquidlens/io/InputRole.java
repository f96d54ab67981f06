package io.liquidlens.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a vector input means for an audit: part of the task, a distractor the model should ignore, or neither.
 * A model.json may declare them; inputs without a declared role fall back to the sample world's naming.
 */
public enum InputRole {
    TASK, DISTRACTOR, OTHER;

    /** More roles than any model has inputs is a typo, not a model: the list is refused before anything is held. */
    public static final int MAX_LIST_ITEMS = 4096;

    /**
     * The sample world's task inputs, as its vector sensor names them; {@code d} is the lane offset's earlier name,
     * which models trained before the rename still use and which keeps its role.
     */
    private static final List<String> TASK_NAMES = List.of("d_lane", "mu", "kappa", "d");

    /** The role as model.json and {@code --input-roles} write it. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code text} ({@code task}, {@code distractor} or {@code other}), or null for any other word. */
    public static InputRole parse(String text) {
        for (InputRole r : values()) {
            if (r.text().equals(text)) {
                return r;
            }
        }
        return null;
    }

    /**
     * The roles of a list {@code NAME=ROLE,...} (as {@code --input-roles} and the workbench's import form take it),
     * in the order given; empty for null or blank. Whether each NAME is an input is for the caller to check.
     *
     * @throws IllegalArgumentException naming the item and what is accepted
     */
    public static Map<String, InputRole> parseList(String text) {
        Map<String, InputRole> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        String[] items = text.split(",", -1);
        if (items.length > MAX_LIST_ITEMS) {
            throw new IllegalArgumentException(items.length + " items; at most " + MAX_LIST_ITEMS);
        }
        for (String raw : items) {
            String item = raw.trim();
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + item + "' is not NAME=ROLE (ROLE one of " + accepted() + ")");
            }
            String word = item.substring(eq + 1).trim();
            InputRole role = parse(word);
            if (role == null) {
                throw new IllegalArgumentException("'" + item + "': '" + word + "' is not a role; accepted: "
                        + accepted());
            }
            if (out.put(name, role) != null) {
                throw new IllegalArgumentException("'" + name + "' is given twice");
            }
        }
        return out;
    }

    /** The accepted role words, for messages. */
    public static String accepted() {
        return "task, distractor, other";
    }

    /**
     * The role the sample world's naming gives {@code name}: {@code d_lane} (or its earlier name {@code d}),
     * {@code mu}, {@code kappa} are task,
     * {@code noise_*} and {@code spurious_*} distractors, anything else other.
     */
    public static InputRole byConvention(String name) {
        if (TASK_NAMES.contains(name)) {
            return TASK;
        }
        return name.startsWith("noise_") || name.startsWith("spurious_") ? DISTRACTOR : OTHER;
    }
}
