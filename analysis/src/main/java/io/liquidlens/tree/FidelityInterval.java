package io.liquidlens.tree;

import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Interval;
import io.liquidlens.stats.Statistic;
import java.util.Locale;

/**
 * How sure a held-out fidelity is (docs/ANALYSES.md#statistics): the 95% percentile interval of the share of
 * agreeing steps from a seeded block bootstrap over the held-out steps. Neighbouring steps agree or disagree
 * together, so steps are resampled in blocks: whole held-out episodes when there are at least
 * {@link Blocks#MIN_EPISODES}, else contiguous runs within each (the split's groups stand for episodes, so a single
 * episode's held-out blocks are never joined across the steps between them).
 *
 * @param interval  the interval of the fidelity
 * @param resampled what the bootstrap resampled, in words (e.g. {@code whole episodes (8 blocks)})
 */
public record FidelityInterval(Interval interval, String resampled) {
    /** The coverage of every fidelity interval. */
    public static final double LEVEL = 0.95;

    /**
     * The interval of {@code tree}'s agreement with {@code data}'s labels on {@code rows} (ascending, e.g. the
     * held-out rows of {@code split}), resampling the split's groups, drawn from {@code seed}.
     */
    public static FidelityInterval of(DecisionTree tree, TreeDataset data, EpisodeSplit split, int[] rows, long seed) {
        double[] agree = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            agree[i] = tree.classify(data.row(rows[i])) == data.labels()[rows[i]] ? 1 : 0;
        }
        return of(agree, split.groupsOf(rows), seed);
    }

    /**
     * The interval of the mean of {@code agree} (1 where the tree agrees, 0 where not), one per step, whose episodes
     * (or groups) are {@code groupOfStep} (each group's steps consecutive).
     */
    static FidelityInterval of(double[] agree, int[] groupOfStep, long seed) {
        if (agree.length == 0) {
            return new FidelityInterval(Interval.undefined(LEVEL), "no steps");
        }
        Blocks blocks = Blocks.of(groupOfStep);
        return new FidelityInterval(BlockBootstrap.of(blocks, seed).interval(agree, Statistic.MEAN, LEVEL),
                blocks.describe());
    }

    /** {@code [low, high]} with four decimals, as the summary line and captions print it. */
    public String text() {
        return text(interval);
    }

    /** {@code interval} as {@code [low, high]} with four decimals. */
    static String text(Interval interval) {
        return String.format(Locale.ROOT, "[%.4f, %.4f]", interval.low(), interval.high());
    }
}
