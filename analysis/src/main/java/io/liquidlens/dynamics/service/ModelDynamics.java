package io.liquidlens.dynamics.service;

import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.NeuronDynamics;
import java.util.Objects;

/**
 * One model's dynamics with what the files say about it beyond the result.
 *
 * @param result        the dynamics
 * @param motorIncluded whether a motor neuron is among PCA's columns
 * @param mapNeuron     the wiring id of the neuron whose state colours the map, or -1 for PC1
 * @param group         the group of seeds the model belongs to ({@code --models NAME=DIR,...}), or empty
 * @param mapTau        the map is coloured by {@code mapNeuron}'s time constant rather than its state
 */
public record ModelDynamics(DynamicsResult result, boolean motorIncluded, int mapNeuron, String group,
                            boolean mapTau) {

    public ModelDynamics {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(group, "group");
    }

    /** A map coloured by PC1 or a neuron's state. */
    public ModelDynamics(DynamicsResult result, boolean motorIncluded, int mapNeuron, String group) {
        this(result, motorIncluded, mapNeuron, group, false);
    }

    /** A model given alone, in no group. */
    public ModelDynamics(DynamicsResult result, boolean motorIncluded, int mapNeuron) {
        this(result, motorIncluded, mapNeuron, "");
    }

    /** What colours the map, as dynamics.json says it: {@code pc1}, {@code state} or {@code tau}. */
    public String mapQuantity() {
        return mapNeuron < 0 ? "pc1" : mapTau ? "tau" : "state";
    }

    /** The model as the files name it. */
    public String label() {
        return result.model();
    }

    /** The median of the neurons' L_max (those with one; NaN when none has). */
    public double medianLmax() {
        double[] v = result.neurons().stream().mapToDouble(NeuronDynamics::lmax).filter(Double::isFinite)
                .sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
