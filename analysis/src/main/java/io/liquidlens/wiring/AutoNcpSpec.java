package io.liquidlens.wiring;

/** ncps {@code AutoNCP(units, output_size, sparsity_level=0.5, seed=22222)}. */
public record AutoNcpSpec(int units, int outputSize, double sparsityLevel, long seed) implements WiringSpec {
    public static final double DEFAULT_SPARSITY = 0.5;
    public static final long DEFAULT_SEED = 22222;

    @Override
    public String ncpsClass() {
        return "AutoNCP";
    }

    @Override
    public Wiring build(int inputDim) {
        throw new UnsupportedOperationException("not yet");
    }
}
