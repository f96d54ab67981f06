package io.liquidlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The two-stage bootstrap of groups of networks on hand-made frames: 10 episodes of 12 frames each. */
class TwoStageBootstrapTest {
    private static final int EPISODES = 10;
    private static final int PER_EPISODE = 12;
    private static final Blocks BLOCKS = Blocks.of(episodes());

    private static int[] episodes() {
        int[] e = new int[EPISODES * PER_EPISODE];
        for (int i = 0; i < e.length; i++) {
            e[i] = i / PER_EPISODE;
        }
        return e;
    }

    /** Members that share each episode's level (frames alike within an episode) plus their own offset and noise. */
    private static double[][] group(long seed, double... offsets) {
        Random r = new Random(seed);
        double[] episodeLevel = new double[EPISODES];
        Random shared = new Random(1);
        for (int e = 0; e < EPISODES; e++) {
            episodeLevel[e] = shared.nextGaussian();
        }
        double[][] g = new double[offsets.length][EPISODES * PER_EPISODE];
        for (int m = 0; m < offsets.length; m++) {
            for (int i = 0; i < g[m].length; i++) {
                g[m][i] = offsets[m] + episodeLevel[i / PER_EPISODE] + 0.3 * r.nextGaussian();
            }
        }
        return g;
    }

    /**
     * The two-stage bootstrap written out the plain way with its own random source: draw members, draw whole
     * episodes, take each drawn member's median over the drawn frames, average.
     */
    private static double[] plainTwoStage(double[][] members, int resamples, long seed) {
        Random r = new Random(seed);
        double[] stats = new double[resamples];
        for (int k = 0; k < resamples; k++) {
            int[] episodes = new int[EPISODES];
            for (int e = 0; e < EPISODES; e++) {
                episodes[e] = r.nextInt(EPISODES);
            }
            int[] drawnMembers = new int[members.length];
            for (int m = 0; m < members.length; m++) {
                drawnMembers[m] = r.nextInt(members.length);
            }
            double sum = 0;
            for (int m : drawnMembers) {
                double[] frames = new double[EPISODES * PER_EPISODE];
                int at = 0;
                for (int e : episodes) {
                    System.arraycopy(members[m], e * PER_EPISODE, frames, at, PER_EPISODE);
                    at += PER_EPISODE;
                }
                Arrays.sort(frames);
                sum += (frames[frames.length / 2 - 1] + frames[frames.length / 2]) / 2;
            }
            stats[k] = sum / members.length;
        }
        Arrays.sort(stats);
        return new double[] {stats[(int) (0.025 * resamples)], stats[(int) (0.975 * resamples)]};
    }

    @Test
    void agreesWithAPlainTwoStageBootstrap() {
        double[][] members = group(3, 0, 0.8, 1.5, 0.2, 2.4);
        Interval ours = new TwoStageBootstrap(BLOCKS, 20_000, 7).interval(members, Statistic.MEDIAN, 0.95);
        double[] plain = plainTwoStage(members, 20_000, 99);
        double width = plain[1] - plain[0];
        // two Monte Carlo estimates of the same interval agree to a small part of its width
        assertThat(ours.low()).isCloseTo(plain[0], within(0.06 * width));
        assertThat(ours.high()).isCloseTo(plain[1], within(0.06 * width));
        assertThat(ours.contains(TwoStageBootstrap.value(members, Statistic.MEDIAN))).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameIntervalAndAnotherSeedAnother() {
        double[][] members = group(3, 0, 0.8, 1.5);
        Interval once = new TwoStageBootstrap(BLOCKS, 2000, 5).interval(members, Statistic.MEAN, 0.95);
        assertThat(new TwoStageBootstrap(BLOCKS, 2000, 5).interval(members, Statistic.MEAN, 0.95)).isEqualTo(once);
        assertThat(new TwoStageBootstrap(BLOCKS, 2000, 6).interval(members, Statistic.MEAN, 0.95)).isNotEqualTo(once);
    }

    @Test
    void aGroupOfOneGetsTheBlockBootstrapsIntervalAndComparison() {
        double[][] one = group(3, 0.5);
        double[][] other = group(4, 0.1);
        BlockBootstrap block = new BlockBootstrap(BLOCKS, 2000, 11);
        TwoStageBootstrap twoStage = new TwoStageBootstrap(BLOCKS, 2000, 11);
        for (Statistic s : new Statistic[] {Statistic.MEAN, Statistic.MEDIAN}) {
            assertThat(twoStage.interval(one, s, 0.95)).isEqualTo(block.interval(one[0], s, 0.95));
        }
        assertThat(twoStage.compare(one, other, Statistic.MEDIAN, 0.95))
                .isEqualTo(block.compare(one[0], other[0], Statistic.MEDIAN, 0.95));
    }

    @Test
    void membersThatAgreeAddNoNoiseAndMembersThatDisagreeDo() {
        double[][] one = group(3, 0.5);
        double[][] copies = {one[0], one[0], one[0]};
        TwoStageBootstrap b = new TwoStageBootstrap(BLOCKS, 2000, 11);
        assertThat(b.interval(copies, Statistic.MEDIAN, 0.95)).isEqualTo(b.interval(one, Statistic.MEDIAN, 0.95));
        Interval agree = b.interval(group(3, 0, 0, 0, 0), Statistic.MEDIAN, 0.95);
        Interval disagree = b.interval(group(3, 0, 3, 6, 9), Statistic.MEDIAN, 0.95);
        assertThat(disagree.high() - disagree.low()).isGreaterThan(3 * (agree.high() - agree.low()));
    }

    @Test
    void groupsThatClearlyDifferAreSignificantAndAGroupIsNotDifferentFromItself() {
        double[][] a = group(3, 0, 0.2, 0.1);
        double[][] b = group(4, 3, 3.1, 3.3);
        TwoStageBootstrap boot = new TwoStageBootstrap(BLOCKS, 2000, 2);
        BlockBootstrap.Paired different = boot.compare(a, b, Statistic.MEDIAN, 0.95);
        assertThat(different.difference()).isEqualTo(TwoStageBootstrap.value(a, Statistic.MEDIAN)
                - TwoStageBootstrap.value(b, Statistic.MEDIAN));
        assertThat(different.interval().high()).isNegative();
        assertThat(different.pValue()).as("no replicate on the far side of zero").isEqualTo(2.0 / 2001);
        BlockBootstrap.Paired same = boot.compare(a, a, Statistic.MEDIAN, 0.95);
        assertThat(same.difference()).isZero();
        assertThat(same.interval().contains(0)).isTrue();
        assertThat(same.pValue()).isGreaterThan(0.05);
    }

    @Test
    void framesWithoutAValueInAnyMemberAreLeftOutOfAComparison() {
        double[][] a = group(3, 0, 1);
        double[][] b = group(4, 0, 1);
        a[1][5] = Double.NaN;
        double[][] bWithout = {b[0].clone(), b[1].clone()};
        bWithout[0][5] = Double.NaN;
        TwoStageBootstrap boot = new TwoStageBootstrap(BLOCKS, 500, 2);
        assertThat(boot.compare(a, b, Statistic.MEDIAN, 0.95))
                .isEqualTo(boot.compare(a, bWithout, Statistic.MEDIAN, 0.95));
    }

    @Test
    void badGroupsAreRefused() {
        TwoStageBootstrap b = new TwoStageBootstrap(BLOCKS, 100, 1);
        assertThatThrownBy(() -> b.interval(new double[0][], Statistic.MEAN, 0.95))
                .hasMessage("a group needs 1 to 64 members, got 0");
        assertThatThrownBy(() -> b.interval(new double[65][EPISODES * PER_EPISODE], Statistic.MEAN, 0.95))
                .hasMessage("a group needs 1 to 64 members, got 65");
        assertThatThrownBy(() -> b.interval(new double[][] {new double[3]}, Statistic.MEAN, 0.95))
                .hasMessage("3 values for 120 frames");
        assertThatThrownBy(() -> new TwoStageBootstrap(BLOCKS, 0, 1)).hasMessageContaining("resamples");
    }
}
