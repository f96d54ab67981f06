package io.liquidlens.tree;

import io.liquidlens.Limits;
import io.liquidlens.wiring.NeuronRole;
import java.util.List;
import java.util.Set;

/**
 * Everything that shapes the neuron-level trees (docs/ANALYSES.md#neuron-level-trees, after Wang et al., CoRL 2023):
 * one tree per neuron from world features to that neuron's discretised response.
 *
 * @param neurons   the neurons to explain (roles, or a subset by name or label); rates are not used here
 * @param world     the rollout's world columns the trees split on, by name (e.g. {@code d}, {@code mu}, {@code kappa})
 * @param bins      classes of each neuron's response, cut at its own i/bins quantiles (3: low / mid / high)
 * @param j48       the learner's options
 * @param heldOut   share of the episodes held out for each neuron's fidelity, in (0, 1); the same split as the
 *                  policy level for the same seed
 * @param seed      seeds which episodes are held out
 * @param conflicts how many conflicting neuron pairs to report, at least 0
 * @param maxRows   the most training rows each neuron's tree learns from, in [1, {@link Limits#TREE_ROWS}]; beyond it
 *                  evenly spaced ones ({@link TrainingRows}); fidelity and rules still count every row
 */
public record NeuronTreeOptions(FeatureSet neurons, List<String> world, int bins, J48Options j48, double heldOut,
                                long seed, int conflicts, int maxRows) {

    /** The world columns of the lane-keeping sample: lateral offset, heading error, road curvature. */
    public static final List<String> DEFAULT_WORLD = List.of("d", "mu", "kappa");

    /** Checks every field. */
    public NeuronTreeOptions {
        if (neurons == null || j48 == null) {
            throw new IllegalArgumentException("neurons and j48 are required");
        }
        if (neurons.rates()) {
            throw new IllegalArgumentException("neurons: rates of change are not responses; give states only");
        }
        world = world == null ? List.of() : world.stream().map(String::trim).toList();
        if (world.isEmpty() || world.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("world: give one or more world column names, got " + world);
        }
        if (Set.copyOf(world).size() != world.size()) {
            throw new IllegalArgumentException("world: a column is given twice in " + world);
        }
        if (bins < 2) {
            throw new IllegalArgumentException("bins (classes of each neuron's response) must be 2 or more, got "
                    + bins);
        }
        if (!(heldOut > 0 && heldOut < 1)) {
            throw new IllegalArgumentException("heldOut (share of episodes held out) must be in (0, 1), got " + heldOut);
        }
        if (conflicts < 0) {
            throw new IllegalArgumentException("conflicts (pairs to report) must be 0 or more, got " + conflicts);
        }
        if (maxRows < 1 || maxRows > Limits.TREE_ROWS) {
            throw new IllegalArgumentException("maxRows (training rows per tree) must be in [1, " + Limits.TREE_ROWS
                    + "], got " + maxRows);
        }
    }

    /** The same with the default cap of {@value TreeOptions#DEFAULT_MAX_ROWS} training rows per tree. */
    public NeuronTreeOptions(FeatureSet neurons, List<String> world, int bins, J48Options j48, double heldOut,
                             long seed, int conflicts) {
        this(neurons, world, bins, j48, heldOut, seed, conflicts, TreeOptions.DEFAULT_MAX_ROWS);
    }

    /**
     * Every inter, command and motor neuron; d, mu, kappa; low / mid / high; J48's defaults; 25 % held out; at most
     * 100,000 training rows per tree.
     */
    public static NeuronTreeOptions defaults() {
        return new NeuronTreeOptions(new FeatureSet(Set.of(NeuronRole.INTER, NeuronRole.COMMAND, NeuronRole.MOTOR),
                List.of(), false), DEFAULT_WORLD, 3, J48Options.defaults(), 0.25, 0, 10);
    }

    /** These options with other neurons (e.g. a baseline's default, {@link FeatureSet#forModel}). */
    public NeuronTreeOptions withNeurons(FeatureSet other) {
        return new NeuronTreeOptions(other, world, bins, j48, heldOut, seed, conflicts, maxRows);
    }
}
