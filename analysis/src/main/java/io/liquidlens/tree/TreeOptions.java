package io.liquidlens.tree;

import java.util.List;

/**
 * Everything that shapes a tree extraction.
 *
 * @param features the neurons (and rates) to split on
 * @param label    the decision to explain and its classes
 * @param j48      the learner's options
 * @param heldOut  share of the episodes held out for the reported fidelity, in (0, 1); at least one episode is held
 *                 out and at least one kept
 * @param folds    folds of the cross-validation by episode, at least 2 (fewer when there are fewer episodes)
 * @param seed     seeds which episodes are held out and how they fall into folds
 * @param sweep    minimum leaf sizes to sweep (fidelity against leaves, for the readability trade-off); empty for none
 */
public record TreeOptions(FeatureSet features, LabelSpec label, J48Options j48, double heldOut, int folds, long seed,
                          List<Integer> sweep) {

    /** The default minimum leaf sizes of a sweep. */
    public static final List<Integer> DEFAULT_SWEEP = List.of(1, 2, 5, 10, 20, 50, 100, 200, 500);

    /** Checks every field. */
    public TreeOptions {
        if (features == null || label == null || j48 == null) {
            throw new IllegalArgumentException("features, label and j48 are required");
        }
        if (!(heldOut > 0 && heldOut < 1)) {
            throw new IllegalArgumentException("heldOut (share of episodes held out) must be in (0, 1), got " + heldOut);
        }
        if (folds < 2) {
            throw new IllegalArgumentException("folds must be 2 or more, got " + folds);
        }
        sweep = sweep == null ? List.of() : List.copyOf(sweep);
        for (int m : sweep) {
            if (m < 1) {
                throw new IllegalArgumentException("sweep: minimum leaf sizes must be 1 or more, got " + m);
            }
        }
    }

    /** Command neurons, the network's left / straight / right, J48's defaults, 25 % held out, 5 folds, seed 0. */
    public static TreeOptions defaults() {
        return new TreeOptions(FeatureSet.defaults(), LabelSpec.defaults(), J48Options.defaults(), 0.25, 5, 0,
                List.of());
    }
}
