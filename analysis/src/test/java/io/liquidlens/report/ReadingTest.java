package io.liquidlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.Evidence.Comparison;
import io.liquidlens.stats.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading says, from the comparisons alone, which differences are significant and which are not. */
class ReadingTest {

    @Test
    void namesTheSignificantDifferencesThenTheOthersAndCountsTheTies() {
        List<Comparison> comparisons = List.of(
                new Comparison("ssim", "noise 0.1", "ncp", "cfc", 0.25, new Interval(0.2, 0.3, 0.95), 0.001, 0.004,
                        Evidence.PAIRED_TEST),
                new Comparison("ssim", "noise 0.1", "ncp", "fc", 0.01, new Interval(-0.01, 0.03, 0.95), 0.2, 0.4,
                        Evidence.PAIRED_TEST),
                new Comparison("ssim", "clean", "ncp", "fc", 0, new Interval(0, 0, 0.95), 1, 1, Evidence.PAIRED_TEST),
                new Comparison(Evidence.CRASH_RATE, "noise 0.1", "ncp", "cfc", -21.2, Interval.undefined(0.95), 1e-30,
                        4e-30, Evidence.CRASH_TEST));
        List<String> reading = Reading.paragraphs(audit(comparisons));
        assertThat(reading.get(0)).startsWith("Reading: 2 of 4 paired comparisons").contains("significant at 95%");
        assertThat(reading.get(1)).startsWith("Median SSIM")
                .contains("Significant: noise 0.1, ncp vs cfc +0.2500 [+0.2000, +0.3000], adjusted p 0.004000")
                .contains("Not significant: noise 0.1, ncp vs fc +0.01000 [-0.01000, +0.03000], adjusted p 0.4000")
                .contains("1 pair does not differ on any resample (clean)");
        assertThat(reading.get(2)).startsWith("Closed-loop crashes per 1000 steps")
                .contains("Significant: noise 0.1, ncp vs cfc -21.20, adjusted p 4.000e-30");
        assertThat(reading).hasSize(3);
    }

    @Test
    void oneModelHasNothingToCompare() {
        assertThat(Reading.paragraphs(audit(List.of()))).singleElement().asString().contains("nothing to compare");
    }

    private static CausalAudit audit(List<Comparison> comparisons) {
        CausalAudit hand = HandBuiltAudit.audit();
        Evidence e = hand.evidence();
        Evidence evidence = new Evidence(e.level(), e.resamples(), e.comparisonResamples(), e.seed(), e.blocks(),
                e.intervals(), e.crashRates(), comparisons);
        return new CausalAudit(hand.method(), hand.output(), hand.outputName(), hand.conditions(), hand.models(),
                evidence, hand.provenance());
    }
}
