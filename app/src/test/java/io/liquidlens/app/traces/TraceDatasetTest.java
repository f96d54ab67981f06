package io.liquidlens.app.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.data.DomainOrder;
import org.junit.jupiter.api.Test;

class TraceDatasetTest {

    @Test
    void aShortTraceShowsEveryStepReadInPlace() {
        float[] values = {3, 1, 4, 1, 5};
        TraceDataset d = new TraceDataset(5, List.of(new TraceDataset.Trace("x", t -> values[t])), 4);
        assertThat(d.reduced(0)).isFalse();
        assertThat(d.getItemCount(0)).isEqualTo(5);
        values[2] = 9; // nothing was copied
        assertThat(d.getYValue(0, 2)).isEqualTo(9);
        assertThat(d.getXValue(0, 4)).isEqualTo(4);
        assertThat(d.getSeriesKey(0)).isEqualTo("x");
    }

    @Test
    void aLongTraceKeepsEachRunsLowestAndHighestStepInOrder() {
        int steps = 1_000_000;
        TraceDataset d = new TraceDataset(steps, List.of(new TraceDataset.Trace("spiky",
                t -> t == 123_457 ? 50 : t == 800_001 ? -40 : Math.sin(t / 1000.0))), 1000);
        assertThat(d.reduced(0)).isTrue();
        assertThat(d.getItemCount(0)).isEqualTo(2000);
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        double previous = -1;
        for (int i = 0; i < d.getItemCount(0); i++) {
            assertThat(d.getXValue(0, i)).isGreaterThanOrEqualTo(previous);
            previous = d.getXValue(0, i);
            max = Math.max(max, d.getYValue(0, i));
            min = Math.min(min, d.getYValue(0, i));
        }
        assertThat(max).as("a one-step spike is still drawn").isEqualTo(50);
        assertThat(min).isEqualTo(-40);
        assertThat(d.getDomainOrder()).isEqualTo(DomainOrder.ASCENDING);
        // run 123 of 1000 covers steps 123,000..123,999 (the sine falls there): the spike, then its last step
        assertThat(d.getXValue(0, 2 * 123)).isEqualTo(123_457);
        assertThat(d.getXValue(0, 2 * 123 + 1)).isEqualTo(123_999);
    }

    @Test
    void extremesOfEachRunAreTheRunsMinimumAndMaximum() {
        double[] v = {0, 5, -2, 1, 7, 7, -3, 2, 2};
        int[] e = TraceDataset.extremes(t -> v[t], 9, 3);
        // runs 0-2, 3-5, 6-8
        assertThat(e).containsExactly(1, 2, 3, 4, 6, 7);
    }

    @Test
    void aRunOfNanDrawsAsAGap() {
        int[] e = TraceDataset.extremes(t -> t < 4 ? Double.NaN : t, 8, 2);
        assertThat(e).containsExactly(0, 0, 4, 7);
    }
}
