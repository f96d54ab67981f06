package io.liquidlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Holm;
import io.liquidlens.stats.Interval;
import io.liquidlens.stats.Statistic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics.json's intervals and comparisons re-derived from the per-frame arrays it also holds. */
class MetricsEvidenceTest {
    private static final JsonNode JSON = MetricsJson.toJson(HandBuiltAudit.audit());
    private static final Map<String, Statistic> STATISTICS = Map.of("mean", Statistic.MEAN, "median",
            Statistic.MEDIAN);

    @Test
    void everySummaryIntervalIsTheBlockBootstrapOfItsFrames() {
        JsonNode statistics = JSON.path("statistics");
        assertThat(statistics.path("level").asDouble()).isEqualTo(0.95);
        assertThat(statistics.path("blocks").asText()).isEqualTo("contiguous blocks of 2 frames within each of 2"
                + " episodes (3 blocks)");
        int checked = 0;
        for (JsonNode model : JSON.path("models")) {
            for (JsonNode condition : model.path("conditions")) {
                BlockBootstrap bootstrap = bootstrap(condition.path("frames"), "resamples");
                for (String metric : List.of("ssim", "deviation", "distractor_share", "task_share",
                        "distractor_area", "task_area")) {
                    double[] values = values(condition.path("frames").path(metric));
                    for (var stat : STATISTICS.entrySet()) {
                        Interval expected = bootstrap.interval(values, stat.getValue(), 0.95);
                        JsonNode ci = condition.path("summary").path(metric + "_" + stat.getKey() + "_ci");
                        if (expected.isDefined()) {
                            assertThat(ci.get(0).asDouble()).isEqualTo(expected.low());
                            assertThat(ci.get(1).asDouble()).isEqualTo(expected.high());
                            checked++;
                        } else {
                            assertThat(ci.isNull()).as("%s of a series without values", metric).isTrue();
                        }
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(2 * 6 * 6 - 2 * 4 * 3);
    }

    @Test
    void comparisonsArePairedBootstrapsAdjustedByHolmOverAllOfThem() {
        JsonNode comparisons = JSON.path("comparisons");
        assertThat(comparisons).as("ssim and deviation under 3 conditions; the shares are n/a for the second model"
                + " and it was not driven").hasSize(6);
        List<Double> p = new ArrayList<>();
        for (JsonNode c : comparisons) {
            JsonNode a = condition(c.path("model_a").asText(), c.path("condition").asText());
            JsonNode b = condition(c.path("model_b").asText(), c.path("condition").asText());
            String metric = c.path("metric").asText();
            var paired = bootstrap(a.path("frames"), "comparison_resamples").compare(
                    values(a.path("frames").path(metric)),
                    values(b.path("frames").path(metric)), Statistic.MEDIAN, 0.95);
            assertThat(c.path("difference").asDouble()).isEqualTo(paired.difference());
            assertThat(c.path("ci").get(0).asDouble()).isEqualTo(paired.interval().low());
            assertThat(c.path("p_value").asDouble()).isEqualTo(paired.pValue());
            assertThat(c.path("test").asText()).isEqualTo("paired block bootstrap of the difference of medians");
            assertThat(c.path("correction").asText()).contains("Holm", "6 comparisons");
            p.add(paired.pValue());
        }
        double[] adjusted = Holm.adjust(p.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < adjusted.length; i++) {
            assertThat(comparisons.get(i).path("p_adjusted").asDouble()).isEqualTo(adjusted[i]);
        }
    }

    @Test
    void crashRatesHaveTheirExactInterval() {
        JsonNode drive = condition("ncp-lanekeeping", "noise 0.1").path("closed_loop");
        // 3 crashes in 4 x 200 steps: 3.75 per 1000 steps, Garwood's 95% limits of 3 are 0.619 and 8.767
        assertThat(drive.path("crashes_per_1000_steps").asDouble()).isEqualTo(3.75);
        assertThat(drive.path("crashes_per_1000_steps_ci").get(0).asDouble()).isBetween(0.618 / 0.8, 0.620 / 0.8);
        assertThat(drive.path("crashes_per_1000_steps_ci").get(1).asDouble()).isBetween(8.766 / 0.8, 8.768 / 0.8);
    }

    private static JsonNode condition(String model, String condition) {
        for (JsonNode m : JSON.path("models")) {
            for (JsonNode c : m.path("conditions")) {
                if (m.path("name").asText().equals(model) && c.path("condition").asText().equals(condition)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no " + model + " under " + condition);
    }

    private static BlockBootstrap bootstrap(JsonNode frames, String resamples) {
        int[] episodes = new int[frames.path("episodes").size()];
        for (int i = 0; i < episodes.length; i++) {
            episodes[i] = frames.path("episodes").get(i).asInt();
        }
        JsonNode statistics = JSON.path("statistics");
        return new BlockBootstrap(Blocks.of(episodes), statistics.path(resamples).asInt(),
                statistics.path("seed").asLong());
    }

    private static double[] values(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).isNull() ? Double.NaN : array.get(i).asDouble();
        }
        return v;
    }
}
