package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Groups of hand-made networks: two groups of three seeds that differ in SSIM under noise, and one model alone. */
class GroupEvidenceTest {
    private static final int EPISODES = 10;
    private static final int PER_EPISODE = 12;
    private static final List<Condition> CONDITIONS = List.of(new Condition("clean", "noise", 0, Distractors.none()),
            new Condition("noise 0.1", "noise", 0.1, new Distractors(0, 0, 0.1, 0, 0, false, 7)));
    private static final List<ModelAudit> MODELS = List.of(model("a/1", 0.00, 0), model("a/2", 0.03, 3),
            model("a/3", -0.02, 1675), model("b/1", 0.20, 1), model("b/2", 0.22, 2), model("b/3", 0.18, 0),
            model("c", 0.1, 4));
    private static final List<ModelGroup> GROUPS = List.of(new ModelGroup("a", List.of("a/1", "a/2", "a/3")),
            new ModelGroup("b", List.of("b/1", "b/2", "b/3")), new ModelGroup("c", List.of("c")));
    private static final Evidence EVIDENCE = Evidence.of(MODELS, GROUPS, 11);

    @Test
    void groupsAreComparedInsteadOfModelsWithHolmOverTheGroupComparisons() {
        assertThat(EVIDENCE.byGroup()).isTrue();
        // ssim and deviation (no labels for the shares) under 2 conditions, and crash rates under 2, for 3 pairs
        assertThat(EVIDENCE.comparisons()).hasSize((2 * 2 + 2) * 3);
        assertThat(EVIDENCE.comparisons()).extracting(Evidence.Comparison::modelA).containsOnly("a", "b");
        assertThat(EVIDENCE.comparisons()).extracting(Evidence.Comparison::modelB).containsOnly("b", "c");
        assertThat(EVIDENCE.correction()).contains("18 comparisons");
        assertThat(EVIDENCE.comparisonResamples()).isEqualTo(Evidence.comparisonResamples(18));
    }

    @Test
    void aGroupComparisonIsTheDifferenceOfTheMeanMediansTestedByPermutingTheSeeds() {
        Evidence.Comparison ssim = comparison("ssim", "noise 0.1", "a", "b");
        double a = meanOfMedians("ssim", "noise 0.1", 0, 1, 2);
        double b = meanOfMedians("ssim", "noise 0.1", 3, 4, 5);
        assertThat(ssim.difference()).isCloseTo(a - b, within(1e-12)).isCloseTo(0.2, within(0.03));
        assertThat(ssim.interval().contains(0)).as("the two-stage bootstrap's interval").isFalse();
        // every seed of a has a higher median than every seed of b: only that split and its mirror are as far
        assertThat(ssim.pValue()).isEqualTo(2 / 20.0);
        assertThat(ssim.test()).startsWith("exact permutation test of the members' medians (exact permutation test"
                + " of the difference of means (all 20 splits)");
        assertThat(ssim.significant(0.95)).as("three seeds against three can never reach 5%").isFalse();
        assertThat(comparison("ssim", "noise 0.1", "a", "c").pValue())
                .as("3 against 1: of the 4 splits only the observed one (c's median the lowest of the four, further"
                        + " from their mean than the highest) is as far").isEqualTo(0.25);
    }

    @Test
    void eachGroupComparisonOfASeriesKeepsTheTwoStageBootstrapsPValueAsACheck() {
        GroupEvidence.BootstrapCheck check = EVIDENCE.groups().bootstrapCheck("ssim", "noise 0.1", "a", "b")
                .orElseThrow();
        assertThat(check.test()).isEqualTo(GroupEvidence.BOOTSTRAP_CHECK);
        assertThat(check.pValue()).as("the bootstrap, too liberal with 3 seeds, calls it clear").isLessThan(0.01);
        assertThat(EVIDENCE.groups().bootstrapCheck(Evidence.CRASH_RATE, "clean", "a", "b")).isEmpty();
    }

    @Test
    void holmIsMadeWithinEachMetricAndCondition() {
        assertThat(EVIDENCE.correction()).contains("within each metric and condition").contains("6 questions");
        for (Evidence.Comparison c : EVIDENCE.comparisons()) {
            List<Double> family = EVIDENCE.comparisons().stream().filter(o -> o.metric().equals(c.metric())
                    && o.condition().equals(c.condition())).map(Evidence.Comparison::pValue).toList();
            double smallest = family.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            if (c.pValue() == smallest) {
                assertThat(c.pAdjusted()).isEqualTo(Math.min(1, smallest * family.size()));
            }
        }
    }

    @Test
    void crashRatesOfSeedsAreComparedByAnExactPermutationTestNotByPoisson() {
        Evidence.Comparison crashes = comparison(Evidence.CRASH_RATE, "clean", "a", "b");
        // per 1000 steps a = {0, 0.6, 335}, b = {0.2, 0.4, 0}: a's sum 335.6 is 167.5 above its share 168.1 of
        // 336.2; the splits as far are the 5 three-subsets holding 335 with a sum of at least 335.6 and their 5
        // complements: p = 10 / 20, where a pooled Poisson test would call 1678 crashes against 3 certain
        assertThat(crashes.pValue()).isEqualTo(0.5);
        assertThat(crashes.test()).startsWith("exact permutation test of the difference of means (all 20 splits)");
        assertThat(crashes.difference()).isCloseTo((0 + 0.6 + 335) / 3 - (0.2 + 0.4 + 0) / 3, within(1e-9));
        assertThat(crashes.interval().isDefined()).isFalse();
    }

    @Test
    void aGroupSummaryShowsTheSpreadBetweenSeedsBesideTheSpreadWithinFrames() {
        GroupEvidence.GroupSummary s = EVIDENCE.groups().summary("a", "noise 0.1", "ssim", "median").orElseThrow();
        double[] members = new double[3];
        double widths = 0;
        for (int m = 0; m < 3; m++) {
            members[m] = Statistic.MEDIAN.of(series(m, "ssim", "noise 0.1"));
            var own = EVIDENCE.interval(MODELS.get(m).name(), "noise 0.1", "ssim", "median");
            widths += own.high() - own.low();
        }
        assertThat(s.members()).containsExactly(members[0], members[1], members[2]);
        assertThat(s.value()).isCloseTo((members[0] + members[1] + members[2]) / 3, within(1e-12));
        double mean = s.value();
        double sd = Math.sqrt(((members[0] - mean) * (members[0] - mean) + (members[1] - mean) * (members[1] - mean)
                + (members[2] - mean) * (members[2] - mean)) / 2);
        assertThat(s.memberSd()).isCloseTo(sd, within(1e-12));
        assertThat(s.memberMin()).isEqualTo(Math.min(members[0], Math.min(members[1], members[2])));
        assertThat(s.withinWidth()).isCloseTo(widths / 3, within(1e-12));
        assertThat(s.interval().contains(s.value())).isTrue();
        // a model alone is a group of one: no spread between seeds, and the block bootstrap's own interval
        GroupEvidence.GroupSummary c = EVIDENCE.groups().summary("c", "noise 0.1", "ssim", "median").orElseThrow();
        assertThat(c.memberSd()).isNaN();
        assertThat(c.interval()).isEqualTo(EVIDENCE.interval("c", "noise 0.1", "ssim", "median"));
    }

    @Test
    void aGroupsCrashRateIsTheMeanOfItsMembersWithAnIntervalOverMembers() {
        GroupEvidence.GroupCrashRate a = EVIDENCE.groups().crashRate("a", "clean").orElseThrow();
        assertThat(a.members()).containsExactly(0.0, 0.6, 335.0);
        assertThat(a.rate()).isCloseTo(335.6 / 3, within(1e-9));
        assertThat(a.interval()).isEqualTo(BlockBootstrap.of(Blocks.independent(3), 11)
                .interval(new double[] {0, 0.6, 335}, Statistic.MEAN, 0.95));
        assertThat(a.interval().low()).isZero();
        assertThat(a.interval().high()).isEqualTo(335.0);
    }

    @Test
    void modelsThatAllStandAloneAreComparedExactlyAsWithoutGroups() {
        List<ModelAudit> three = MODELS.subList(0, 3);
        List<ModelGroup> alone = three.stream().map(m -> new ModelGroup(m.name(), List.of(m.name()))).toList();
        Evidence grouped = Evidence.of(three, alone, 4);
        assertThat(grouped.byGroup()).isFalse();
        assertThat(grouped).isEqualTo(Evidence.of(three, 4));
    }

    @Test
    void aGroupNeedsANameAndOneToSixtyFourMembers() {
        assertThatThrownBy(() -> new ModelGroup(" ", List.of("x"))).hasMessage("a group needs a name");
        assertThatThrownBy(() -> new ModelGroup("g", List.of())).hasMessage("group 'g' needs 1 to 64 members, got 0");
    }

    private static Evidence.Comparison comparison(String metric, String condition, String a, String b) {
        return EVIDENCE.comparisons().stream().filter(c -> c.metric().equals(metric)
                && c.condition().equals(condition) && c.modelA().equals(a) && c.modelB().equals(b)).findFirst()
                .orElseThrow();
    }

    private static double meanOfMedians(String metric, String condition, int... members) {
        double sum = 0;
        for (int m : members) {
            sum += Statistic.MEDIAN.of(series(m, metric, condition));
        }
        return sum / members.length;
    }

    private static double[] series(int model, String metric, String condition) {
        return MODELS.get(model).conditions().stream().filter(r -> r.condition().name().equals(condition))
                .findFirst().orElseThrow().frames().series().get(metric).stream().mapToDouble(Double::doubleValue)
                .toArray();
    }

    /**
     * A network whose SSIM is lower by {@code ssimDrop} under noise, on frames every network shares, plus its own
     * noise; driven 10 x 500 steps with {@code crashes}.
     */
    private static ModelAudit model(String name, double ssimDrop, int crashes) {
        List<ConditionResult> results = new ArrayList<>();
        for (Condition c : CONDITIONS) {
            SplittableRandom frames = new SplittableRandom(c.name().hashCode());
            SplittableRandom own = new SplittableRandom(name.hashCode());
            List<Integer> steps = new ArrayList<>();
            List<Integer> episodes = new ArrayList<>();
            List<Double> ssim = new ArrayList<>();
            List<Double> deviation = new ArrayList<>();
            List<Double> none = new ArrayList<>();
            for (int e = 0; e < EPISODES; e++) {
                double episodeShift = 0.05 * frames.nextGaussian();
                for (int t = 0; t < PER_EPISODE; t++) {
                    steps.add(e * 100 + t);
                    episodes.add(e);
                    ssim.add(0.9 - c.level() - (c.level() > 0 ? ssimDrop : 0) + episodeShift
                            + 0.02 * own.nextGaussian());
                    deviation.add(c.level() * Math.abs(frames.nextGaussian()) + 0.01 * own.nextGaussian());
                    none.add(Double.NaN);
                }
            }
            FrameMetrics metrics = new FrameMetrics(steps, episodes, ssim, deviation, none, none, none, none);
            results.add(new ConditionResult(c, metrics, new ClosedLoopResult(10, 500, 3, crashes, 0.1, 0.5)));
        }
        return new ModelAudit(name, "test", results, List.of(), List.of());
    }
}
