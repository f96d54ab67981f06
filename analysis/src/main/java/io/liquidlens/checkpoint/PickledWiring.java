package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.PickledObject;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.NcpSpec;
import io.liquidlens.wiring.RandomSpec;
import io.liquidlens.wiring.Wiring;
import io.liquidlens.wiring.WiringSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The wiring of a whole pickled ncps module, from the pickled wiring object: its matrices are the truth. When the
 * constructor arguments it records (an AutoNCP's size, sparsity and seed, a FullyConnected's or Random's seed)
 * regenerate exactly those matrices, the wiring is kept as that constructor call, so an NCP's neurons keep their
 * layers and roles; otherwise as its matrices, with a line saying so.
 */
final class PickledWiring {
    /** The wiring classes of ncps that record their neurons' layers. */
    private static final List<String> LAYERED = List.of("NCP", "AutoNCP");

    private PickledWiring() {
    }

    /**
     * The wiring spec and, when it is kept as matrices, the reason.
     *
     * @param spec        the constructor call, or the matrices
     * @param regenerated true when {@code spec} is a constructor call that rebuilds the pickled matrices
     * @param note        null when regenerated, else one line for the user
     */
    record Read(WiringSpec spec, boolean regenerated, String note) {
    }

    static Read read(PickledObject w, int inputSize) {
        int units = w.integer("units");
        if (units < 1 || units > Limits.UNITS) {
            throw new IllegalArgumentException("its wiring has " + units + " units; LiquidLens reads 1 to "
                    + Limits.UNITS);
        }
        int outputDim = w.integer("output_dim");
        int[][] adjacency = matrix(w, "adjacency_matrix", units, units);
        int[][] sensory = matrix(w, "sensory_adjacency_matrix", inputSize, units);
        WiringSpec candidate;
        try {
            candidate = candidate(w, units, outputDim);
        } catch (IllegalArgumentException e) {
            candidate = null; // arguments ncps would not accept: the matrices still describe the network
        }
        if (candidate != null && (holds(candidate.build(inputSize), adjacency, sensory)
                || holds(candidate.buildTwice(inputSize), adjacency, sensory))) {
            return new Read(candidate, true, null);
        }
        String why = candidate == null
                ? "its " + w.simpleName() + " records no arguments that rebuild it"
                : w.simpleName().equals("NCP") ? "an NCP does not record its seed, and the default 22222 does not"
                + " rebuild it" : "its " + w.simpleName() + " arguments do not rebuild it";
        List<int[]> layers = LAYERED.contains(w.simpleName()) ? List.of(w.integers("_inter_neurons"),
                w.integers("_command_neurons"), w.integers("_motor_neurons")) : null;
        return new Read(new ExplicitWiringSpec(outputDim, adjacency, sensory, layers), false,
                "wiring = its pickled matrices" + (layers != null ? " and the NCP's layers" : "") + " (" + why + ")");
    }

    /** The constructor call the wiring object records, or null for ncps's base class. */
    private static WiringSpec candidate(PickledObject w, int units, int outputDim) {
        return switch (w.simpleName()) {
            case "AutoNCP" -> new AutoNcpSpec(units, w.integer("_output_size"), w.number("_sparsity_level"),
                    w.whole("_seed"));
            case "NCP" -> new NcpSpec(w.integer("_num_inter_neurons"), w.integer("_num_command_neurons"),
                    w.integer("_num_motor_neurons"), w.integer("_sensory_fanout"), w.integer("_inter_fanout"),
                    w.integer("_recurrent_command_synapses"), w.integer("_motor_fanin"), NcpSpec.DEFAULT_SEED);
            case "FullyConnected" -> new FullyConnectedSpec(units, outputDim, w.whole("_erev_init_seed"),
                    w.bool("self_connections"));
            case "Random" -> new RandomSpec(units, outputDim, w.number("sparsity_level"), w.whole("_random_seed"));
            default -> null;
        };
    }

    private static boolean holds(Wiring built, int[][] adjacency, int[][] sensory) {
        return Arrays.deepEquals(built.adjacencyMatrix(), adjacency)
                && Arrays.deepEquals(built.sensoryAdjacencyMatrix(), sensory);
    }

    /** A pickled numpy matrix of -1, 0 and 1 with the given shape. */
    private static int[][] matrix(PickledObject w, String name, int rows, int cols) {
        if (!w.has(name)) {
            throw new IllegalArgumentException("its wiring has no " + name + " (an unbuilt wiring)");
        }
        NdArray a = w.array(name);
        if (!a.hasShape(rows, cols)) {
            throw new IllegalArgumentException("its wiring's " + name + " has shape " + Arrays.toString(a.shape())
                    + "; expected [" + rows + ", " + cols + "]");
        }
        double[] values = a.toDoubleArray();
        int[][] out = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = values[i * cols + j];
                if (v != -1 && v != 0 && v != 1) {
                    throw new IllegalArgumentException("its wiring's " + name + " holds " + v + " at [" + i + ", "
                            + j + "]; an ncps wiring holds -1, 0 and 1");
                }
                out[i][j] = (int) v;
            }
        }
        return out;
    }
}
