package io.liquidlens.wiring;

import java.util.List;

/**
 * Assembles wirings of ncps's base-class shape (FullyConnected, Random, explicit matrices): neuron i is
 * motor if i < output_dim and inter otherwise, and all neurons form one layer.
 */
final class PlainWirings {
    private PlainWirings() {
    }

    static Wiring of(String kind, int outputDim, int[][] adjacency, int[][] sensoryAdjacency) {
        int units = adjacency.length;
        NeuronRole[] roles = new NeuronRole[units];
        int[] all = new int[units];
        for (int i = 0; i < units; i++) {
            roles[i] = i < outputDim ? NeuronRole.MOTOR : NeuronRole.INTER;
            all[i] = i;
        }
        return new Wiring(kind, outputDim, adjacency, sensoryAdjacency, roles, List.of(all));
    }
}
