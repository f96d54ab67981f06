package io.liquidlens.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockBootstrapTest {

    private static double[] normal(int n, long seed, double mean, double sd) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * r.nextGaussian();
        }
        return v;
    }

    /** A percentile bootstrap written out the plain way, with its own random source. */
    private static double[] plainBootstrap(double[] v, boolean median, int resamples, long seed) {
        Random r = new Random(seed);
        double[] stats = new double[resamples];
        for (int k = 0; k < resamples; k++) {
            double[] s = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                s[i] = v[r.nextInt(v.length)];
            }
            Arrays.sort(s);
            stats[k] = median ? (s[(s.length - 1) / 2] + s[s.length / 2]) / 2 : Arrays.stream(s).average().orElseThrow();
        }
        Arrays.sort(stats);
        return new double[] {stats[(int) (0.025 * resamples)], stats[(int) (0.975 * resamples)]};
    }

    @Test
    void independentFramesGiveThePlainBootstrap() {
        double[] v = normal(150, 1, 2, 3);
        BlockBootstrap b = new BlockBootstrap(Blocks.independent(v.length), 20_000, 7);
        for (boolean median : new boolean[] {false, true}) {
            Interval ours = b.interval(v, median ? Statistic.MEDIAN : Statistic.MEAN, 0.95);
            double[] plain = plainBootstrap(v, median, 20_000, 99);
            // two Monte Carlo estimates of the same interval: they agree to a small part of its width
            double width = plain[1] - plain[0];
            assertThat(ours.low()).isCloseTo(plain[0], within(0.06 * width));
            assertThat(ours.high()).isCloseTo(plain[1], within(0.06 * width));
        }
        // and the mean's interval is the textbook mean +- 1.96 s / sqrt(n)
        Interval mean = b.interval(v, Statistic.MEAN, 0.95);
        double m = Arrays.stream(v).average().orElseThrow();
        double s = Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
        assertThat(mean.low()).isCloseTo(m - 1.96 * s / Math.sqrt(v.length), within(0.05 * s));
        assertThat(mean.high()).isCloseTo(m + 1.96 * s / Math.sqrt(v.length), within(0.05 * s));
    }

    @Test
    void wholeEpisodesResampleAsUnits() {
        // ten episodes of five frames, constant within each: resampling episodes is resampling their ten values
        double[] perEpisode = normal(10, 3, 0, 1);
        int[] episodeOf = new int[50];
        double[] frames = new double[50];
        for (int i = 0; i < 50; i++) {
            episodeOf[i] = i / 5;
            frames[i] = perEpisode[i / 5];
        }
        Blocks blocks = Blocks.of(episodeOf);
        assertThat(blocks.count()).isEqualTo(10);
        assertThat(blocks.describe()).isEqualTo("whole episodes (10 blocks)");
        Interval byFrames = new BlockBootstrap(blocks, 4000, 5).interval(frames, Statistic.MEAN, 0.9);
        Interval byEpisodes = new BlockBootstrap(Blocks.independent(10), 4000, 5).interval(perEpisode, Statistic.MEAN,
                0.9);
        assertThat(byFrames.low()).isCloseTo(byEpisodes.low(), within(1e-12));
        assertThat(byFrames.high()).isCloseTo(byEpisodes.high(), within(1e-12));
    }

    @Test
    void correlatedFramesGetAWiderIntervalThanIfTheyWereIndependent() {
        SplittableRandom r = new SplittableRandom(11);
        double[] v = new double[600];
        for (int i = 1; i < v.length; i++) {
            v[i] = 0.95 * v[i - 1] + Math.sqrt(1 - 0.95 * 0.95) * (r.nextDouble() - 0.5) * Math.sqrt(12);
        }
        Blocks blocks = Blocks.of(new int[600]);
        assertThat(blocks.describe()).isEqualTo("contiguous blocks of 8 frames of the one episode (75 blocks)");
        Interval naive = BlockBootstrap.of(Blocks.independent(600), 1).interval(v, Statistic.MEAN, 0.95);
        Interval blocked = BlockBootstrap.of(blocks, 1).interval(v, Statistic.MEAN, 0.95);
        assertThat(blocked.high() - blocked.low()).isGreaterThan(2 * (naive.high() - naive.low()));
    }

    @Test
    void blocksNeverStraddleEpisodes() {
        int[] episodeOf = new int[30];
        for (int i = 0; i < 30; i++) {
            episodeOf[i] = i < 10 ? 4 : 2;
        }
        Blocks blocks = Blocks.of(episodeOf);
        assertThat(blocks.describe()).startsWith("contiguous blocks of 3 frames within each of 2 episodes");
        for (int b = 0; b < blocks.count(); b++) {
            assertThat(episodeOf[blocks.start(b)]).isEqualTo(episodeOf[blocks.end(b) - 1]);
        }
        assertThatThrownBy(() -> Blocks.of(new int[] {0, 0, 1, 0})).hasMessageContaining("not consecutive");
    }

    @Test
    void sameSeedSameIntervalAndNanFramesAreLeftOut() {
        double[] v = normal(80, 4, 1, 1);
        v[3] = Double.NaN;
        BlockBootstrap b = BlockBootstrap.of(Blocks.of(new int[80]), 42);
        Interval first = b.interval(v, Statistic.MEDIAN, 0.95);
        assertThat(b.interval(v, Statistic.MEDIAN, 0.95)).isEqualTo(first);
        assertThat(first.isDefined()).isTrue();
        double[] none = new double[80];
        Arrays.fill(none, Double.NaN);
        assertThat(b.interval(none, Statistic.MEAN, 0.95).isDefined()).isFalse();
        assertThatThrownBy(() -> b.interval(new double[3], Statistic.MEAN, 0.95)).hasMessageContaining("3 values");
    }

    @Test
    void pairedComparisonFindsAShiftAndNotNoise() {
        double[] b = normal(200, 5, 0, 1);
        double[] shifted = b.clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 0.5;
        }
        BlockBootstrap boot = BlockBootstrap.of(Blocks.of(new int[200]), 3);
        BlockBootstrap.Paired shift = boot.compare(shifted, b, Statistic.MEDIAN, 0.95);
        assertThat(shift.difference()).isCloseTo(0.5, within(1e-12));
        assertThat(shift.interval().low()).isCloseTo(0.5, within(1e-12));
        assertThat(shift.pValue()).isCloseTo(2.0 / 2001, within(1e-12));
        assertThat(boot.compare(b, b, Statistic.MEDIAN, 0.95).pValue()).isEqualTo(1.0);

        // two unrelated noise series: "significant at 5%" about one time in twenty, not more
        int rejected = 0;
        int trials = 100;
        for (int t = 0; t < trials; t++) {
            BlockBootstrap.Paired p = new BlockBootstrap(Blocks.independent(60), 500, t)
                    .compare(normal(60, 1000 + t, 0, 1), normal(60, 2000 + t, 0, 1), Statistic.MEAN, 0.95);
            // the p-value and the interval agree on whether zero is plausible (away from the boundary)
            if (p.pValue() < 0.04) {
                assertThat(p.interval().contains(0)).isFalse();
            } else if (p.pValue() > 0.06) {
                assertThat(p.interval().contains(0)).isTrue();
            }
            if (p.pValue() < 0.05) {
                rejected++;
            }
        }
        assertThat(rejected).isBetween(1, 12);
    }

    @Test
    void holmAdjustsStepDownAndKeepsOrder() {
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, Double.NaN, 0.03, 0.005});
        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[2]).isNaN();
        assertThat(adjusted[3]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[4]).isCloseTo(0.02, within(1e-15));
        assertThat(Holm.adjust(new double[] {0.6, 0.9})).containsExactly(1.0, 1.0);
    }

    @Test
    void aStatisticOfTheDrawnBlocksSeesTheSameDrawsAsOneOfTheirFrames() {
        Random rng = new Random(5);
        double[] values = new double[90];
        Arrays.setAll(values, i -> rng.nextGaussian() + i * 0.01);
        Blocks blocks = Blocks.of(new int[90]);
        BlockBootstrap bootstrap = new BlockBootstrap(blocks, 500, 11);
        Interval byFrames = bootstrap.interval(values, Statistic.MEAN, 0.9);
        Interval byBlocks = bootstrap.interval(pick -> {
            double sum = 0;
            int n = 0;
            for (int b : pick) {
                for (int t = blocks.start(b); t < blocks.end(b); t++) {
                    sum += values[t];
                    n++;
                }
            }
            return sum / n;
        }, 0.9);
        assertThat(byBlocks).isEqualTo(byFrames);
        assertThat(bootstrap.interval(pick -> Double.NaN, 0.9).isDefined()).isFalse();
    }
}
