package io.liquidlens.wiring;

/**
 * ncps {@code Random(units, output_dim=None, sparsity_level=0.0, random_seed=1111)};
 * {@code outputDim} null means ncps's default (= units).
 */
public record RandomSpec(int units, Integer outputDim, double sparsityLevel, long randomSeed) implements WiringSpec {
    public static final long DEFAULT_SEED = 1111;

    @Override
    public String ncpsClass() {
        return "Random";
    }

    @Override
    public Wiring build(int inputDim) {
        throw new UnsupportedOperationException("not yet");
    }
}
