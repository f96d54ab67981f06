package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Holm;
import io.liquidlens.stats.Interval;
import io.liquidlens.stats.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Intervals and comparisons of hand-made models: one, its exact copy, and one that clearly differs. */
class EvidenceTest {
    private static final int EPISODES = 10;
    private static final int PER_EPISODE = 12;
    private static final List<Condition> CONDITIONS = List.of(new Condition("clean", "noise", 0, Distractors.none()),
            new Condition("noise 0.1", "noise", 0.1, new Distractors(0, 0, 0.1, 0, 0, false, 7)));
    private static final List<ModelAudit> MODELS = List.of(model("a", 0, 0), model("a-copy", 0, 0),
            model("b", 0.2, 30));
    private static final Evidence EVIDENCE = Evidence.of(MODELS, 11);

    @Test
    void intervalsAreTheBlockBootstrapOfEachSeries() {
        FrameMetrics frames = MODELS.get(2).conditions().get(1).frames();
        BlockBootstrap direct = BlockBootstrap.of(Blocks.of(frames.episodeOfFrame()), 11);
        double[] ssim = frames.ssim().stream().mapToDouble(Double::doubleValue).toArray();
        assertThat(EVIDENCE.interval("b", "noise 0.1", "ssim", "median"))
                .isEqualTo(direct.interval(ssim, Statistic.MEDIAN, 0.95));
        assertThat(EVIDENCE.interval("b", "noise 0.1", "ssim", "mean"))
                .isEqualTo(direct.interval(ssim, Statistic.MEAN, 0.95));
        assertThat(EVIDENCE.interval("b", "noise 0.1", "ssim", "median").contains(Statistic.MEDIAN.of(ssim))).isTrue();
        assertThat(EVIDENCE.interval("b", "noise 0.1", "distractor_share", "mean").isDefined())
                .as("no labels, no interval").isFalse();
        assertThat(EVIDENCE.blocks()).isEqualTo("whole episodes (10 blocks)");
        assertThat(EVIDENCE.seed()).isEqualTo(11);
    }

    @Test
    void crashRatesGetTheExactPoissonInterval() {
        Evidence.CrashRate rate = EVIDENCE.crashRate("b", "clean").orElseThrow();
        assertThat(rate.rate()).isEqualTo(30 / 5.0);
        assertThat(rate.interval().low()).isBetween(4.0, 4.1);
        assertThat(rate.interval().high()).isBetween(8.5, 8.6);
        assertThat(EVIDENCE.crashRate("a", "clean").orElseThrow().interval().high()).isGreaterThan(0);
    }

    @Test
    void everyPairIsComparedOnceAndHolmAdjustsOverAllOfThem() {
        // ssim and deviation (the shares have no labels) under 2 conditions, and crash rates under 2, for 3 pairs
        assertThat(EVIDENCE.comparisons()).hasSize((2 * 2 + 2) * 3);
        double[] p = EVIDENCE.comparisons().stream().mapToDouble(Evidence.Comparison::pValue).toArray();
        double[] adjusted = EVIDENCE.comparisons().stream().mapToDouble(Evidence.Comparison::pAdjusted).toArray();
        assertThat(adjusted).containsExactly(Holm.adjust(p));
        assertThat(EVIDENCE.correction()).contains("Holm", "18 comparisons");
        assertThat(EVIDENCE.comparisons()).extracting(Evidence.Comparison::test).containsOnly(Evidence.PAIRED_TEST,
                Evidence.CRASH_TEST);
    }

    @Test
    void aCopyIsNotDifferentAndAClearlyDifferentModelIs() {
        Evidence.Comparison same = comparison("ssim", "noise 0.1", "a", "a-copy");
        assertThat(same.difference()).isZero();
        assertThat(same.pValue()).isEqualTo(1);
        assertThat(same.significant(0.95)).isFalse();
        Evidence.Comparison different = comparison("ssim", "noise 0.1", "a", "b");
        assertThat(different.difference()).as("a minus b: b lost 0.2 of its SSIM")
                .isCloseTo(0.2, org.assertj.core.api.Assertions.within(0.05));
        assertThat(different.interval().contains(0)).isFalse();
        assertThat(different.pValue()).as("no replicate on the far side of zero: the bootstrap's smallest p")
                .isEqualTo(2.0 / (1 + EVIDENCE.comparisonResamples()));
        assertThat(different.pAdjusted()).isLessThan(0.05);
        assertThat(different.significant(0.95)).isTrue();
        Evidence.Comparison crashes = comparison(Evidence.CRASH_RATE, "clean", "a", "b");
        assertThat(crashes.difference()).isEqualTo(-6.0);
        assertThat(crashes.pValue()).isCloseTo(2 * Math.pow(0.5, 30), org.assertj.core.api.Assertions.within(1e-20));
        assertThat(crashes.interval().isDefined()).isFalse();
        assertThat(comparison(Evidence.CRASH_RATE, "clean", "a", "a-copy").pValue()).isEqualTo(1);
    }

    private static Evidence.Comparison comparison(String metric, String condition, String a, String b) {
        return EVIDENCE.comparisons().stream().filter(c -> c.metric().equals(metric)
                && c.condition().equals(condition) && c.modelA().equals(a) && c.modelB().equals(b)).findFirst()
                .orElseThrow();
    }

    /** A model whose SSIM is lower by {@code ssimDrop} under noise, driven 10 x 500 steps with {@code crashes}. */
    private static ModelAudit model(String name, double ssimDrop, int crashes) {
        List<ConditionResult> results = new ArrayList<>();
        for (Condition c : CONDITIONS) {
            // the same draws for every model, so a copy is an exact copy
            SplittableRandom random = new SplittableRandom(c.name().hashCode());
            List<Integer> steps = new ArrayList<>();
            List<Integer> episodes = new ArrayList<>();
            List<Double> ssim = new ArrayList<>();
            List<Double> deviation = new ArrayList<>();
            List<Double> none = new ArrayList<>();
            for (int e = 0; e < EPISODES; e++) {
                double episodeShift = 0.05 * random.nextGaussian();
                for (int t = 0; t < PER_EPISODE; t++) {
                    steps.add(e * 100 + t);
                    episodes.add(e);
                    ssim.add(0.9 - c.level() - (c.level() > 0 ? ssimDrop : 0) + episodeShift
                            + 0.02 * random.nextGaussian());
                    deviation.add(c.level() * Math.abs(random.nextGaussian()));
                    none.add(Double.NaN);
                }
            }
            FrameMetrics frames = new FrameMetrics(steps, episodes, ssim, deviation, none, none, none, none);
            results.add(new ConditionResult(c, frames, new ClosedLoopResult(10, 500, 3, crashes, 0.1, 0.5)));
        }
        return new ModelAudit(name, "test", results, List.of(), List.of());
    }

    @Test
    void enoughReplicatesThatTheSmallestPValueSurvivesHolmsCorrection() {
        for (int m : new int[] {1, 18, 120, 5000}) {
            int r = Evidence.comparisonResamples(m);
            assertThat(m * 2.0 / (1 + r)).as("%d comparisons", m).isLessThan(0.05);
            assertThat(r).isGreaterThanOrEqualTo(BlockBootstrap.DEFAULT_RESAMPLES);
        }
        assertThat(Evidence.comparisonResamples(1_000_000)).isEqualTo(BlockBootstrap.MAX_RESAMPLES);
    }

    @Test
    void anUndefinedIntervalIsReportedForAnUnknownSeries() {
        assertThat(EVIDENCE.interval("nobody", "clean", "ssim", "mean")).isEqualTo(Interval.undefined(0.95));
    }
}
