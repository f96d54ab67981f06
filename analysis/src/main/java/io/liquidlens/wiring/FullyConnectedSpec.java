package io.liquidlens.wiring;

/**
 * ncps {@code FullyConnected(units, output_dim=None, erev_init_seed=1111, self_connections=True)};
 * {@code outputDim} null means ncps's default (= units).
 *
 * <p>Every neuron feeds every neuron (optionally not itself) and every input feeds every neuron; each
 * polarity is {@code default_rng(erev_init_seed).choice([-1, 1, 1])}, drawn in row-major order, internal
 * synapses first.
 */
public record FullyConnectedSpec(int units, Integer outputDim, long erevInitSeed, boolean selfConnections)
        implements WiringSpec {
    public static final long DEFAULT_SEED = 1111;
    private static final int[] POLARITIES = {-1, 1, 1};

    /**
     * Checks the arguments (ncps itself checks none; these are the ones its code needs to work).
     *
     * @throws IllegalArgumentException if units < 1, output_dim is outside [1, units] or the seed is negative
     */
    public FullyConnectedSpec {
        Arguments.requireAtLeast("FullyConnected", "units", units, 1);
        Arguments.requireOutputDim("FullyConnected", outputDim, units);
        Arguments.requireAtLeast("FullyConnected", "erev_init_seed", erevInitSeed, 0);
    }

    /** ncps {@code FullyConnected(units)}: all neurons motor, seed 1111, self-connections on (LTC's default wiring). */
    public FullyConnectedSpec(int units) {
        this(units, null, DEFAULT_SEED, true);
    }

    @Override
    public String ncpsClass() {
        return "FullyConnected";
    }

    /** The output dimension after ncps's default is applied. */
    public int effectiveOutputDim() {
        return outputDim == null ? units : outputDim;
    }

    @Override
    public Wiring build(int inputDim) {
        Arguments.requireInputDim("FullyConnected", inputDim);
        // ncps keeps one RNG per wiring object, drawing the internal polarities in __init__ and the sensory
        // ones in build(); a second build() would continue the stream and overwrite synapses
        // (docs/NCPS.md#building-a-wiring-twice). We make a fresh generator for every build, i.e. a fresh wiring per
        // model, so that cannot happen.
        Pcg64Generator rng = new Pcg64Generator(erevInitSeed);
        int[][] adjacency = new int[units][units];
        for (int src = 0; src < units; src++) {
            for (int dest = 0; dest < units; dest++) {
                if (src != dest || selfConnections) {
                    adjacency[src][dest] = rng.choice(POLARITIES);
                }
            }
        }
        int[][] sensory = new int[inputDim][units];
        for (int src = 0; src < inputDim; src++) {
            for (int dest = 0; dest < units; dest++) {
                sensory[src][dest] = rng.choice(POLARITIES);
            }
        }
        return PlainWirings.of(ncpsClass(), effectiveOutputDim(), adjacency, sensory);
    }
}
