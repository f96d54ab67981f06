package io.liquidlens.tree;

import io.liquidlens.provenance.Provenance;
import java.util.List;

/**
 * A tree extraction: the tree (trained on the training episodes), how faithful it is, and how it was made.
 *
 * @param data       the training table (all rows, held-out ones included)
 * @param split      which episodes were held out and how the folds fell
 * @param tree       the tree trained on the training episodes
 * @param heldOut    its agreement with the labels on the held-out episodes: the reported fidelity
 * @param training   its agreement on the training episodes
 * @param folds      each cross-validation fold's agreement (a tree trained on the other folds, tested on this one)
 * @param crossValidated the folds pooled
 * @param sweep      the minimum-leaf sweep (empty when none was asked for)
 * @param options    the options
 * @param provenance how the result was made
 */
public record TreeResult(TreeDataset data, EpisodeSplit split, DecisionTree tree, Faithfulness heldOut,
                         Faithfulness training, List<Faithfulness> folds, Faithfulness crossValidated,
                         List<SweepPoint> sweep, TreeOptions options, Provenance provenance) {

    /** Copies the lists. */
    public TreeResult {
        folds = List.copyOf(folds);
        sweep = List.copyOf(sweep);
    }

    /** The held-out fidelity in [0, 1]. */
    public double fidelity() {
        return heldOut.fidelity();
    }
}
