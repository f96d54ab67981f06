package io.liquidlens.wiring;

/**
 * ncps {@code FullyConnected(units, output_dim=None, erev_init_seed=1111, self_connections=True)};
 * {@code outputDim} null means ncps's default (= units).
 */
public record FullyConnectedSpec(int units, Integer outputDim, long erevInitSeed, boolean selfConnections)
        implements WiringSpec {
    public static final long DEFAULT_SEED = 1111;

    @Override
    public String ncpsClass() {
        return "FullyConnected";
    }

    @Override
    public Wiring build(int inputDim) {
        throw new UnsupportedOperationException("not yet");
    }
}
