package io.liquidlens.stats;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * A seeded percentile bootstrap over {@link Blocks}: each replicate draws as many blocks as there are, with
 * replacement, and computes the statistic on the frames they hold. The same seed gives the same interval.
 * Intervals are the type-7 quantiles of the replicates at (1 - level) / 2 and (1 + level) / 2.
 *
 * @param blocks    the units resampled
 * @param resamples replicates per interval
 * @param seed      the seed of the draws
 */
public record BlockBootstrap(Blocks blocks, int resamples, long seed) {
    /** Replicates per interval unless asked otherwise: enough for the 2.5% and 97.5% points to settle. */
    public static final int DEFAULT_RESAMPLES = 2000;
    /** The most replicates an option may ask for (time and memory grow with it). */
    public static final int MAX_RESAMPLES = 1_000_000;

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code resamples} is not in [1, {@link #MAX_RESAMPLES}]
     */
    public BlockBootstrap {
        if (resamples < 1 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be in [1, " + MAX_RESAMPLES + "], got " + resamples);
        }
    }

    /** A bootstrap of {@link #DEFAULT_RESAMPLES} replicates over {@code blocks}. */
    public static BlockBootstrap of(Blocks blocks, long seed) {
        return new BlockBootstrap(blocks, DEFAULT_RESAMPLES, seed);
    }

    /**
     * The interval of {@code statistic} of {@code values} (one per frame, NaN for frames without a value).
     *
     * @throws IllegalArgumentException when there is not one value per frame of the blocks
     */
    public Interval interval(double[] values, Statistic statistic, double level) {
        requireFrames(values.length);
        if (!Double.isFinite(statistic.of(values))) {
            return Interval.undefined(level);
        }
        double[] replicates = new double[resamples];
        double[] drawn = new double[blocks.frames() * 2];
        int[] pick = new int[blocks.count()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            draw(random, pick);
            drawn = ensure(drawn, pick);
            replicates[r] = statistic.of(drawn, gather(values, pick, drawn));
        }
        return percentile(replicates, level);
    }

    /**
     * The interval of a statistic that is not a summary of one value per frame (a PCA of the frames' states, the
     * largest change within the frames): {@code ofBlocks} computes it from the blocks drawn, given by their
     * indices (a block drawn twice appears twice). The observed value is {@code ofBlocks} of every block once.
     */
    public Interval interval(ToDoubleFunction<int[]> ofBlocks, double level) {
        if (!Double.isFinite(ofBlocks.applyAsDouble(java.util.stream.IntStream.range(0, blocks.count()).toArray()))) {
            return Interval.undefined(level);
        }
        double[] replicates = new double[resamples];
        int[] pick = new int[blocks.count()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            draw(random, pick);
            replicates[r] = ofBlocks.applyAsDouble(pick);
        }
        return percentile(replicates, level);
    }

    /**
     * Compares two series measured on the same frames: the difference of {@code statistic} (a minus b) over the
     * frames where both have a value, its interval from resampling the same blocks for both, and a two-sided
     * p-value for "no difference": twice the share of replicates on the far side of zero (each count plus one, so
     * it is never 0), the smallest 1 - level whose percentile interval would leave zero out, so the p-value and
     * the interval never tell different stories.
     *
     * @throws IllegalArgumentException when a series does not have one value per frame of the blocks
     */
    public Paired compare(double[] a, double[] b, Statistic statistic, double level) {
        requireFrames(a.length);
        requireFrames(b.length);
        double[] pa = a.clone();
        double[] pb = b.clone();
        for (int i = 0; i < pa.length; i++) {
            if (!Double.isFinite(pa[i]) || !Double.isFinite(pb[i])) {
                pa[i] = Double.NaN;
                pb[i] = Double.NaN;
            }
        }
        double difference = statistic.of(pa) - statistic.of(pb);
        if (!Double.isFinite(difference)) {
            return new Paired(Double.NaN, Interval.undefined(level), Double.NaN);
        }
        double[] replicates = new double[resamples];
        double[] drawnA = new double[blocks.frames() * 2];
        double[] drawnB = new double[blocks.frames() * 2];
        int[] pick = new int[blocks.count()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            draw(random, pick);
            drawnA = ensure(drawnA, pick);
            drawnB = ensure(drawnB, pick);
            int count = gather(pa, pick, drawnA);
            gather(pb, pick, drawnB);
            replicates[r] = statistic.of(drawnA, count) - statistic.of(drawnB, count);
        }
        return paired(difference, replicates, level);
    }

    /**
     * A comparison from its replicates of the difference: the percentile interval, and the two-sided p-value by
     * percentile inversion (twice the share of replicates on the far side of zero, each count plus one). A replicate
     * with nothing in it (NaN: every drawn frame without a value) counts on neither side.
     */
    static Paired paired(double difference, double[] replicates, double level) {
        int atOrBelowZero = 0;
        int atOrAboveZero = 0;
        for (double d : replicates) {
            if (d <= 0) {
                atOrBelowZero++;
            }
            if (d >= 0) {
                atOrAboveZero++;
            }
        }
        double p = Math.min(1, 2 * (1.0 + Math.min(atOrBelowZero, atOrAboveZero)) / (1.0 + replicates.length));
        return new Paired(difference, percentile(replicates, level), p);
    }

    /**
     * A paired comparison.
     *
     * @param difference the statistic of a minus that of b
     * @param interval   the difference's bootstrap interval
     * @param pValue     two-sided, uncorrected for other comparisons ({@link Holm} corrects)
     */
    public record Paired(double difference, Interval interval, double pValue) {
    }

    private void draw(SplittableRandom random, int[] pick) {
        for (int i = 0; i < pick.length; i++) {
            pick[i] = random.nextInt(pick.length);
        }
    }

    /** {@code buffer}, or a larger one when the drawn blocks hold more frames than it can (short blocks repeat). */
    private double[] ensure(double[] buffer, int[] pick) {
        int size = 0;
        for (int b : pick) {
            size += blocks.end(b) - blocks.start(b);
        }
        return size <= buffer.length ? buffer : new double[size];
    }

    private int gather(double[] values, int[] pick, double[] into) {
        int at = 0;
        for (int b : pick) {
            int from = blocks.start(b);
            int length = blocks.end(b) - from;
            System.arraycopy(values, from, into, at, length);
            at += length;
        }
        return at;
    }

    /** The percentile interval of {@code replicates} at {@code level}: their type-7 quantiles (NaN replicates left out). */
    static Interval percentile(double[] replicates, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double low = Statistic.quantile(replicates.clone(), replicates.length, (1 - level) / 2);
        double high = Statistic.quantile(replicates, replicates.length, (1 + level) / 2);
        return new Interval(low, high, level);
    }

    private void requireFrames(int n) {
        if (n != blocks.frames()) {
            throw new IllegalArgumentException(n + " values for " + blocks.frames() + " frames");
        }
    }
}
