package io.liquidlens.app.graph;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Measures how often JavaFX pulses (and so repaints) while it runs: an {@link AnimationTimer} records the time
 * between consecutive pulses. For manual measurements and harnesses, never for timed assertions.
 */
public final class FrameProbe {
    private final long[] intervals;
    private int count;
    private long last = -1;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (last >= 0 && count < intervals.length) {
                intervals[count++] = now - last;
            }
            last = now;
        }
    };

    /** A probe that keeps up to {@code capacity} frame intervals. */
    public FrameProbe(int capacity) {
        intervals = new long[capacity];
    }

    /** Starts counting (on the JavaFX thread). */
    public void start() {
        count = 0;
        last = -1;
        timer.start();
    }

    /** Stops counting. */
    public void stop() {
        timer.stop();
    }

    /** What was measured since {@link #start()}. */
    public Stats stats() {
        return Stats.of(Arrays.copyOf(intervals, count));
    }

    /**
     * Summary of a series of durations.
     *
     * @param samples  number of durations
     * @param meanMs   mean, ms
     * @param medianMs median, ms
     * @param p95Ms    95th percentile, ms
     * @param maxMs    maximum, ms
     */
    public record Stats(int samples, double meanMs, double medianMs, double p95Ms, double maxMs) {
        /** The summary of {@code nanos} (durations in nanoseconds). */
        public static Stats of(long[] nanos) {
            if (nanos.length == 0) {
                return new Stats(0, 0, 0, 0, 0);
            }
            long[] s = nanos.clone();
            Arrays.sort(s);
            double sum = 0;
            for (long v : s) {
                sum += v;
            }
            return new Stats(s.length, sum / s.length / 1e6, s[s.length / 2] / 1e6,
                    s[Math.min(s.length - 1, (int) Math.ceil(0.95 * s.length) - 1)] / 1e6, s[s.length - 1] / 1e6);
        }

        /** Frames per second implied by the mean interval. */
        public double fps() {
            return meanMs > 0 ? 1000 / meanMs : 0;
        }

        @Override
        public String toString() {
            return String.format("%d samples: mean %.2f ms (%.1f/s), median %.2f ms, p95 %.2f ms, max %.2f ms",
                    samples, meanMs, fps(), medianMs, p95Ms, maxMs);
        }
    }
}
