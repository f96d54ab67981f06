package io.liquidlens.app;

import io.liquidlens.app.playback.Playback;
import io.liquidlens.app.playback.ProbeRun;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.function.IntConsumer;
import javafx.scene.Scene;

/**
 * The hidden {@code --probe SECONDS} mode: plays the start-up rollout, prints frame timings on standard output
 * and ends the application with a status saying whether the run went well (see {@link ProbeRun}).
 */
final class ProbeMode {
    private ProbeMode() {
    }

    /**
     * Arms a probe run of what {@code options} open, measured from {@code startedNanos}; {@code exit} receives
     * the status once it is over (at once, 1, when there is no model and rollout to play).
     */
    static void start(LaunchOptions options, WorkspaceViewModel workspace, Playback playback, Scene scene,
                      long startedNanos, IntConsumer exit) {
        if (options.model() == null || options.rollout() == null) {
            System.out.println("probe: needs a model and a rollout (none found)");
            exit.accept(1);
            return;
        }
        new ProbeRun(workspace, playback, scene, options.probeSeconds(), options.speed(), startedNanos,
                System.out::println, exit).arm();
    }
}
