package io.liquidlens.io;

import java.util.List;
import java.util.Locale;

/**
 * What a vector input means for an audit: part of the task, a distractor the model should ignore, or neither.
 * A model.json may declare them; inputs without a declared role fall back to the sample world's naming.
 */
public enum InputRole {
    TASK, DISTRACTOR, OTHER;

    /** The sample world's task inputs, as its vector sensor names them. */
    private static final List<String> TASK_NAMES = List.of("d", "mu", "kappa");

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

    /** The accepted role words, for messages. */
    public static String accepted() {
        return "task, distractor, other";
    }

    /**
     * The role the sample world's naming gives {@code name}: {@code d}, {@code mu}, {@code kappa} are task,
     * {@code noise_*} and {@code spurious_*} distractors, anything else other.
     */
    public static InputRole byConvention(String name) {
        if (TASK_NAMES.contains(name)) {
            return TASK;
        }
        return name.startsWith("noise_") || name.startsWith("spurious_") ? DISTRACTOR : OTHER;
    }
}
