package io.liquidlens.app.graph;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.playback.FrameClock;
import io.liquidlens.app.playback.ScrubProbe;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.Safetensors;
import io.liquidlens.train.NcpsInit;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Manual measurement, not a test: plays models through the wiring graph alone at 30 and 240 steps/s and prints
 * the pulse intervals (FrameProbe) and the time each pulse spent updating and repainting, then scrubs 60
 * seeded jumps ({@link ScrubProbe}). Run with {@code mvn -o -pl app test -Dtest=WiringGraphFrameRateHarness
 * -Dsurefire.failIfNoSpecifiedTests=false -Dliquidlens.measure=/tmp/out
 * -Dliquidlens.measure.models=MODEL_DIR=ROLLOUT.npz,autoncp:256,...}; {@code autoncp:N} builds an LTC
 * AutoNCP(N, 1) on 8 inputs with ncps-style initial weights and a seeded 400-step rollout. Asserts nothing
 * about time.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "liquidlens.measure", matches = ".+")
class WiringGraphFrameRateHarness {
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
    }

    @Test
    void measure(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("liquidlens.measure"));
        Files.createDirectories(out);
        String models = System.getProperty("liquidlens.measure.models",
                "/work/main/sample-models/ncp-lanekeeping=/tmp/exp/tr/clean/episode-0000.npz");
        for (String pair : models.split(",")) {
            String[] mr = pair.startsWith("autoncp:") ? generated(out, Integer.parseInt(pair.substring(8)))
                    : pair.split("=");
            WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
            long t0 = System.nanoTime();
            workspace.openModel(Path.of(mr[0]));
            workspace.openRollout(Path.of(mr[1]));
            System.out.printf("%s: loaded and simulated in %.0f ms, %d steps%n", mr[0],
                    (System.nanoTime() - t0) / 1e6, workspace.cursor().steps());
            WiringGraphView[] view = new WiringGraphView[1];
            robot.interact(() -> {
                long b = System.nanoTime();
                view[0] = new WiringGraphView(workspace, TaskExecutor.sameThread());
                stage.setScene(new Scene(view[0], 1100, 720));
                stage.show();
                view[0].refreshNow();
                System.out.printf("  view built in %.0f ms: %d vertices, %d edges%n", (System.nanoTime() - b) / 1e6,
                        view[0].graph().graph().getNodeCount(), view[0].graph().graph().getEdgeCount());
            });
            Thread.sleep(500);
            for (double rate : new double[] {30, 240}) {
                play(robot, view[0], workspace, rate, 4.0);
            }
            scrub(robot, workspace);
            String name = Path.of(mr[0]).getFileName().toString();
            robot.interact(() -> {
                try {
                    workspace.cursor().moveTo(workspace.cursor().steps() / 2);
                    workspace.selection().selectOnly(Math.min(4, workspace.modelProperty().get().network().stateSize() - 1));
                    long b = System.nanoTime();
                    view[0].exportPng(out.resolve(name + ".png"));
                    long m = System.nanoTime();
                    view[0].exportSvg(out.resolve(name + ".svg"));
                    System.out.printf("  export: PNG %.0f ms, SVG %.0f ms%n", (m - b) / 1e6, (System.nanoTime() - m) / 1e6);
                    view[0].close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** A model folder and rollout for an AutoNCP of {@code units} neurons under {@code out}. */
    private static String[] generated(Path out, int units) throws IOException {
        Path dir = Files.createDirectories(out.resolve("autoncp-" + units));
        Files.writeString(dir.resolve("model.json"), """
                {"format": "liquidlens.model/1", "name": "AutoNCP %d",
                 "ncps": {"class": "LTC", "input_size": 8,
                          "units": {"class": "AutoNCP", "units": %d, "output_size": 1, "seed": 3}},
                 "weights": "model.safetensors", "head": null}
                """.formatted(units, units));
        var spec = ModelFolder.readManifest(dir).spec();
        Safetensors.write(dir.resolve("model.safetensors"), NcpsInit.initialStateDict(spec, 5));
        Path rollout = TestModels.rollout(dir.resolve("rollout.npz"), 400, 8, 11);
        return new String[] {dir.toString(), rollout.toString()};
    }

    private void scrub(FxRobot robot, WorkspaceViewModel workspace) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ScrubProbe[] probe = new ScrubProbe[1];
        robot.interact(() -> {
            probe[0] = new ScrubProbe(stage.getScene(), workspace.cursor(), FrameClock.pulses(), 60, 42);
            probe[0].start(p -> done.countDown());
        });
        done.await(60, TimeUnit.SECONDS);
        System.out.printf("  scrub (60 jumps): to end of layout %s; to next pulse %s%n",
                probe[0].toLayout().describe(), probe[0].toNextPulse().describe());
    }

    private void play(FxRobot robot, WiringGraphView view, WorkspaceViewModel workspace, double stepsPerSecond,
                      double seconds) throws InterruptedException {
        FrameProbe frames = new FrameProbe(100_000);
        List<Long> update = new ArrayList<>();
        List<Long> repaint = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        int steps = workspace.cursor().steps();
        // CPU time of the JavaFX and render threads: unlike frame intervals, not inflated by other processes
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        long[] cpu = new long[4];
        AnimationTimer player = new AnimationTimer() {
            private long start = -1;

            @Override
            public void handle(long now) {
                if (start < 0) {
                    start = now;
                }
                double elapsed = (now - start) / 1e9;
                workspace.cursor().moveTo((int) (elapsed * stepsPerSecond) % steps);
                if (elapsed >= seconds) {
                    stop();
                    done.countDown();
                }
            }
        };
        robot.interact(() -> {
            view.workProbe = (u, r) -> {
                update.add(u);
                repaint.add(r);
            };
            cpu[0] = threads.getCurrentThreadCpuTime();
            cpu[1] = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            frames.start();
            player.start();
        });
        done.await((long) seconds + 10, TimeUnit.SECONDS);
        robot.interact(() -> {
            frames.stop();
            cpu[2] = threads.getCurrentThreadCpuTime();
            cpu[3] = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
            view.workProbe = (u, r) -> { };
        });
        long[] u = update.stream().mapToLong(Long::longValue).toArray();
        long[] r = repaint.stream().mapToLong(Long::longValue).toArray();
        System.out.printf("  %4.0f steps/s: frames %s%n", stepsPerSecond, frames.stats());
        System.out.printf("  %4.0f steps/s: graph update per frame %s%n", stepsPerSecond, FrameProbe.Stats.of(u));
        System.out.printf("  %4.0f steps/s: GraphStream repaint per frame %s%n", stepsPerSecond, FrameProbe.Stats.of(r));
        int n = Math.max(1, frames.stats().samples());
        System.out.printf("  %4.0f steps/s: CPU per frame: JavaFX thread %.2f ms, render thread %.2f ms%n",
                stepsPerSecond, (cpu[2] - cpu[0]) / 1e6 / n, (cpu[3] - cpu[1]) / 1e6 / n);
    }
}
