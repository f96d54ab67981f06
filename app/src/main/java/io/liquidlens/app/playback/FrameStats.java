package io.liquidlens.app.playback;

import java.util.Arrays;
import java.util.Locale;

/**
 * A summary of measured intervals (frame-to-frame times, or scrub-to-redraw times), in milliseconds. This is
 * a diagnostic of the workbench itself, not an analysis result, so it lives with the probes.
 *
 * @param count  number of intervals
 * @param meanMs mean interval
 * @param p95Ms  95th percentile (nearest rank)
 * @param maxMs  longest interval
 */
public record FrameStats(int count, double meanMs, double p95Ms, double maxMs) {

    /** The summary of {@code intervalsNanos} (the array is not modified); all zero when it is empty. */
    public static FrameStats of(long[] intervalsNanos) {
        if (intervalsNanos.length == 0) {
            return new FrameStats(0, 0, 0, 0);
        }
        long[] sorted = intervalsNanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        int rank = (int) Math.ceil(0.95 * sorted.length);
        return new FrameStats(sorted.length, sum / sorted.length / 1e6, sorted[rank - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Frames per second implied by the mean interval. */
    public double framesPerSecond() {
        return meanMs == 0 ? 0 : 1000 / meanMs;
    }

    /** "mean 16.7 ms, p95 17.2 ms, max 21.0 ms". */
    public String describe() {
        return String.format(Locale.ROOT, "mean %.2f ms, p95 %.2f ms, max %.2f ms", meanMs, p95Ms, maxMs);
    }
}
