package io.liquidlens.tree;

import io.liquidlens.provenance.Provenance;
import java.util.List;

/**
 * The neuron-level trees: one per chosen neuron, and where two neurons' rules conflict.
 *
 * @param data       the steps (world columns and responses)
 * @param split      which episodes were held out (shared by every neuron's tree)
 * @param neurons    one tree per neuron, in the order of {@code data}'s neurons
 * @param conflicts  the most conflicting neuron pairs, most overlapping steps first, at most
 *                   {@code options.conflicts()}
 * @param options    the options
 * @param provenance how the result was made
 */
public record NeuronLevelResult(NeuronData data, EpisodeSplit split, List<NeuronTree> neurons,
                                List<RuleConflict> conflicts, NeuronTreeOptions options, Provenance provenance) {

    /** Copies the lists. */
    public NeuronLevelResult {
        neurons = List.copyOf(neurons);
        conflicts = List.copyOf(conflicts);
    }
}
