package io.liquidlens.wiring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A built wiring: which neuron feeds which, with what polarity, and the role of every neuron.
 *
 * <p>Matrices are indexed {@code [source][destination]}, values -1 (inhibitory), 0 (no synapse), +1
 * (excitatory), exactly like ncps's {@code adjacency_matrix} and {@code sensory_adjacency_matrix}.
 * Internal neurons are numbered as in ncps (for NCP: motor ids first, then command, then inter);
 * sensory neurons are numbered separately, 0..inputDim-1.
 *
 * <p>{@code layers} are the groups ncps's {@code get_neurons_of_layer} returns, in order; a wired CfC
 * has one layer of cells per entry and its state vector is laid out layer by layer.
 *
 * <p>Immutable: the arrays are copied in and handed out only as copies or through accessors.
 */
public final class Wiring {
    private final int units;
    private final int inputDim;
    private final int outputDim;
    private final int[][] adjacency;
    private final int[][] sensoryAdjacency;
    private final NeuronRole[] roles;
    private final int[][] layers;
    private final String kind;

    /**
     * @param kind             the constructor that made it ({@code "AutoNCP"}, {@code "NCP"}, {@code "FullyConnected"},
     *                         {@code "Random"}, {@code "Wiring"})
     * @param adjacency        (units x units) polarity matrix, row = source
     * @param sensoryAdjacency (inputDim x units) polarity matrix, row = input feature
     * @param roles            role of each internal neuron (length units)
     * @param layers           neuron ids per layer, in ncps order
     */
    public Wiring(String kind, int outputDim, int[][] adjacency, int[][] sensoryAdjacency, NeuronRole[] roles,
                  List<int[]> layers) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.units = adjacency.length;
        this.inputDim = sensoryAdjacency.length;
        if (outputDim < 1 || outputDim > units) {
            throw new IllegalArgumentException("output_dim " + outputDim + " must be in 1.." + units);
        }
        this.outputDim = outputDim;
        this.adjacency = copy(adjacency, units, "adjacency_matrix");
        this.sensoryAdjacency = copy(sensoryAdjacency, units, "sensory_adjacency_matrix");
        if (roles.length != units) {
            throw new IllegalArgumentException("roles has " + roles.length + " entries, expected " + units);
        }
        this.roles = roles.clone();
        this.layers = layers.stream().map(int[]::clone).toArray(int[][]::new);
    }

    private static int[][] copy(int[][] m, int cols, String name) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i].length != cols) {
                throw new IllegalArgumentException(name + " row " + i + " has " + m[i].length + " columns, expected " + cols);
            }
            for (int v : m[i]) {
                if (v < -1 || v > 1) {
                    throw new IllegalArgumentException(name + " holds " + v + "; polarities are -1, 0 or 1");
                }
            }
            out[i] = m[i].clone();
        }
        return out;
    }

    public String kind() { return kind; }

    /** Number of internal neurons N (the state size of an LTC). */
    public int units() { return units; }

    /** Number of input features S (sensory neurons). */
    public int inputDim() { return inputDim; }

    /** Number of motor neurons M (ids 0..M-1). */
    public int outputDim() { return outputDim; }

    /** Polarity of the synapse source -> dest between internal neurons (0 if none). */
    public int polarity(int source, int dest) { return adjacency[source][dest]; }

    /** Polarity of the synapse from input feature {@code input} to internal neuron {@code dest} (0 if none). */
    public int sensoryPolarity(int input, int dest) { return sensoryAdjacency[input][dest]; }

    /** A copy of the internal adjacency matrix, row = source. */
    public int[][] adjacencyMatrix() { return Arrays.stream(adjacency).map(int[]::clone).toArray(int[][]::new); }

    /** A copy of the sensory adjacency matrix, row = input feature. */
    public int[][] sensoryAdjacencyMatrix() {
        return Arrays.stream(sensoryAdjacency).map(int[]::clone).toArray(int[][]::new);
    }

    public NeuronRole role(int neuron) { return roles[neuron]; }

    public int layerCount() { return layers.length; }

    /** Neuron ids of layer {@code l}, increasing, as ncps's {@code get_neurons_of_layer(l)}. */
    public int[] layer(int l) { return layers[l].clone(); }

    /** All layers, in ncps order, as copies (NCP: inter, command, motor; other wirings: one layer of all ids). */
    public List<int[]> layers() {
        List<int[]> out = new ArrayList<>(layers.length);
        for (int[] l : layers) {
            out.add(l.clone());
        }
        return out;
    }

    /**
     * The internal synapses as {@code {source, dest, polarity}} triples, in row-major order of the adjacency
     * matrix (the order of ncps's {@code get_graph} edges).
     */
    public List<int[]> synapses() {
        return nonZero(adjacency);
    }

    /** The sensory synapses as {@code {input, dest, polarity}} triples, in row-major order. */
    public List<int[]> sensorySynapses() {
        return nonZero(sensoryAdjacency);
    }

    private static List<int[]> nonZero(int[][] m) {
        List<int[]> out = new ArrayList<>();
        for (int src = 0; src < m.length; src++) {
            for (int dest = 0; dest < m[src].length; dest++) {
                if (m[src][dest] != 0) {
                    out.add(new int[] {src, dest, m[src][dest]});
                }
            }
        }
        return out;
    }

    /** Number of internal synapses (ncps {@code synapse_count}). */
    public int synapseCount() { return count(adjacency); }

    /** Number of sensory synapses (ncps {@code Wiring.sensory_synapse_count}, the correct one). */
    public int sensorySynapseCount() { return count(sensoryAdjacency); }

    /** Neuron {@code neuron}'s place among the neurons of its role (see {@link #indexInRole(NeuronRole[], int)}). */
    public int indexInRole(int neuron) {
        return indexInRole(roles, neuron);
    }

    /** The full name of neuron {@code neuron} (see {@link #neuronName(NeuronRole[], int)}). */
    public String neuronName(int neuron) {
        return neuronName(roles, neuron);
    }

    /** The short label of neuron {@code neuron} (see {@link #neuronLabel(NeuronRole[], int)}). */
    public String neuronLabel(int neuron) {
        return neuronLabel(roles, neuron);
    }

    /**
     * Neuron {@code neuron}'s place among the neurons of its role, counted in id order from 0: "command 3" is the
     * fourth command neuron. Every view and export names neurons this way ({@link #neuronName},
     * {@link #neuronLabel}), so a neuron picked in one is found by name in another.
     *
     * @param roles each neuron's role, by id
     */
    public static int indexInRole(NeuronRole[] roles, int neuron) {
        int k = 0;
        for (int i = 0; i < neuron; i++) {
            if (roles[i] == roles[neuron]) {
                k++;
            }
        }
        return k;
    }

    /** Role, place in the role and id, e.g. {@code command 3 (id 4)}. */
    public static String neuronName(NeuronRole[] roles, int neuron) {
        return roles[neuron].ncpsName() + " " + indexInRole(roles, neuron) + " (id " + neuron + ")";
    }

    /** The role's initial and the place in the role, e.g. {@code C3}. */
    public static String neuronLabel(NeuronRole[] roles, int neuron) {
        return roles[neuron].ncpsName().substring(0, 1).toUpperCase(Locale.ROOT) + indexInRole(roles, neuron);
    }

    /** Number of internal neurons with the given role. */
    public int count(NeuronRole role) {
        if (role == NeuronRole.SENSORY) {
            return inputDim;
        }
        int n = 0;
        for (NeuronRole r : roles) {
            if (r == role) {
                n++;
            }
        }
        return n;
    }

    private static int count(int[][] m) {
        int n = 0;
        for (int[] row : m) {
            for (int v : row) {
                n += Math.abs(v);
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Wiring w && w.outputDim == outputDim && Arrays.deepEquals(w.adjacency, adjacency)
                && Arrays.deepEquals(w.sensoryAdjacency, sensoryAdjacency) && Arrays.equals(w.roles, roles)
                && Arrays.deepEquals(w.layers, layers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outputDim, Arrays.deepHashCode(adjacency), Arrays.deepHashCode(sensoryAdjacency));
    }

    @Override
    public String toString() {
        return kind + "(units=" + units + ", inputs=" + inputDim + ", outputs=" + outputDim + ", synapses="
                + synapseCount() + ", sensory synapses=" + sensorySynapseCount() + ")";
    }
}
