package io.liquidlens.app.playback;

import io.liquidlens.app.workspace.TimeCursor;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import javafx.scene.Scene;

/**
 * Measures what a scrub costs: the cursor jumps to a seeded-random step at the start of a pulse, and the probe
 * records (a) the time until that pulse has run the views' listeners, CSS and layout, and (b) the time until
 * the next pulse starts, which also covers rendering the changed scene. Done after {@code jumps} jumps.
 */
public final class ScrubProbe {
    private final Scene scene;
    private final TimeCursor cursor;
    private final FrameClock clock;
    private final int jumps;
    private final Random random;
    private final long[] toLayout;
    private final long[] toNextPulse;
    private final Runnable afterLayout = this::afterLayout;
    private int done;
    private long jumpedAt = -1;
    private boolean laidOut;
    private Consumer<ScrubProbe> onFinished = p -> { };

    /** A probe of {@code jumps} jumps of {@code cursor} in {@code scene}, positions from {@code seed}. */
    public ScrubProbe(Scene scene, TimeCursor cursor, FrameClock clock, int jumps, long seed) {
        this.scene = scene;
        this.cursor = cursor;
        this.clock = clock;
        this.jumps = jumps;
        this.random = new Random(seed);
        this.toLayout = new long[jumps];
        this.toNextPulse = new long[jumps];
    }

    /** Starts jumping; {@code finished} is called on the JavaFX thread after the last measurement. */
    public void start(Consumer<ScrubProbe> finished) {
        onFinished = finished;
        scene.addPostLayoutPulseListener(afterLayout);
        clock.start(this::pulse);
    }

    /** Time from a cursor jump to the end of layout in the same pulse. */
    public FrameStats toLayout() {
        return FrameStats.of(Arrays.copyOf(toLayout, done));
    }

    /** Time from a cursor jump to the start of the next pulse. */
    public FrameStats toNextPulse() {
        return FrameStats.of(Arrays.copyOf(toNextPulse, done));
    }

    private void pulse(long now) {
        if (jumpedAt >= 0) {
            toNextPulse[done] = System.nanoTime() - jumpedAt;
            if (!laidOut) {
                toLayout[done] = toNextPulse[done];
            }
            done++;
            jumpedAt = -1;
        }
        if (done == jumps || cursor.steps() < 2) {
            clock.stop();
            scene.removePostLayoutPulseListener(afterLayout);
            onFinished.accept(this);
            return;
        }
        int target;
        do {
            target = random.nextInt(cursor.steps());
        } while (target == cursor.step());
        laidOut = false;
        jumpedAt = System.nanoTime();
        cursor.moveTo(target);
    }

    private void afterLayout() {
        if (jumpedAt >= 0 && !laidOut) {
            toLayout[done] = System.nanoTime() - jumpedAt;
            laidOut = true;
        }
    }
}
