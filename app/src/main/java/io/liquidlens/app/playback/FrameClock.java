package io.liquidlens.app.playback;

import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * Calls back once per drawn frame with the frame's time in nanoseconds. The workbench uses a JavaFX
 * {@link AnimationTimer} (one call per pulse); tests drive a {@link Playback} by hand with their own clock.
 */
public interface FrameClock {

    /** Starts calling {@code onFrame} every frame (replacing any previous callback). */
    void start(LongConsumer onFrame);

    /** Stops calling back. */
    void stop();

    /** Frames from the JavaFX pulse; the timer is created on first start, on the JavaFX thread. */
    static FrameClock pulses() {
        return new FrameClock() {
            private AnimationTimer timer;
            private LongConsumer callback = now -> { };

            @Override
            public void start(LongConsumer onFrame) {
                callback = onFrame;
                if (timer == null) {
                    timer = new AnimationTimer() {
                        @Override
                        public void handle(long now) {
                            callback.accept(now);
                        }
                    };
                }
                timer.start();
            }

            @Override
            public void stop() {
                if (timer != null) {
                    timer.stop();
                }
            }
        };
    }
}
