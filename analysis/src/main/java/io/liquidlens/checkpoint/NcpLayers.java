package io.liquidlens.checkpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * An NCP's layers read back from its graph, which a state dict keeps only as masks. ncps numbers an NCP's neurons
 * motor first, then command, then inter, and connects them in one direction: inputs to inter neurons, inter to
 * command, command to command and to motor. A graph that has exactly that shape is given those layers; any other
 * (fully connected, random, hand-made) keeps ncps's one layer.
 */
final class NcpLayers {
    private NcpLayers() {
    }

    /**
     * The layers [inter, command, motor] of the graph, or null when it is not shaped like an NCP.
     *
     * @param adjacency (units, units), row = source, non-zero = synapse
     * @param sensory   (inputs, units)
     * @param motors    the motor neurons are ids 0..motors-1
     */
    static List<int[]> of(int[][] adjacency, int[][] sensory, int motors) {
        int units = adjacency.length;
        int commandEnd = motors;
        // command neurons follow the motors and each feeds a motor; the first neuron that feeds none starts the inter
        while (commandEnd < units && feedsAny(adjacency[commandEnd], 0, motors)) {
            commandEnd++;
        }
        if (commandEnd == motors || commandEnd == units) {
            return null;
        }
        for (int id = 0; id < units; id++) {
            boolean motor = id < motors;
            boolean command = !motor && id < commandEnd;
            boolean fine = motor ? !feedsAny(adjacency[id], 0, units)
                    : command ? !feedsAny(adjacency[id], commandEnd, units)
                    : !feedsAny(adjacency[id], 0, motors) && !feedsAny(adjacency[id], commandEnd, units);
            if (!fine) {
                return null;
            }
        }
        for (int[] row : sensory) {
            if (feedsAny(row, 0, commandEnd)) {
                return null;
            }
        }
        return List.of(range(commandEnd, units), range(motors, commandEnd), range(0, motors));
    }

    private static boolean feedsAny(int[] row, int from, int to) {
        for (int j = from; j < to; j++) {
            if (row[j] != 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] range(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(i);
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }
}
