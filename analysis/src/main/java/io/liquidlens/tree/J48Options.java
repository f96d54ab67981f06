package io.liquidlens.tree;

/**
 * The options of Weka's J48 (C4.5) that LiquidLens exposes, validated.
 *
 * @param confidence          pruning confidence (J48 {@code -C}), in (0, 0.5]; smaller prunes more
 * @param minLeaf             minimum instances per leaf (J48 {@code -M}), at least 1
 * @param unpruned            grow the tree without pruning (J48 {@code -U})
 * @param binarySplits        binary splits on nominal attributes (J48 {@code -B}); every feature here is numeric, and
 *                            numeric splits are always binary, so this changes nothing for the trees LiquidLens builds
 * @param reducedErrorPruning prune on a held-back part of the training data instead of by confidence (J48 {@code -R})
 * @param pruningFolds        folds for reduced-error pruning (J48 {@code -N}; one fold is held back), at least 2
 */
public record J48Options(double confidence, int minLeaf, boolean unpruned, boolean binarySplits,
                         boolean reducedErrorPruning, int pruningFolds) {

    /** Checks every field against its range. */
    public J48Options {
        if (!(confidence > 0 && confidence <= 0.5)) {
            throw new IllegalArgumentException("confidence must be in (0, 0.5], got " + confidence);
        }
        if (minLeaf < 1) {
            throw new IllegalArgumentException("minLeaf (minimum instances per leaf) must be 1 or more, got " + minLeaf);
        }
        if (pruningFolds < 2) {
            throw new IllegalArgumentException("pruningFolds must be 2 or more, got " + pruningFolds);
        }
        if (unpruned && reducedErrorPruning) {
            throw new IllegalArgumentException("unpruned and reducedErrorPruning exclude each other");
        }
    }

    /** J48's own defaults: confidence 0.25, 2 per leaf, pruned by confidence, 3 folds for reduced-error pruning. */
    public static J48Options defaults() {
        return new J48Options(0.25, 2, false, false, false, 3);
    }

    /** The same with another minimum leaf size. */
    public J48Options withMinLeaf(int m) {
        return new J48Options(confidence, m, unpruned, binarySplits, reducedErrorPruning, pruningFolds);
    }
}
