package io.liquidlens.app.playback;

import java.util.Arrays;

/**
 * Records the time between consecutive frames while it runs, to measure how smoothly the window draws during
 * playback. It rides on its own {@link FrameClock}, so it sees every pulse whether or not anything moved.
 */
public final class FrameProbe {
    private final FrameClock clock;
    private long[] intervals = new long[1024];
    private int count;
    private long previous = -1;

    /** A probe on the JavaFX pulse. */
    public FrameProbe() {
        this(FrameClock.pulses());
    }

    /** A probe on {@code clock} (tests). */
    public FrameProbe(FrameClock clock) {
        this.clock = clock;
    }

    /** Starts recording (forgetting earlier intervals). */
    public void start() {
        count = 0;
        previous = -1;
        clock.start(this::frame);
    }

    /** Stops recording. */
    public void stop() {
        clock.stop();
    }

    /** The recorded frame-to-frame intervals, in nanoseconds. */
    public long[] intervalsNanos() {
        return Arrays.copyOf(intervals, count);
    }

    /** Their summary. */
    public FrameStats stats() {
        return FrameStats.of(intervalsNanos());
    }

    void frame(long now) {
        if (previous >= 0) {
            if (count == intervals.length) {
                intervals = Arrays.copyOf(intervals, count * 2);
            }
            intervals[count++] = now - previous;
        }
        previous = now;
    }
}
