package io.liquidlens.app.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Frame-time summaries. */
class FrameStatsTest {
    @Test
    void meanNearestRankP95AndMax() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (i + 1) * 1_000_000L; // 1 .. 100 ms
        }
        FrameStats s = FrameStats.of(nanos);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.meanMs()).isCloseTo(50.5, within(1e-9));
        assertThat(s.p95Ms()).isEqualTo(95);
        assertThat(s.maxMs()).isEqualTo(100);
        assertThat(s.framesPerSecond()).isCloseTo(1000 / 50.5, within(1e-9));
    }

    @Test
    void noIntervalsIsAllZero() {
        assertThat(FrameStats.of(new long[0])).isEqualTo(new FrameStats(0, 0, 0, 0));
    }

    @Test
    void theProbeRecordsIntervalsBetweenFrames() {
        ManualClock clock = new ManualClock();
        FrameProbe probe = new FrameProbe(clock);
        probe.start();
        clock.frameAfter(5);
        clock.frameAfter(16);
        clock.frameAfter(17);
        clock.frameAfter(50);
        probe.stop();
        clock.frameAfter(999);
        assertThat(probe.intervalsNanos()).containsExactly(16_000_000L, 17_000_000L, 50_000_000L);
        assertThat(probe.stats().maxMs()).isEqualTo(50);
    }
}
