package io.liquidlens.wiring;

import java.util.ArrayList;
import java.util.List;

/**
 * Regenerates an NCP wiring exactly as ncps's {@code NCP.build(input_dim)} does: the same four steps in the
 * same order, consuming the same MT19937 draws.
 *
 * <p>ncps keeps the RNG in the wiring object, so building twice continues the stream and adds synapses
 * (docs/NCPS.md#building-a-wiring-twice). Here each build starts a fresh generator from the seed, i.e. every model gets
 * a fresh wiring, and that quirk cannot occur. ncps's broken {@code NCP.get_config()} (id lists instead of counts, and
 * {@code RandomState.seed()} re-seeding from OS entropy, docs/NCPS.md#ncp-configuration) has no counterpart: the {@link
 * NcpSpec} record is the configuration, and nothing here reseeds.
 */
final class NcpBuilder {
    private static final int[] POLARITIES = {-1, 1};

    private final Mt19937RandomState rng;
    private final int[] sensory;
    private final int[] inter;
    private final int[] command;
    private final int[] motor;
    private final int[][] adjacency;
    private final int[][] sensoryAdjacency;

    private NcpBuilder(NcpSpec spec, int inputDim) {
        int m = spec.motorNeurons();
        int c = spec.commandNeurons();
        int units = spec.units();
        rng = new Mt19937RandomState(spec.seed());
        sensory = range(0, inputDim);
        motor = range(0, m);
        command = range(m, m + c);
        inter = range(m + c, units);
        adjacency = new int[units][units];
        sensoryAdjacency = new int[inputDim][units];
    }

    static Wiring build(NcpSpec spec, String kind, int inputDim) {
        return build(spec, kind, inputDim, 1);
    }

    /**
     * What ncps holds after calling {@code build(input_dim)} {@code times} times on one wiring object: the
     * synapse steps run again on the same matrices with the generator stream continued, adding synapses.
     * Used only to recognise checkpoints saved from such a wiring (docs/NCPS.md#building-a-wiring-twice).
     */
    static Wiring build(NcpSpec spec, String kind, int inputDim, int times) {
        Arguments.requireInputDim(kind, inputDim);
        NcpBuilder b = new NcpBuilder(spec, inputDim);
        for (int i = 0; i < times; i++) {
            b.sensoryToInter(spec.sensoryFanout());
            b.interToCommand(spec.interFanout());
            b.recurrentCommand(spec.recurrentCommandSynapses());
            b.commandToMotor(spec.motorFanin());
        }
        return b.toWiring(kind);
    }

    private void sensoryToInter(int fanout) {
        boolean[] reached = new boolean[adjacency.length];
        for (int src : sensory) {
            for (int dest : rng.choiceWithoutReplacement(inter, fanout)) {
                reached[dest] = true;
                sensoryAdjacency[src][dest] = rng.choice(POLARITIES);
            }
        }
        int fanin = clip(truncatedRatio(sensory.length, fanout, inter.length), 1, sensory.length);
        for (int dest : inter) {
            if (!reached[dest]) {
                for (int src : rng.choiceWithoutReplacement(sensory, fanin)) {
                    sensoryAdjacency[src][dest] = rng.choice(POLARITIES);
                }
            }
        }
    }

    private void interToCommand(int fanout) {
        boolean[] reached = new boolean[adjacency.length];
        for (int src : inter) {
            for (int dest : rng.choiceWithoutReplacement(command, fanout)) {
                reached[dest] = true;
                adjacency[src][dest] = rng.choice(POLARITIES);
            }
        }
        // ncps clips to [1, command_neurons] although the sources are inter neurons; since inter_fanout
        // <= command_neurons the value never exceeds inter_neurons, so the bound is copied as is.
        int fanin = clip(truncatedRatio(inter.length, fanout, command.length), 1, command.length);
        for (int dest : command) {
            if (!reached[dest]) {
                for (int src : rng.choiceWithoutReplacement(inter, fanin)) {
                    adjacency[src][dest] = rng.choice(POLARITIES);
                }
            }
        }
    }

    /** Self-loops and repeated pairs are allowed; a repeat overwrites the earlier polarity, as in ncps. */
    private void recurrentCommand(int count) {
        for (int i = 0; i < count; i++) {
            int src = rng.choice(command);
            int dest = rng.choice(command);
            adjacency[src][dest] = rng.choice(POLARITIES);
        }
    }

    private void commandToMotor(int fanin) {
        boolean[] reached = new boolean[adjacency.length];
        for (int dest : motor) {
            for (int src : rng.choiceWithoutReplacement(command, fanin)) {
                reached[src] = true;
                adjacency[src][dest] = rng.choice(POLARITIES);
            }
        }
        int fanout = clip(truncatedRatio(motor.length, fanin, command.length), 1, motor.length);
        for (int src : command) {
            if (!reached[src]) {
                for (int dest : rng.choiceWithoutReplacement(motor, fanout)) {
                    adjacency[src][dest] = rng.choice(POLARITIES);
                }
            }
        }
    }

    private Wiring toWiring(String kind) {
        NeuronRole[] roles = new NeuronRole[adjacency.length];
        for (int id : motor) {
            roles[id] = NeuronRole.MOTOR;
        }
        for (int id : command) {
            roles[id] = NeuronRole.COMMAND;
        }
        for (int id : inter) {
            roles[id] = NeuronRole.INTER;
        }
        List<int[]> layers = new ArrayList<>(List.of(inter, command, motor));
        return new Wiring(kind, motor.length, adjacency, sensoryAdjacency, roles, layers);
    }

    /** Python's {@code int(a * b / c)}: an exact integer product, a true (double) division, truncation. */
    private static int truncatedRatio(int a, int b, int c) {
        return (int) ((double) ((long) a * b) / c);
    }

    /** {@code np.clip(v, lo, hi)} = min(max(v, lo), hi). */
    private static int clip(int v, int lo, int hi) {
        return Math.min(Math.max(v, lo), hi);
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }
}
