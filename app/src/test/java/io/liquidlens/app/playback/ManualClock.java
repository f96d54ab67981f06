package io.liquidlens.app.playback;

import java.util.function.LongConsumer;

/** A frame clock the test ticks by hand. */
final class ManualClock implements FrameClock {
    private LongConsumer onFrame;
    private boolean running;
    private long now = 1_000_000_000L;

    @Override
    public void start(LongConsumer callback) {
        onFrame = callback;
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    boolean running() {
        return running;
    }

    /** Advances time by {@code millis} and delivers one frame (if running). */
    void frameAfter(double millis) {
        now += Math.round(millis * 1e6);
        if (running) {
            onFrame.accept(now);
        }
    }

    /** {@code frames} frames spread evenly over {@code millis}. */
    void frames(int frames, double millis) {
        for (int i = 0; i < frames; i++) {
            frameAfter(millis / frames);
        }
    }
}
