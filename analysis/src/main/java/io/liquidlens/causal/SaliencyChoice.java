package io.liquidlens.causal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The saliency methods a report can use, by the names the command line gives them, with default options. */
public enum SaliencyChoice {
    /** VisualBackProp on the conv head (camera models only); the NCP paper's method. */
    VBP("vbp"),
    /** |d y / d x_t|. */
    GRADIENT("gradient"),
    /** |x_t * d y / d x_t|. */
    GRADIENT_X_INPUT("gradxinput"),
    /** Integrated gradients from a zero input, 32 midpoints. */
    INTEGRATED_GRADIENTS("ig"),
    /** SmoothGrad, 16 samples, sigma 0.1 of the input range. */
    SMOOTHGRAD("smoothgrad"),
    /** Occlusion with an 8-pixel grey patch at stride 4 (one feature at a time for vectors). */
    OCCLUSION("occlusion");

    private final String cliName;

    SaliencyChoice(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line. */
    public String cliName() {
        return cliName;
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
