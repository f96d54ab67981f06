package io.liquidlens.spec;

/** LTC input/output mapping ({@code input_mapping}, {@code output_mapping} in ncps). */
public enum Mapping {
    /** {@code x * w + b}: a weight and a bias per feature. */
    AFFINE("affine"),
    /** {@code x * w}: a weight per feature. */
    LINEAR("linear"),
    /** Identity, no parameters (ncps: any other value, written as JSON {@code null}). */
    NONE(null);

    private final String ncpsName;

    Mapping(String ncpsName) {
        this.ncpsName = ncpsName;
    }

    /** The ncps string, or null for {@link #NONE}. */
    public String ncpsName() {
        return ncpsName;
    }

    /** True when the mapping has a per-feature weight. */
    public boolean hasWeight() {
        return this != NONE;
    }

    /** True when the mapping has a per-feature bias. */
    public boolean hasBias() {
        return this == AFFINE;
    }
}
