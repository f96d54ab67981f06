package io.liquidlens.wiring;

/**
 * ncps {@code AutoNCP(units, output_size, sparsity_level=0.5, seed=22222)}: an NCP whose layer sizes and
 * fan-outs are derived from the total size and a sparsity level (see {@link #toNcp()}).
 */
public record AutoNcpSpec(int units, int outputSize, double sparsityLevel, long seed) implements WiringSpec {
    public static final double DEFAULT_SPARSITY = 0.5;
    public static final long DEFAULT_SEED = 22222;

    /**
     * Checks the arguments as ncps does: {@code output_size < units - 2} and {@code sparsity_level} in
     * [0.1, 1.0]. (ncps's own message says "between 0.0 and 0.9", but its check is [0.1, 1.0],
     * docs/NCPS.md#autoncp-sizing; we apply the real check and state the real range.) Also output_size >= 1 and a seed
     * numpy's RandomState accepts.
     *
     * @throws IllegalArgumentException naming the argument, its allowed range and the value
     */
    public AutoNcpSpec {
        Arguments.requireAtLeast("AutoNCP", "units", units, 4);
        Arguments.requireInRange("AutoNCP", "output_size", outputSize, 1, units - 3L,
                "units - 3 = " + (units - 3));
        // NaN fails the test too (ncps would let it pass the check and crash later in int()).
        if (!(sparsityLevel >= 0.1 && sparsityLevel <= 1.0)) {
            throw new IllegalArgumentException("AutoNCP sparsity_level must be in [0.1, 1.0], got " + sparsityLevel);
        }
        Arguments.requireInRange("AutoNCP", "seed", seed, 0, Mt19937RandomState.MAX_SEED,
                String.valueOf(Mt19937RandomState.MAX_SEED));
    }

    /** ncps {@code AutoNCP(units, output_size)} with the default sparsity 0.5 and seed 22222. */
    public AutoNcpSpec(int units, int outputSize) {
        this(units, outputSize, DEFAULT_SPARSITY, DEFAULT_SEED);
    }

    @Override
    public String ncpsClass() {
        return "AutoNCP";
    }

    /**
     * The NCP this AutoNCP stands for, sized as ncps does it: Python double arithmetic and {@code int()}
     * truncation, e.g. {@code command = max(int(0.4 * (units - output_size)), 1)}. Building it gives the
     * same matrices as building this spec.
     */
    public NcpSpec toNcp() {
        double density = 1.0 - sparsityLevel;
        int interAndCommand = units - outputSize;
        int command = Math.max((int) (0.4 * interAndCommand), 1);
        int inter = interAndCommand - command;
        int sensoryFanout = Math.max((int) (inter * density), 1);
        int interFanout = Math.max((int) (command * density), 1);
        // Evaluated left to right as in Python: (command * density) * 2, not command * (density * 2).
        int recurrentCommandSynapses = Math.max((int) (command * density * 2), 1);
        int motorFanin = Math.max((int) (command * density), 1);
        return new NcpSpec(inter, command, outputSize, sensoryFanout, interFanout, recurrentCommandSynapses,
                motorFanin, seed);
    }

    @Override
    public Wiring build(int inputDim) {
        return NcpBuilder.build(toNcp(), ncpsClass(), inputDim);
    }

    @Override
    public Wiring buildTwice(int inputDim) {
        return NcpBuilder.build(toNcp(), ncpsClass(), inputDim, 2);
    }
}
