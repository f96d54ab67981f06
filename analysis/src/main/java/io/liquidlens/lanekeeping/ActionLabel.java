package io.liquidlens.lanekeeping;

import io.liquidlens.BadOptionException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a recorded rollout's {@code actions} column holds ({@code record --actions}). The car always
 * executes the driver's action; only the label changes.
 */
public enum ActionLabel {
    /** The driver's own decision (the expert's, or the model's output), before DART noise and the clamp. */
    DRIVER("driver"),
    /**
     * The expert's action at the state the driver reached, whoever drives: with a model at the wheel this
     * is DAgger's aggregation label. The model's output itself is then not stored (its states still are).
     */
    EXPERT("expert");

    private final String cliName;

    ActionLabel(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code --actions} takes and provenance records. */
    public String cliName() {
        return cliName;
    }

    /**
     * The label called {@code name} (case-insensitive).
     *
     * @throws BadOptionException for any other name, listing the accepted ones
     */
    public static ActionLabel parse(String name) {
        for (ActionLabel a : values()) {
            if (a.cliName.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new BadOptionException("--actions '" + name + "': accepted: " + accepted());
    }

    private static String accepted() {
        return Arrays.stream(values()).map(ActionLabel::cliName).collect(Collectors.joining(", "));
    }
}
