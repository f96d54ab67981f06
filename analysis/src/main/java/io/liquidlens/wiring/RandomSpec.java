package io.liquidlens.wiring;

/**
 * ncps {@code Random(units, output_dim=None, sparsity_level=0.0, random_seed=1111)};
 * {@code outputDim} null means ncps's default (= units).
 *
 * <p>A random {@code 1 - sparsity_level} share of all internal and of all sensory synapses, chosen without
 * replacement by {@code default_rng(random_seed)}, each with polarity {@code choice([-1, 1, 1])}.
 */
public record RandomSpec(int units, Integer outputDim, double sparsityLevel, long randomSeed) implements WiringSpec {
    public static final long DEFAULT_SEED = 1111;
    private static final int[] POLARITIES = {-1, 1, 1};

    /**
     * Checks the arguments as ncps does (sparsity_level in [0, 1)), plus what its code needs to work.
     *
     * @throws IllegalArgumentException if units < 1, output_dim is outside [1, units], sparsity_level is
     *                                  outside [0, 1) or the seed is negative
     */
    public RandomSpec {
        Arguments.requireAtLeast("Random", "units", units, 1);
        Arguments.requireOutputDim("Random", outputDim, units);
        if (!(sparsityLevel >= 0.0 && sparsityLevel < 1.0)) {
            throw new IllegalArgumentException("Random sparsity_level must be in [0.0, 1.0), got " + sparsityLevel);
        }
        Arguments.requireAtLeast("Random", "random_seed", randomSeed, 0);
    }

    @Override
    public String ncpsClass() {
        return "Random";
    }

    /** The output dimension after ncps's default is applied. */
    public int effectiveOutputDim() {
        return outputDim == null ? units : outputDim;
    }

    @Override
    public Wiring build(int inputDim) {
        Arguments.requireInputDim("Random", inputDim);
        // As for FullyConnected: a fresh generator per build, so ncps's double-build quirk
        // (docs/NCPS.md#building-a-wiring-twice), which continues the stream and adds synapses, cannot occur.
        Pcg64Generator rng = new Pcg64Generator(randomSeed);
        int[][] adjacency = new int[units][units];
        for (int pair : rng.sampleIndices(units * units, synapseCount(units * units))) {
            adjacency[pair / units][pair % units] = rng.choice(POLARITIES);
        }
        int[][] sensory = new int[inputDim][units];
        for (int pair : rng.sampleIndices(inputDim * units, synapseCount(inputDim * units))) {
            // ncps draws each sensory polarity twice and keeps the second (docs/NCPS.md#random-wiring-polarity). We
            // reproduce the wasted draw: it shifts the stream, so the resulting matrices depend on it.
            rng.choice(POLARITIES);
            sensory[pair / units][pair % units] = rng.choice(POLARITIES);
        }
        return PlainWirings.of(ncpsClass(), effectiveOutputDim(), adjacency, sensory);
    }

    /** {@code int(np.round(pairs * (1 - sparsity_level)))}; np.round rounds half to even, like rint. */
    private int synapseCount(int pairs) {
        return (int) Math.rint(pairs * (1 - sparsityLevel));
    }
}
