package io.liquidlens.causal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of saliency methods: every method the report, the {@code report} command and the workbench's
 * Saliency panel can use, by the one name each goes by, with the models it applies to. Its options and their
 * defaults are {@link SaliencySpec}'s, and {@link SaliencySpec#create} builds it, so a name means the same
 * numbers wherever it is chosen.
 */
public enum SaliencyChoice {
    /** VisualBackProp on the conv head (camera models only); the NCP paper's method. */
    VBP("vbp", "VisualBackProp", true),
    /** |d y / d x_t|. */
    GRADIENT("gradient", "input gradient", false),
    /** |x_t * d y / d x_t|. */
    GRADIENT_X_INPUT("gradxinput", "gradient x input", false),
    /** Integrated gradients from a baseline input along a straight path. */
    INTEGRATED_GRADIENTS("ig", "integrated gradients", false),
    /** The input gradient averaged over seeded noisy copies of the input. */
    SMOOTHGRAD("smoothgrad", "SmoothGrad", false),
    /** How far the output moves when a patch of the input is covered. */
    OCCLUSION("occlusion", "occlusion", false);

    private final String cliName;
    private final String label;
    private final boolean cameraOnly;

    SaliencyChoice(String cliName, String label, boolean cameraOnly) {
        this.cliName = cliName;
        this.label = label;
        this.cameraOnly = cameraOnly;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
    }

    /** The name in words, for pickers and captions. */
    public String label() {
        return label;
    }

    /** True when only models with a conv head can use it. */
    public boolean cameraOnly() {
        return cameraOnly;
    }

    /** The methods that apply to a camera model ({@code image}) or a vector model, in registry order. */
    public static List<SaliencyChoice> forModel(boolean image) {
        return Arrays.stream(values()).filter(c -> image || !c.cameraOnly).toList();
    }

    /**
     * The choice called {@code name}.
     *
     * @throws IllegalArgumentException listing the accepted names
     */
    public static SaliencyChoice named(String name) {
        for (SaliencyChoice c : values()) {
            if (c.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("method '" + name + "' is unknown; accepted: "
                + Arrays.stream(values()).map(SaliencyChoice::cliName).collect(Collectors.joining(", ")));
    }
}
