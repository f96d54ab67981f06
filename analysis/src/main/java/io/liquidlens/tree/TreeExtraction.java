package io.liquidlens.tree;

import io.liquidlens.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts a tree and measures its faithfulness: a tree trained on the training episodes and tested on the held-out
 * ones (the reported fidelity, with its 95% interval), a cross-validation with folds grouped by episode (each fold's
 * tree trained on the other folds), and optionally a sweep over the minimum leaf size, from which the reported tree
 * can be chosen ({@link TreeChoice}). All splits are by episode ({@link EpisodeSplit}); Weka's own cross-validation,
 * by random row, is not used for any reported number. Each tree learns from at most {@link TreeOptions#maxRows()} of
 * its training rows ({@link TrainingRows}); every fidelity counts every row.
 */
public final class TreeExtraction {
    private final TreeLearner learner;

    /** An extraction with {@code learner} (e.g. {@code new J48Learner()}). */
    public TreeExtraction(TreeLearner learner) {
        this.learner = learner;
    }

    /** Runs the extraction on {@code data}. */
    public TreeResult run(TreeDataset data, TreeOptions options, Provenance provenance, TreeProgress progress) {
        EpisodeSplit split = EpisodeSplit.of(data, options);
        int[] train = split.rows(false);
        int[] test = split.rows(true);
        if (train.length == 0) {
            throw new IllegalArgumentException("no training rows once the held-out episodes are removed");
        }
        boolean choose = options.choice() == TreeChoice.SMALLEST_WITHIN_BEST;
        int stages = (choose ? 0 : 1) + split.folds() + options.sweep().size();
        int done = 0;
        progress.progress("training trees", done, stages);
        int[] learnFrom = TrainingRows.capped(train, options.maxRows());

        List<SweepPoint> sweep = new ArrayList<>();
        List<DecisionTree> sweepTrees = new ArrayList<>();
        List<FidelityInterval> sweepIntervals = new ArrayList<>();
        for (int m : options.sweep()) {
            DecisionTree t = learner.learn(data, learnFrom, options.j48().withMinLeaf(m));
            FidelityInterval ci = FidelityInterval.of(t, data, split, test, options.seed());
            sweepTrees.add(t);
            sweepIntervals.add(ci);
            sweep.add(new SweepPoint(m, t.leaves(), t.size(), t.depth(), Faithfulness.of(t, data, test).fidelity(),
                    Faithfulness.of(t, data, train).fidelity(), ci.interval()));
            progress.progress("training trees", ++done, stages);
        }
        J48Options j48 = options.j48();
        DecisionTree tree;
        FidelityInterval interval;
        if (choose) {
            int k = TreeChoice.smallestWithinBest(sweep);
            j48 = j48.withMinLeaf(sweep.get(k).minLeaf());
            tree = sweepTrees.get(k);
            // the same tree on the same steps with the same seed: its interval is already drawn
            interval = sweepIntervals.get(k);
        } else {
            tree = learner.learn(data, learnFrom, j48);
            interval = FidelityInterval.of(tree, data, split, test, options.seed());
            progress.progress("training trees", ++done, stages);
        }
        Faithfulness held = Faithfulness.of(tree, data, test);
        Faithfulness training = Faithfulness.of(tree, data, train);

        List<Faithfulness> folds = new ArrayList<>();
        for (int k = 0; k < split.folds(); k++) {
            int[] foldTrain = split.foldRows(k, false);
            int[] foldTest = split.foldRows(k, true);
            if (foldTrain.length > 0 && foldTest.length > 0) {
                DecisionTree t = learner.learn(data, TrainingRows.capped(foldTrain, options.maxRows()), j48);
                folds.add(Faithfulness.of(t, data, foldTest));
            }
            progress.progress("training trees", ++done, stages);
        }
        Faithfulness cv = Faithfulness.pooled(folds, data.classNames().size());
        return new TreeResult(data, split, tree, j48.minLeaf(), held, interval, training, folds, cv, sweep, options,
                provenance);
    }
}
