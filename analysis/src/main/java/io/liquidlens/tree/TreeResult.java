package io.liquidlens.tree;

import io.liquidlens.provenance.Provenance;
import java.util.List;
import java.util.Optional;

/**
 * A tree extraction: the tree (trained on the training episodes), how faithful it is, and how it was made.
 *
 * @param data             the training table (all rows, held-out ones included)
 * @param split            which episodes were held out and how the folds fell
 * @param tree             the tree trained on the training episodes
 * @param minLeaf          the tree's minimum leaf size (the options' own, or the one chosen from the sweep)
 * @param heldOut          its agreement with the labels on the held-out episodes: the reported fidelity
 * @param fidelityInterval the 95% interval of the reported fidelity
 * @param training         its agreement on the training episodes
 * @param folds            each cross-validation fold's agreement (a tree trained on the other folds, tested on this
 *                         one, with the reported tree's options)
 * @param crossValidated   the folds pooled
 * @param sweep            the minimum-leaf sweep (empty when none was asked for)
 * @param options          the options
 * @param provenance       how the result was made
 */
public record TreeResult(TreeDataset data, EpisodeSplit split, DecisionTree tree, int minLeaf, Faithfulness heldOut,
                         FidelityInterval fidelityInterval, Faithfulness training, List<Faithfulness> folds,
                         Faithfulness crossValidated, List<SweepPoint> sweep, TreeOptions options,
                         Provenance provenance) {

    /** Copies the lists. */
    public TreeResult {
        folds = List.copyOf(folds);
        sweep = List.copyOf(sweep);
    }

    /** The held-out fidelity in [0, 1]. */
    public double fidelity() {
        return heldOut.fidelity();
    }

    /** The most faithful tree of the sweep ({@link TreeChoice#best}), if there was a sweep. */
    public Optional<SweepPoint> best() {
        return sweep.isEmpty() ? Optional.empty() : Optional.of(sweep.get(TreeChoice.best(sweep)));
    }

    /** True when the tree was chosen from the sweep rather than given by the options. */
    public boolean chosen() {
        return options.choice() == TreeChoice.SMALLEST_WITHIN_BEST;
    }
}
