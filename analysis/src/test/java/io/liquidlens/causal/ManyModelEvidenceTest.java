package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Holm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Many checkpoints: each compared with a reference, so the comparisons grow linearly with the models. */
class ManyModelEvidenceTest {
    private static final List<Condition> CONDITIONS = List.of(new Condition("clean", "noise", 0, Distractors.none()),
            new Condition("noise 0.1", "noise", 0.1, new Distractors(0, 0, 0.1, 0, 0, false, 7)));
    /** ssim and deviation under two conditions, crash rates under two (no labels: no shares). */
    private static final int QUESTIONS = 2 * 2 + 2;

    /** Checkpoint {@code i} of a run whose SSIM under noise falls by 0.02 per checkpoint. */
    private static ModelAudit checkpoint(int i) {
        List<ConditionResult> results = new ArrayList<>();
        for (Condition c : CONDITIONS) {
            SplittableRandom random = new SplittableRandom(31L * i + c.name().hashCode());
            List<Integer> steps = new ArrayList<>();
            List<Integer> episodes = new ArrayList<>();
            List<Double> ssim = new ArrayList<>();
            List<Double> deviation = new ArrayList<>();
            List<Double> none = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                steps.add(t);
                episodes.add(t / 10);
                ssim.add(0.9 - (c.level() > 0 ? 0.02 * i : 0) + 0.01 * random.nextGaussian());
                deviation.add(c.level() * Math.abs(random.nextGaussian()));
                none.add(Double.NaN);
            }
            results.add(new ConditionResult(c, new FrameMetrics(steps, episodes, ssim, deviation, none, none, none,
                    none), new ClosedLoopResult(2, 500, 3, i, 0.1, 0.5)));
        }
        return new ModelAudit(String.format("e%04d", i + 1), "test", results, List.of(), List.of());
    }

    private static List<ModelAudit> run(int n) {
        List<ModelAudit> models = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            models.add(checkpoint(i));
        }
        return models;
    }

    @Test
    void moreThanEightModelsAreEachComparedWithTheFirstSoTheCountGrowsLinearly() {
        for (int n : new int[] {9, 12, 24}) {
            Evidence e = Evidence.of(run(n), 3);
            assertThat(e.reference()).isEqualTo("e0001");
            assertThat(e.comparisons()).as("%d models", n).hasSize((n - 1) * QUESTIONS);
            assertThat(e.comparisons()).extracting(Evidence.Comparison::modelB).containsOnly("e0001");
            assertThat(e.comparisons()).extracting(Evidence.Comparison::modelA).doesNotContain("e0001");
            assertThat(e.comparisonResamples()).isEqualTo(Math.max(BlockBootstrap.DEFAULT_RESAMPLES, 60 * (n - 1)));
        }
    }

    @Test
    void eightModelsAreStillComparedEveryTwoWithEveryTwo() {
        Evidence e = Evidence.of(run(8), 3);
        assertThat(e.byReference()).isFalse();
        assertThat(e.comparisons()).hasSize(28 * QUESTIONS);
        assertThat(e.correction()).isEqualTo("Holm's step-down over all " + 28 * QUESTIONS
                + " comparisons of the report");
    }

    @Test
    void holmCorrectsWithinEachMetricAndConditionAgainstTheReference() {
        Evidence e = Evidence.of(run(12), 3);
        Map<String, List<Evidence.Comparison>> questions = new LinkedHashMap<>();
        e.comparisons().forEach(c -> questions.computeIfAbsent(c.metric() + "|" + c.condition(),
                k -> new ArrayList<>()).add(c));
        assertThat(questions).hasSize(QUESTIONS);
        for (List<Evidence.Comparison> family : questions.values()) {
            double[] p = family.stream().mapToDouble(Evidence.Comparison::pValue).toArray();
            assertThat(family.stream().mapToDouble(Evidence.Comparison::pAdjusted).toArray())
                    .containsExactly(Holm.adjust(p));
        }
        assertThat(e.correction()).contains("within each metric and condition", "reference e0001",
                QUESTIONS + " questions", 11 * QUESTIONS + " comparisons");
        // the last checkpoint lost 0.22 of its SSIM under noise: far beyond the frames' noise
        Evidence.Comparison last = e.comparisons().stream().filter(c -> c.metric().equals("ssim")
                && c.condition().equals("noise 0.1") && c.modelA().equals("e0012")).findFirst().orElseThrow();
        assertThat(last.difference()).isCloseTo(-0.22, org.assertj.core.api.Assertions.within(0.02));
        assertThat(last.significant(0.95)).isTrue();
    }

    @Test
    void aNamedReferenceIsUsedAndAnUnknownOneIsRefused() {
        List<ModelAudit> models = run(4);
        Evidence e = Evidence.of(models, List.of(), 3, "e0004");
        assertThat(e.comparisons()).hasSize(3 * QUESTIONS);
        assertThat(e.comparisons()).extracting(Evidence.Comparison::modelB).containsOnly("e0004");
        assertThatThrownBy(() -> Evidence.of(models, List.of(), 3, "e0009"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'e0009' is none of the models");
    }

    @Test
    void theSameInputsGiveTheSameNumbers() {
        assertThat(Evidence.of(run(10), 3)).isEqualTo(Evidence.of(run(10), 3));
    }
}
