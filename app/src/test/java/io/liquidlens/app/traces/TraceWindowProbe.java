package io.liquidlens.app.traces;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not part of the suite (the name does not end in Test): prints how long the three charts take to redraw after a
 * zoom, a pan and Whole on a 1,000,000-step rollout (the fixture LTC, eight Gaussian inputs). Run with
 * {@code mvn -o -q -pl app -am test -Dtest=TraceWindowProbe -Dsurefire.failIfNoSpecifiedTests=false}. The figures
 * are printed, never asserted.
 */
@ExtendWith(ApplicationExtension.class)
class TraceWindowProbe {
    private static final int STEPS = 1_000_000;
    private WorkspaceViewModel workspace;
    private TraceChartsView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("probe");
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        workspace.openModel(TestModels.ltcFixture(dir.resolve("m")));
        workspace.openRollout(TraceChartsViewTest.rolloutWithActions(dir.resolve("r.npz"), STEPS, 8, 1));
        view = new TraceChartsView(workspace);
        stage.setScene(new Scene(view, 1200, 360));
        stage.show();
    }

    private double[] time(FxRobot robot, Runnable change, int repeats) {
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long[] t = new long[2];
            robot.interact(() -> {
                t[0] = System.nanoTime();
                change.run();
                view.redrawPending();
                t[1] = System.nanoTime();
            });
            ms[i] = (t[1] - t[0]) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    @Test
    void printRedrawTimes(FxRobot robot) {
        robot.interact(view::redrawPending);
        int[] first = view.shownSteps();
        System.out.printf("window at open: %d..%d of %d%n", first[0], first[1], STEPS);
        double[] zoom = time(robot, () -> view.zoomWindow(0.8, 300_000), 15);
        double[] pan = time(robot, () -> view.zoomWindow(1.0, 0), 1);
        double[] wholes = new double[10];
        for (int i = 0; i < wholes.length; i++) {
            double[] w = time(robot, () -> view.zoomWindow(1e9, 0), 1);
            double[] back = time(robot, () -> view.zoomWindow(0.005, 500_000), 1);
            wholes[i] = w[0];
        }
        Arrays.sort(wholes);
        double[] moves = time(robot, () -> workspace.cursor().moveTo((int) (Math.random() * STEPS)), 20);
        System.out.printf("zoom (window 5,000 shrinking): median %.1f ms, max %.1f ms%n", zoom[zoom.length / 2],
                zoom[zoom.length - 1]);
        System.out.printf("whole 1,000,000 steps: median %.1f ms, max %.1f ms%n", wholes[wholes.length / 2],
                wholes[wholes.length - 1]);
        System.out.printf("cursor jump (window follows, 5,000 steps): median %.1f ms, max %.1f ms%n",
                moves[moves.length / 2], moves[moves.length - 1]);
    }
}
