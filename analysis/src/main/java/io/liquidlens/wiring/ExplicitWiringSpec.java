package io.liquidlens.wiring;

/**
 * A wiring given by its matrices (ncps's base {@code Wiring} with {@code adjacency_matrix} and
 * {@code sensory_adjacency_matrix}). Roles as ncps's base class assigns them: motor for ids below
 * outputDim, inter otherwise; one layer.
 *
 * <p>{@code sensoryAdjacency} may be null, as in an unbuilt ncps wiring: building then adds an all-zero
 * sensory matrix (no input reaches any neuron), exactly as ncps's {@code set_input_dim} does.
 */
public record ExplicitWiringSpec(int outputDim, int[][] adjacency, int[][] sensoryAdjacency) implements WiringSpec {

    /**
     * Checks the shapes: a non-empty square adjacency matrix, output_dim in [1, units], and sensory rows as
     * long as the adjacency rows. Values other than -1, 0, 1 are rejected when the wiring is built.
     *
     * @throws IllegalArgumentException naming the argument, what was expected and what was given
     */
    public ExplicitWiringSpec {
        if (adjacency == null || adjacency.length == 0) {
            throw new IllegalArgumentException("Wiring adjacency_matrix must have at least 1 row, got "
                    + (adjacency == null ? "none" : "0"));
        }
        int units = adjacency.length;
        for (int i = 0; i < units; i++) {
            if (adjacency[i] == null || adjacency[i].length != units) {
                throw new IllegalArgumentException("Wiring adjacency_matrix must be square (" + units + " x " + units
                        + "), but row " + i + " has " + (adjacency[i] == null ? 0 : adjacency[i].length) + " columns");
            }
        }
        Arguments.requireInRange("Wiring", "output_dim", outputDim, 1, units, "units = " + units);
        if (sensoryAdjacency != null) {
            for (int i = 0; i < sensoryAdjacency.length; i++) {
                if (sensoryAdjacency[i] == null || sensoryAdjacency[i].length != units) {
                    throw new IllegalArgumentException("Wiring sensory_adjacency_matrix must have " + units
                            + " columns (one per unit), but row " + i + " has "
                            + (sensoryAdjacency[i] == null ? 0 : sensoryAdjacency[i].length));
                }
            }
        }
    }

    @Override
    public String ncpsClass() {
        return "Wiring";
    }

    /** Number of neurons: the side of the adjacency matrix. */
    public int units() {
        return adjacency.length;
    }

    /**
     * Builds the wiring. Like ncps's {@code Wiring.build}, a sensory matrix already present must match
     * {@code inputDim}.
     *
     * @throws IllegalArgumentException if the sensory matrix has a different number of rows than inputDim,
     *                                  or a matrix holds a value other than -1, 0, 1
     */
    @Override
    public Wiring build(int inputDim) {
        Arguments.requireInputDim("Wiring", inputDim);
        int[][] sensory = sensoryAdjacency;
        if (sensory == null) {
            sensory = new int[inputDim][units()];
        } else if (sensory.length != inputDim) {
            throw new IllegalArgumentException("Wiring sensory_adjacency_matrix has " + sensory.length
                    + " rows (input features), but the model has input_dim " + inputDim);
        }
        return PlainWirings.of(ncpsClass(), outputDim, adjacency, sensory);
    }
}
