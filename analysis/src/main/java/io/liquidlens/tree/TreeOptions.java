package io.liquidlens.tree;

import io.liquidlens.Limits;
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
 * @param maxRows  the most training rows one tree learns from, in [1, {@link Limits#TREE_ROWS}]; beyond it a tree
 *                 learns from evenly spaced ones ({@link TrainingRows}), and every row still counts in its fidelity
 * @param choice   which tree is reported: the one of {@code j48} as given, or the smallest of the sweep within the
 *                 best one's 95% interval (then {@code j48}'s minimum leaf size is not used and the sweep must not be
 *                 empty)
 */
public record TreeOptions(FeatureSet features, LabelSpec label, J48Options j48, double heldOut, int folds, long seed,
                          List<Integer> sweep, int maxRows, TreeChoice choice) {

    /** The default cap on training rows: J48 takes a few seconds on 100,000 rows of a dozen neurons. */
    public static final int DEFAULT_MAX_ROWS = 100_000;

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
        if (maxRows < 1 || maxRows > Limits.TREE_ROWS) {
            throw new IllegalArgumentException("maxRows (training rows per tree) must be in [1, " + Limits.TREE_ROWS
                    + "], got " + maxRows);
        }
        if (choice == null) {
            throw new IllegalArgumentException("choice is required");
        }
        if (choice == TreeChoice.SMALLEST_WITHIN_BEST && sweep.isEmpty()) {
            throw new IllegalArgumentException("choice " + choice + " needs a sweep of minimum leaf sizes to choose"
                    + " from, got none");
        }
    }

    /** The same reporting the tree of {@code j48} as given ({@link TreeChoice#EXACT}). */
    public TreeOptions(FeatureSet features, LabelSpec label, J48Options j48, double heldOut, int folds, long seed,
                       List<Integer> sweep, int maxRows) {
        this(features, label, j48, heldOut, folds, seed, sweep, maxRows, TreeChoice.EXACT);
    }

    /**
     * The same with the default cap of {@value #DEFAULT_MAX_ROWS} training rows per tree, reporting the tree of
     * {@code j48} as given.
     */
    public TreeOptions(FeatureSet features, LabelSpec label, J48Options j48, double heldOut, int folds, long seed,
                       List<Integer> sweep) {
        this(features, label, j48, heldOut, folds, seed, sweep, DEFAULT_MAX_ROWS);
    }

    /**
     * Command neurons, the network's left / straight / right, J48's defaults, 25 % held out, 5 folds, seed 0, at most
     * 100,000 training rows per tree.
     */
    public static TreeOptions defaults() {
        return new TreeOptions(FeatureSet.defaults(), LabelSpec.defaults(), J48Options.defaults(), 0.25, 5, 0,
                List.of());
    }

    /** These options with other features (e.g. a baseline's default, {@link FeatureSet#forModel}). */
    public TreeOptions withFeatures(FeatureSet other) {
        return new TreeOptions(other, label, j48, heldOut, folds, seed, sweep, maxRows, choice);
    }
}
