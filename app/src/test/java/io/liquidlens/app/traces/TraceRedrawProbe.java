package io.liquidlens.app.traces;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.input.InputFrameView;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not part of the suite (the name does not end in Test): prints redraw times of the traces and the input
 * view for a 1,000-step rollout (the camera frames from {@code -Dprobe.rollout=...npz} passed through
 * {@code -DargLine}). Run with {@code mvn -o -q -pl app -am test -Dtest=TraceRedrawProbe
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Dprobe.rollout=/tmp/tr/episode-0000.npz}. The figures
 * are printed, never asserted; the AnimationTimer lines are the two views alone at one step per frame.
 */
@ExtendWith(ApplicationExtension.class)
class TraceRedrawProbe {
    private static final int STEPS = 1000;
    private WorkspaceViewModel workspace;
    private WorkspaceViewModel frames;
    private TraceChartsView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("probe");
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        workspace.openModel(TestModels.ltcFixture(dir.resolve("m")));
        workspace.openRollout(TraceChartsViewTest.rolloutWithActions(dir.resolve("r.npz"), STEPS, 8, 1));
        view = new TraceChartsView(workspace);
        frames = new WorkspaceViewModel(TaskExecutor.sameThread());
        InputFrameView input = new InputFrameView(frames);
        Path camera = Path.of(System.getProperty("probe.rollout", "/tmp/exp/tr/clean/episode-0000.npz"));
        if (Files.exists(camera)) {
            frames.openRollout(camera);
        }
        HBox root = new HBox(view, input);
        HBox.setHgrow(view, Priority.ALWAYS);
        input.setPrefWidth(520);
        stage.setScene(new Scene(root, 1260, 760));
        stage.show();
    }

    private static String stats(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        return String.format(java.util.Locale.ROOT, "PROBE %-48s n=%4d mean %6.2f ms  median %6.2f  p95 %6.2f  max %6.2f",
                what, s.length, mean, s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6);
    }

    private long[] cursorMoves(FxRobot robot, WorkspaceViewModel ws, int n) {
        long[] t = new long[n];
        robot.interact(() -> {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                ws.cursor().moveTo((i * 37) % ws.cursor().steps());
                if (ws == workspace) {
                    view.redrawPending();
                }
                t[i] = System.nanoTime() - t0;
            }
        });
        return t;
    }

    @Test
    void printRedrawTimes(FxRobot robot) throws Exception {
        cursorMoves(robot, workspace, 100);
        System.out.println(stats("traces: cursor move + redraw (motor, 3 charts)", cursorMoves(robot, workspace, 500)));
        long[] rebuild = new long[60];
        robot.interact(() -> {
            for (int i = 0; i < rebuild.length; i++) {
                long t0 = System.nanoTime();
                workspace.selection().selectOnly(1 + i % 18);
                view.redrawPending();
                rebuild[i] = System.nanoTime() - t0;
            }
        });
        System.out.println(stats("traces: selection change (rebuild + draw)", rebuild));
        robot.interact(() -> {
            for (int id = 0; id < 8; id++) {
                workspace.selection().toggle(id);
            }
        });
        System.out.println(stats("traces: cursor move + redraw (" + view.shownNeurons().size() + " neurons)",
                cursorMoves(robot, workspace, 500)));
        long[] rebuild8 = new long[30];
        robot.interact(() -> {
            for (int i = 0; i < rebuild8.length; i++) {
                long t0 = System.nanoTime();
                workspace.selection().toggle(10 + i % 2);
                view.redrawPending();
                rebuild8[i] = System.nanoTime() - t0;
            }
        });
        System.out.println(stats("traces: toggle one of ~9 neurons (rebuild + draw)", rebuild8));
        if (frames.rolloutProperty().get() != null) {
            cursorMoves(robot, frames, 100);
            System.out.println(stats("input frame: cursor move", cursorMoves(robot, frames, 500)));
        }

        // AnimationTimer probe: one cursor step per frame, both views following
        int frameCount = 300;
        long[] stamps = new long[frameCount + 1];
        long[] work = new long[frameCount];
        CountDownLatch done = new CountDownLatch(1);
        robot.interact(() -> new AnimationTimer() {
            int i = -1;

            @Override
            public void handle(long now) {
                if (i >= 0) {
                    stamps[i] = now;
                }
                if (++i > frameCount) {
                    stop();
                    done.countDown();
                    return;
                }
                if (i < frameCount) {
                    long t0 = System.nanoTime();
                    workspace.cursor().moveBy(1);
                    view.redrawPending();
                    if (frames.rolloutProperty().get() != null) {
                        frames.cursor().moveTo(i % frames.cursor().steps());
                    }
                    work[i] = System.nanoTime() - t0;
                }
            }
        }.start());
        done.await(60, TimeUnit.SECONDS);
        long[] intervals = new long[frameCount];
        for (int i = 0; i < frameCount; i++) {
            intervals[i] = stamps[i + 1] - stamps[i];
        }
        System.out.println(stats("AnimationTimer: frame interval (both views)", intervals));
        System.out.println(stats("AnimationTimer: cursor-follow work per frame", work));
    }
}
