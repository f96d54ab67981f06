package io.liquidlens.app;

import io.liquidlens.app.playback.Playback;
import io.liquidlens.app.playback.ProbeRun;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The hidden {@code --probe SECONDS} mode: plays the start-up rollout, prints frame timings on standard output
 * and ends the application with a status saying whether the run went well (see {@link ProbeRun}). The system
 * property {@value #TAB_PROPERTY} names a side tab to show while it plays ({@code Dynamics}, {@code Tree}, ...), so a
 * tab's cost during playback can be measured.
 */
final class ProbeMode {
    /** The system property naming the side tab the probe shows (the Input tab when unset). */
    static final String TAB_PROPERTY = "liquidlens.probe.tab";

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
        String tab = System.getProperty(TAB_PROPERTY);
        if (tab != null && !showTab(scene, tab)) {
            System.out.println("probe: -D" + TAB_PROPERTY + "=" + tab + " names no tab; the tabs are "
                    + tabNames(scene));
            exit.accept(1);
            return;
        }
        new ProbeRun(workspace, playback, scene, options.probeSeconds(), options.speed(), startedNanos,
                System.out::println, exit).arm();
    }

    /** Selects the side tab called {@code name} (any case); false when there is none. */
    private static boolean showTab(Scene scene, String name) {
        TabPane tabs = (TabPane) scene.lookup("#side-tabs");
        for (Tab t : tabs.getTabs()) {
            if (t.getText().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                tabs.getSelectionModel().select(t);
                return true;
            }
        }
        return false;
    }

    private static String tabNames(Scene scene) {
        return String.join(", ", ((TabPane) scene.lookup("#side-tabs")).getTabs().stream().map(Tab::getText)
                .toList());
    }
}
