package io.liquidlens.stats;

import java.util.SplittableRandom;

/**
 * A seeded percentile bootstrap of a group of independently trained networks measured on the same frames, which
 * has two sources of noise: which networks training happened to produce, and which frames were measured. The
 * group's value is the mean over its members of each member's statistic over the frames. Each replicate draws as
 * many members as the group has, with replacement, and one draw of {@link Blocks} of frames shared by every member
 * (and by every group: they were all measured on those frames), and averages the drawn members' statistics over
 * the drawn frames. Blocks are drawn exactly as {@link BlockBootstrap} draws them from the same seed, from a stream
 * of their own, so a group of one member gets the block bootstrap's interval.
 *
 * @param blocks    the frame blocks resampled
 * @param resamples replicates per interval
 * @param seed      the seed of the draws
 */
public record TwoStageBootstrap(Blocks blocks, int resamples, long seed) {
    /** The most members a group may have: enough for any seed study, small enough to resample cheaply. */
    public static final int MAX_MEMBERS = 64;
    /** Mixed into the seed for the members' draws so that they do not follow the blocks' stream. */
    private static final long MEMBER_STREAM = 0x6A09E667F3BCC909L;

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code resamples} is not in [1, {@link BlockBootstrap#MAX_RESAMPLES}]
     */
    public TwoStageBootstrap {
        if (resamples < 1 || resamples > BlockBootstrap.MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be in [1, " + BlockBootstrap.MAX_RESAMPLES + "], got "
                    + resamples);
        }
    }

    /**
     * The group's value: the mean over members of each member's {@code statistic} of its values (members without a
     * value left out; NaN when none has one).
     */
    public static double value(double[][] members, Statistic statistic) {
        double[] each = new double[members.length];
        for (int m = 0; m < members.length; m++) {
            each[m] = statistic.of(members[m]);
        }
        return Statistic.MEAN.of(each);
    }

    /**
     * The interval of the group's value of {@code statistic}; {@code members[m]} holds member m's values, one per
     * frame (NaN for frames without a value).
     *
     * @throws IllegalArgumentException when there are no members, more than {@link #MAX_MEMBERS}, or a member does
     *                                  not have one value per frame of the blocks
     */
    public Interval interval(double[][] members, Statistic statistic, double level) {
        requireMembers(members);
        if (!Double.isFinite(value(members, statistic))) {
            return Interval.undefined(level);
        }
        Draws draws = new Draws(seed);
        SplittableRandom memberRandom = new SplittableRandom(seed ^ MEMBER_STREAM).split();
        Replicate replicate = new Replicate(members, statistic);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int[] pick = draws.next();
            replicates[r] = replicate.value(memberRandom, pick);
        }
        return BlockBootstrap.percentile(replicates, level);
    }

    /**
     * Compares two groups measured on the same frames: the difference of their values (a minus b) over the frames
     * where every member of both has a value, its interval from resampling each group's members independently and
     * the frame blocks jointly, and the two-sided p-value by percentile inversion, as {@link BlockBootstrap#compare}
     * gives it.
     *
     * @throws IllegalArgumentException when a group has no members or too many, or a member does not have one value
     *                                  per frame of the blocks
     */
    public BlockBootstrap.Paired compare(double[][] a, double[][] b, Statistic statistic, double level) {
        requireMembers(a);
        requireMembers(b);
        boolean[] shared = new boolean[blocks.frames()];
        java.util.Arrays.fill(shared, true);
        for (double[][] group : new double[][][] {a, b}) {
            for (double[] member : group) {
                for (int i = 0; i < shared.length; i++) {
                    shared[i] &= Double.isFinite(member[i]);
                }
            }
        }
        double[][] pa = masked(a, shared);
        double[][] pb = masked(b, shared);
        double difference = value(pa, statistic) - value(pb, statistic);
        if (!Double.isFinite(difference)) {
            return new BlockBootstrap.Paired(Double.NaN, Interval.undefined(level), Double.NaN);
        }
        Draws draws = new Draws(seed);
        SplittableRandom membersOfA = new SplittableRandom(seed ^ MEMBER_STREAM).split();
        SplittableRandom membersOfB = new SplittableRandom(~seed ^ MEMBER_STREAM).split();
        Replicate ra = new Replicate(pa, statistic);
        Replicate rb = new Replicate(pb, statistic);
        double[] replicates = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            int[] pick = draws.next();
            replicates[r] = ra.value(membersOfA, pick) - rb.value(membersOfB, pick);
        }
        return BlockBootstrap.paired(difference, replicates, level);
    }

    private static double[][] masked(double[][] group, boolean[] keep) {
        double[][] out = new double[group.length][];
        for (int m = 0; m < group.length; m++) {
            out[m] = group[m].clone();
            for (int i = 0; i < keep.length; i++) {
                if (!keep[i]) {
                    out[m][i] = Double.NaN;
                }
            }
        }
        return out;
    }

    private void requireMembers(double[][] members) {
        if (members.length == 0 || members.length > MAX_MEMBERS) {
            throw new IllegalArgumentException("a group needs 1 to " + MAX_MEMBERS + " members, got "
                    + members.length);
        }
        for (double[] m : members) {
            if (m.length != blocks.frames()) {
                throw new IllegalArgumentException(m.length + " values for " + blocks.frames() + " frames");
            }
        }
    }

    /** The block draws, one array of block indices per replicate, as {@link BlockBootstrap} draws them. */
    private final class Draws {
        private final SplittableRandom random;
        private final int[] pick = new int[blocks.count()];

        Draws(long seed) {
            random = new SplittableRandom(seed);
        }

        int[] next() {
            for (int i = 0; i < pick.length; i++) {
                pick[i] = random.nextInt(pick.length);
            }
            return pick;
        }
    }

    /** One group's replicate: its members drawn, each drawn member's statistic over the drawn frames, averaged. */
    private final class Replicate {
        private final double[][] members;
        private final Statistic statistic;
        private final double[] ofMember;
        private final int[] stamp;
        private final double[] memberStatistics;
        private double[] drawn = new double[blocks.frames() * 2];
        private int round;

        Replicate(double[][] members, Statistic statistic) {
            this.members = members;
            this.statistic = statistic;
            this.ofMember = new double[members.length];
            this.stamp = new int[members.length];
            this.memberStatistics = new double[members.length];
        }

        double value(SplittableRandom memberRandom, int[] pick) {
            round++;
            int frames = 0;
            for (int b : pick) {
                frames += blocks.end(b) - blocks.start(b);
            }
            if (frames > drawn.length) {
                drawn = new double[frames];
            }
            for (int k = 0; k < members.length; k++) {
                int m = members.length == 1 ? 0 : memberRandom.nextInt(members.length);
                // a member drawn twice in one replicate has the same statistic over the same frames
                if (stamp[m] != round) {
                    stamp[m] = round;
                    ofMember[m] = statistic.of(drawn, gather(members[m], pick));
                }
                memberStatistics[k] = ofMember[m];
            }
            return Statistic.MEAN.of(memberStatistics, memberStatistics.length);
        }

        private int gather(double[] values, int[] pick) {
            int at = 0;
            for (int b : pick) {
                int from = blocks.start(b);
                int length = blocks.end(b) - from;
                System.arraycopy(values, from, drawn, at, length);
                at += length;
            }
            return at;
        }
    }
}
