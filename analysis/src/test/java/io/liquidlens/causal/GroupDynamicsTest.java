package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.dynamics.StateSummary;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Groups of hand-made audits whose dynamics summaries are known: group a (PC1 shares 0.60, 0.55, 0.87) against
 * group b (0.35, 0.32, 0.31), a model c alone, and a group d with a member whose dynamics were left out.
 */
class GroupDynamicsTest {
    private static final Condition CLEAN = new Condition("clean", "noise", 0, Distractors.none());
    private static final List<ModelAudit> MODELS = List.of(model("a/1", 0.60, 0.10), model("a/2", 0.55, 0.20),
            model("a/3", 0.87, 0.06), model("b/1", 0.35, 0.09), model("b/2", 0.32, 0.11), model("b/3", 0.31, 0.08),
            model("c", 0.50, 0.30), model("d/1", 0.40, 0.10), withoutDynamics("d/2"));
    private static final List<ModelGroup> GROUPS = List.of(new ModelGroup("a", List.of("a/1", "a/2", "a/3")),
            new ModelGroup("b", List.of("b/1", "b/2", "b/3")), new ModelGroup("c", List.of("c")),
            new ModelGroup("d", List.of("d/1", "d/2")));
    private static final Evidence EVIDENCE = Evidence.of(MODELS, GROUPS, 11);

    @Test
    void aGroupsFigureIsTheMeanOfItsMembersWithAnIntervalOverMembers() {
        GroupEvidence.GroupSummary a = EVIDENCE.groups().dynamics("a", "pc1_share").orElseThrow();
        assertThat(a.value()).isCloseTo((0.60 + 0.55 + 0.87) / 3, within(1e-12));
        assertThat(a.members()).containsExactly(0.60, 0.55, 0.87);
        assertThat(a.memberMin()).isEqualTo(0.55);
        assertThat(a.memberMax()).isEqualTo(0.87);
        assertThat(a.key()).isEqualTo("pc1_share");
        assertThat(a.condition()).isEmpty();
        // a mean of three members drawn with replacement lies between the smallest and the largest member
        assertThat(a.interval().low()).isBetween(0.55, a.value());
        assertThat(a.interval().high()).isBetween(a.value(), 0.87);
        assertThat(a.withinWidth()).as("each member's own interval is +-0.01 wide").isCloseTo(0.02, within(1e-12));
        assertThat(EVIDENCE.groups().dynamics("a", "lmax_median").orElseThrow().value())
                .isCloseTo((0.10 + 0.20 + 0.06) / 3, within(1e-12));
    }

    @Test
    void aGroupOfOneKeepsItsMembersOwnIntervalAndAGroupWithoutEveryMembersDynamicsHasNone() {
        GroupEvidence.GroupSummary c = EVIDENCE.groups().dynamics("c", "pc1_share").orElseThrow();
        assertThat(c.value()).isEqualTo(0.50);
        assertThat(c.interval()).isEqualTo(new Interval(0.49, 0.51, 0.95));
        assertThat(EVIDENCE.groups().dynamics("d", "pc1_share")).isEmpty();
        assertThat(EVIDENCE.comparisons()).noneMatch(x -> (x.modelA().equals("d") || x.modelB().equals("d"))
                && x.condition().isEmpty());
    }

    @Test
    void groupsAreComparedOnEachFigureByPermutingTheMembersWithHolmWithinTheFigure() {
        List<Evidence.Comparison> pc1 = EVIDENCE.comparisons().stream()
                .filter(x -> x.metric().equals("pc1_share")).toList();
        assertThat(pc1).extracting(x -> x.modelA() + " vs " + x.modelB() + " (" + x.condition() + ")")
                .containsExactly("a vs b ()", "a vs c ()", "b vs c ()");
        Evidence.Comparison ab = pc1.get(0);
        assertThat(ab.difference()).isCloseTo((0.60 + 0.55 + 0.87) / 3 - (0.35 + 0.32 + 0.31) / 3, within(1e-12));
        // of the 20 ways to split the six shares three and three, only a's own split and its mirror are as far
        assertThat(ab.pValue()).isEqualTo(2 / 20.0);
        assertThat(ab.pValue()).isEqualTo(splitsAtLeastAsFar(new double[] {0.60, 0.55, 0.87},
                new double[] {0.35, 0.32, 0.31}));
        assertThat(ab.interval().low()).as("every resample of the members keeps a above b").isPositive();
        assertThat(ab.test()).startsWith("exact permutation test of the difference of means (all 20 splits) of the"
                + " members' pc1_share");
        // Holm over the three pairs of this one question, not over the report's other comparisons
        double[] sorted = pc1.stream().mapToDouble(Evidence.Comparison::pValue).sorted().toArray();
        assertThat(pc1.stream().mapToDouble(Evidence.Comparison::pAdjusted).min().orElseThrow())
                .isEqualTo(Math.min(1, 3 * sorted[0]));
        assertThat(EVIDENCE.correction()).contains("questions");
    }

    @Test
    void theSeriesComparisonsKeepTheirNumbersAndComeFirst() {
        List<ModelAudit> noDynamics = MODELS.stream().map(m -> withoutDynamics(m.name())).toList();
        Evidence without = Evidence.of(noDynamics, GROUPS, 11);
        assertThat(without.groups().dynamics()).isEmpty();
        int series = without.comparisons().size();
        assertThat(EVIDENCE.comparisons().subList(0, series)).isEqualTo(without.comparisons());
        assertThat(EVIDENCE.comparisons().subList(series, EVIDENCE.comparisons().size()))
                .extracting(Evidence.Comparison::metric).containsOnly("pc1_share", "lmax_median", "lmax_max");
        assertThat(EVIDENCE.comparisonResamples()).isEqualTo(without.comparisonResamples());
        assertThat(Evidence.of(MODELS, GROUPS, 11)).as("seeded").isEqualTo(EVIDENCE);
    }

    /** The share of the splits of the pooled values into |a| and |b| whose difference of means is as far from 0. */
    private static double splitsAtLeastAsFar(double[] a, double[] b) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        double observed = Math.abs(mean(a) - mean(b));
        int far = 0;
        int all = 0;
        for (int mask = 0; mask < 1 << pooled.length; mask++) {
            if (Integer.bitCount(mask) != a.length) {
                continue;
            }
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < pooled.length; i++) {
                ((mask >> i & 1) == 1 ? x : y).add(pooled[i]);
            }
            all++;
            double d = Math.abs(x.stream().mapToDouble(v -> v).average().orElseThrow()
                    - y.stream().mapToDouble(v -> v).average().orElseThrow());
            if (d >= observed - 1e-12) {
                far++;
            }
        }
        return (double) far / all;
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static ModelAudit model(String name, double pc1, double lmaxMedian) {
        StateSummary d = new StateSummary(80, 8, 9, pc1, new Interval(pc1 - 0.01, pc1 + 0.01, 0.95), lmaxMedian,
                new Interval(lmaxMedian - 0.01, lmaxMedian, 0.95), 3 * lmaxMedian,
                new Interval(2 * lmaxMedian, 3 * lmaxMedian, 0.95), "hand-made");
        return new ModelAudit(name, "test", List.of(result()), List.of(), List.of(), Map.of(), d);
    }

    private static ModelAudit withoutDynamics(String name) {
        return new ModelAudit(name, "test", List.of(result()), List.of(), List.of(), Map.of(), null);
    }

    /** One clean condition of ten frames in two episodes, the same for every model. */
    private static ConditionResult result() {
        List<Integer> steps = new ArrayList<>();
        List<Integer> episodes = new ArrayList<>();
        List<Double> ssim = new ArrayList<>();
        List<Double> none = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            steps.add(t);
            episodes.add(t / 5);
            ssim.add(0.9 + 0.01 * (t % 3));
            none.add(Double.NaN);
        }
        FrameMetrics f = new FrameMetrics(steps, episodes, ssim, ssim, none, none, none, none);
        return new ConditionResult(CLEAN, f, null);
    }
}
