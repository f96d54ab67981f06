package io.liquidlens.spec;

/** The CfC solution form ({@code mode} in ncps). */
public enum CfcMode {
    /** Gated interpolation {@code ff1 * (1 - g) + g * ff2}. */
    DEFAULT("default"),
    /** Closed form with {@code w_tau} and {@code A}, no ff2 / time heads. */
    PURE("pure"),
    /** {@code ff1 + g * ff2}. */
    NO_GATE("no_gate");

    private final String ncpsName;

    CfcMode(String ncpsName) {
        this.ncpsName = ncpsName;
    }

    /** The ncps string. */
    public String ncpsName() {
        return ncpsName;
    }

    /** The mode with the given ncps name. */
    public static CfcMode fromNcps(String name) {
        for (CfcMode m : values()) {
            if (m.ncpsName.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown CfC mode '" + name + "' (expected default, pure or no_gate)");
    }
}
