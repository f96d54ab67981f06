package io.liquidlens.app.playback;

import io.liquidlens.app.workspace.TimeCursor;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.BooleanProperty;

/**
 * Plays the rollout by moving the workspace's {@link TimeCursor}: at 1x, {@value #STEPS_PER_SECOND} steps per
 * second. The step shown is computed from the time elapsed since playing started (or since the speed
 * changed, or the user moved the cursor), not counted per frame, so a slow frame skips steps instead of
 * slowing the rollout down. Playback stops at the last step unless {@link #loopProperty()} is set.
 */
public final class Playback {
    /** Steps per second at speed 1x: the rate the sample rollouts were recorded at. */
    public static final double STEPS_PER_SECOND = 30;
    /** The speeds offered in the toolbar. */
    public static final List<Double> SPEEDS = List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0);
    /** Slowest and fastest speed. */
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 8;

    private final TimeCursor cursor;
    private final FrameClock clock;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty loop = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1) {
        @Override
        public void set(double value) {
            super.set(Math.max(MIN_SPEED, Math.min(MAX_SPEED, value)));
        }
    };

    /** Time and step the current run is measured from; anchorNanos < 0 until the first frame. */
    private long anchorNanos = -1;
    private int anchorStep;
    /** The step this controller last put the cursor on; anything else means the user moved it. */
    private int lastSet = -1;
    private long lastFrame;

    /** Playback of {@code cursor} on the JavaFX pulse. */
    public Playback(TimeCursor cursor) {
        this(cursor, FrameClock.pulses());
    }

    /** Playback of {@code cursor} driven by {@code clock} (tests). */
    public Playback(TimeCursor cursor, FrameClock clock) {
        this.cursor = cursor;
        this.clock = clock;
        speed.addListener((obs, old, now) -> reanchor());
        // a new rollout (or none) stops playback
        cursor.stepsProperty().addListener((obs, old, now) -> pause());
    }

    /** Starts playing from the cursor; at the last step, starts again from the first. */
    public void play() {
        if (playing.get() || cursor.steps() < 2) {
            return;
        }
        if (cursor.atEnd()) {
            cursor.home();
        }
        anchorNanos = -1;
        playing.set(true);
        clock.start(this::frame);
    }

    /** Stops where the cursor is. */
    public void pause() {
        if (!playing.get()) {
            return;
        }
        clock.stop();
        playing.set(false);
    }

    /** Play if paused, pause if playing (the space bar). */
    public void toggle() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Moves the cursor by {@code delta} steps; playback, if running, continues from there. */
    public void step(int delta) {
        cursor.moveBy(delta);
    }

    /** True while playing. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** True while playing. */
    public boolean isPlaying() {
        return playing.get();
    }

    /** Speed as a multiple of {@value #STEPS_PER_SECOND} steps/s, clamped to [0.25, 8]. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** When set, playback wraps to the first step instead of stopping at the last (the frame-time probe). */
    public BooleanProperty loopProperty() {
        return loop;
    }

    /** The cursor this playback moves. */
    public TimeCursor cursor() {
        return cursor;
    }

    /** One frame at time {@code now} (nanoseconds): puts the cursor where the elapsed time says. */
    void frame(long now) {
        if (!playing.get()) {
            return;
        }
        int steps = cursor.steps();
        if (anchorNanos < 0 || cursor.step() != lastSet) {
            anchorNanos = now;
            anchorStep = cursor.step();
            lastSet = anchorStep;
            lastFrame = now;
            return;
        }
        lastFrame = now;
        long advance = (long) Math.floor((now - anchorNanos) * 1e-9 * STEPS_PER_SECOND * speed.get());
        long target = anchorStep + advance;
        if (target >= steps - 1 && !loop.get()) {
            cursor.end();
            lastSet = cursor.step();
            pause();
            return;
        }
        cursor.moveTo((int) (target % steps));
        lastSet = cursor.step();
    }

    /** Keeps the cursor where it is but measures further steps at the new speed from the last frame. */
    private void reanchor() {
        if (playing.get() && anchorNanos >= 0) {
            anchorNanos = lastFrame;
            anchorStep = cursor.step();
            lastSet = anchorStep;
        }
    }
}
