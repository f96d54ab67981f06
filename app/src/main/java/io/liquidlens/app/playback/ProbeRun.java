package io.liquidlens.app.playback;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.util.Duration;

/**
 * The hidden {@code --probe SECONDS} mode: once the start-up model and rollout are simulated, plays the rollout
 * (looping) at the requested speed, reports the first second (warm-up) on its own, then for that long while a
 * {@link FrameProbe} records frame intervals, then
 * scrubs with a {@link ScrubProbe}, reports both and exits. This is how playback smoothness is measured
 * (under {@code xvfb-run}); it is not a test.
 */
public final class ProbeRun {
    /** Jumps the scrub measurement makes. */
    public static final int SCRUB_JUMPS = 60;
    /** Playback before the measurement starts. */
    static final double WARM_UP_SECONDS = 1.0;

    private final WorkspaceViewModel workspace;
    private final Playback playback;
    private final Scene scene;
    private final double seconds;
    private final double speed;
    private final long startedNanos;
    private final Consumer<String> report;
    private final IntConsumer exit;
    private boolean started;
    private int cursorMoves;

    /**
     * @param startedNanos {@code System.nanoTime()} when the application started, to report start-up time
     * @param report       where the figures go, one line each (stdout)
     * @param exit         called with the exit status when done (0) or when loading failed (1)
     */
    public ProbeRun(WorkspaceViewModel workspace, Playback playback, Scene scene, double seconds, double speed,
                    long startedNanos, Consumer<String> report, IntConsumer exit) {
        this.workspace = workspace;
        this.playback = playback;
        this.scene = scene;
        this.seconds = seconds;
        this.speed = speed;
        this.startedNanos = startedNanos;
        this.report = report;
        this.exit = exit;
    }

    /** Waits for the activity (or an error), then measures. Call on the JavaFX thread. */
    public void arm() {
        workspace.lastErrorProperty().addListener((obs, old, message) -> {
            if (message != null && !started) {
                report.accept("probe: " + message);
                exit.accept(1);
            }
        });
        if (workspace.activityProperty().get() != null) {
            begin();
            return;
        }
        workspace.activityProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends io.liquidlens.sim.Activity> obs,
                                io.liquidlens.sim.Activity old, io.liquidlens.sim.Activity now) {
                if (now != null) {
                    obs.removeListener(this);
                    begin();
                }
            }
        });
    }

    private void begin() {
        started = true;
        double ready = (System.nanoTime() - startedNanos) / 1e9;
        var activity = workspace.activityProperty().get();
        // the JVM's uptime also counts its own start and JavaFX's, which the user waits for too
        double uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        report.accept(String.format(Locale.ROOT, "probe: model '%s', %d neurons, rollout %s (%d steps), ready %.2f s"
                        + " after the application started (%.2f s after the JVM did)",
                workspace.summaryProperty().get().name(), activity.neurons(),
                workspace.rolloutFileProperty().get().getFileName(), activity.steps(), ready, uptime));
        workspace.cursor().stepProperty().addListener((obs, old, now) -> cursorMoves++);
        FrameProbe frames = new FrameProbe();
        playback.loopProperty().set(true);
        playback.speedProperty().set(speed);
        workspace.cursor().home();
        cursorMoves = 0;
        playback.play();
        // the first second after start-up compiles the drawing code and places the labels: measured apart
        FrameProbe warmUp = new FrameProbe();
        warmUp.start();
        PauseTransition settle = new PauseTransition(Duration.seconds(WARM_UP_SECONDS));
        settle.setOnFinished(e -> {
            warmUp.stop();
            report.accept(String.format(Locale.ROOT, "warm-up (first %.1f s of playback): %d frames, frame interval %s",
                    WARM_UP_SECONDS, warmUp.stats().count(), warmUp.stats().describe()));
            cursorMoves = 0;
            frames.start();
            measure(frames);
        });
        settle.play();
    }

    private void measure(FrameProbe frames) {
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(e -> {
            frames.stop();
            playback.pause();
            playback.loopProperty().set(false);
            FrameStats s = frames.stats();
            report.accept(String.format(Locale.ROOT,
                    "playback %sx for %.1f s: %d frames, %.1f frames/s, frame interval %s; cursor moved %d times"
                            + " (%.1f steps/s asked)", speed, seconds, s.count(), s.framesPerSecond(), s.describe(),
                    cursorMoves, Playback.STEPS_PER_SECOND * speed));
            scrub();
        });
        wait.play();
    }

    private void scrub() {
        new ScrubProbe(scene, workspace.cursor(), FrameClock.pulses(), SCRUB_JUMPS, 42).start(p -> {
            report.accept("scrub (" + p.toLayout().count() + " jumps): cursor change to end of layout "
                    + p.toLayout().describe() + "; to next pulse (rendered) " + p.toNextPulse().describe());
            exit.accept(0);
        });
    }
}
