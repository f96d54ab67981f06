package io.liquidlens.wiring;

import java.util.Arrays;
import java.util.List;

/**
 * A wiring given by its matrices (ncps's base {@code Wiring} with {@code adjacency_matrix} and
 * {@code sensory_adjacency_matrix}). Roles as ncps's base class assigns them: motor for ids below
 * outputDim, inter otherwise; one layer.
 *
 * <p>{@code layers} (null for ncps's one layer) groups the neurons as an NCP does, for a wiring read back from a
 * checkpoint: in order, the last group is the motor neurons, the one before it (of three or more) the command
 * neurons, the others inter neurons. A wired CfC computes one cell per group, so for it the groups are part of the
 * numbers; an LTC's numbers depend on the matrices alone.
 *
 * <p>{@code sensoryAdjacency} may be null, as in an unbuilt ncps wiring: building then adds an all-zero
 * sensory matrix (no input reaches any neuron), exactly as ncps's {@code set_input_dim} does.
 */
public record ExplicitWiringSpec(int outputDim, int[][] adjacency, int[][] sensoryAdjacency, List<int[]> layers)
        implements WiringSpec {

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
        if (layers != null) {
            layers = List.copyOf(layers.stream().map(int[]::clone).toList());
            requirePartition(layers, units, outputDim);
        }
    }

    /** ncps's base {@code Wiring}: one layer. */
    public ExplicitWiringSpec(int outputDim, int[][] adjacency, int[][] sensoryAdjacency) {
        this(outputDim, adjacency, sensoryAdjacency, null);
    }

    /** Every neuron in exactly one group, none empty, the last group the motor neurons 0..outputDim-1. */
    private static void requirePartition(List<int[]> layers, int units, int outputDim) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("Wiring layers must hold at least one group of neurons");
        }
        boolean[] seen = new boolean[units];
        for (int l = 0; l < layers.size(); l++) {
            int[] group = layers.get(l);
            if (group.length == 0) {
                throw new IllegalArgumentException("Wiring layer " + l + " is empty");
            }
            for (int id : group) {
                if (id < 0 || id >= units || seen[id]) {
                    throw new IllegalArgumentException("Wiring layer " + l + " holds neuron " + id + ", which is "
                            + (id < 0 || id >= units ? "not one of the " + units + " units" : "in an earlier layer"));
                }
                seen[id] = true;
            }
        }
        for (int id = 0; id < units; id++) {
            if (!seen[id]) {
                throw new IllegalArgumentException("Wiring layers leave out neuron " + id);
            }
        }
        int[] motor = layers.get(layers.size() - 1);
        boolean motorsLast = motor.length == outputDim;
        for (int k = 0; motorsLast && k < motor.length; k++) {
            motorsLast = motor[k] == k;
        }
        if (layers.size() > 1 && !motorsLast) {
            throw new IllegalArgumentException("Wiring's last layer must be the motor neurons 0.." + (outputDim - 1)
                    + ", got " + Arrays.toString(motor));
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
        if (layers == null || layers.size() == 1) {
            return PlainWirings.of(ncpsClass(), outputDim, adjacency, sensory);
        }
        NeuronRole[] roles = new NeuronRole[units()];
        for (int l = 0; l < layers.size(); l++) {
            NeuronRole role = l == layers.size() - 1 ? NeuronRole.MOTOR
                    : l == layers.size() - 2 && layers.size() >= 3 ? NeuronRole.COMMAND : NeuronRole.INTER;
            for (int id : layers.get(l)) {
                roles[id] = role;
            }
        }
        return new Wiring(ncpsClass(), outputDim, adjacency, sensory, roles, layers);
    }
}
