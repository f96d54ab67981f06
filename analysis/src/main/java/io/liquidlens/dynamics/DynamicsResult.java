package io.liquidlens.dynamics;

import java.util.List;

/**
 * A model's dynamics over a set of rollouts, with how they were made.
 *
 * @param model        the model as the user named it (its folder)
 * @param cell         the cell kind, which says what {@code tau} means (LTC: liquid time constant; CfC: time gate)
 * @param options      the options used
 * @param statesSource {@code "simulated"}: the states are the model's own, run from the zero state over each
 *                     rollout's inputs (a rollout's recorded states belong to whichever model drove it)
 * @param pca          PCA of the states over every step of every rollout
 * @param neurons      every neuron, by wiring id
 * @param sensitivity  the input-to-state sensitivity
 * @param rollouts     per rollout, in the order given
 * @param notes        what the user should know about this result (one line each), e.g. rollouts without a map
 */
public record DynamicsResult(String model, String cell, DynamicsOptions options, String statesSource, Pca pca,
                             List<NeuronDynamics> neurons, Sensitivity sensitivity, List<RolloutDynamics> rollouts,
                             List<String> notes) {

    public DynamicsResult {
        neurons = List.copyOf(neurons);
        rollouts = List.copyOf(rollouts);
        notes = List.copyOf(notes);
    }

    /**
     * Which neurons PCA read, in words for captions and summary lines: {@code motor neurons left out} (a wired
     * model's outputs), {@code motor neurons included} when asked, or, when it read every neuron unasked (a model
     * without a wiring, a dense CfC or a baseline, whose readout is a projection), that none was left out.
     */
    public String pcaColumns() {
        return pcaColumns(pca.neurons().length, neurons.size(), options.includeMotor());
    }

    /** As {@link #pcaColumns()} for PCA over {@code read} of a model's {@code all} neurons. */
    static String pcaColumns(int read, int all, boolean includeMotor) {
        if (read < all) {
            return "motor neurons left out";
        }
        return includeMotor ? "motor neurons included" : "all of them: no neuron is wired as an output";
    }
}
