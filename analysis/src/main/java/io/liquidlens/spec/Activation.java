package io.liquidlens.spec;

/** Activation of a dense CfC backbone ({@code activation} in ncps). */
public enum Activation {
    /** {@code 1.7159 * tanh(0.666 * x)} (ncps uses 0.666, not 2/3). */
    LECUN_TANH("lecun_tanh"),
    SILU("silu"),
    RELU("relu"),
    TANH("tanh"),
    /** The exact (erf) form, as torch's {@code nn.GELU()}. */
    GELU("gelu");

    private final String ncpsName;

    Activation(String ncpsName) {
        this.ncpsName = ncpsName;
    }

    /** The ncps string. */
    public String ncpsName() {
        return ncpsName;
    }

    /** The activation with the given ncps name. */
    public static Activation fromNcps(String name) {
        for (Activation a : values()) {
            if (a.ncpsName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name
                + "' (expected lecun_tanh, silu, relu, tanh or gelu)");
    }
}
