package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.LaunchOptions;
import io.liquidlens.app.TestModels;
import io.liquidlens.app.ThrowawayPrefs;
import io.liquidlens.app.WorkbenchApp;
import io.liquidlens.app.Workbenches;
import io.liquidlens.app.input.InputFrameView;
import io.liquidlens.app.playback.PlaybackBar;
import io.liquidlens.app.traces.TraceChartsView;
import io.liquidlens.app.traces.TraceNeuron;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.graphstream.ui.geom.Point3;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window on one time cursor: after playing, the graph, every trace chart and the input view show the
 * step the cursor is on, and a neuron clicked in the graph is drawn in the traces.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchOneCursorTest {
    private static final int STEPS = 200;
    private static final int INPUTS = 8;
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;
    private Path rollout;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) throws Exception {
        Path model = TestModels.ltcFixture(tmp.resolve("model"));
        rollout = TestModels.rollout(tmp.resolve("episode.npz"), STEPS, INPUTS, 11);
        app = new WorkbenchApp(new LaunchOptions(model, rollout, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    private void awaitSimulated() throws Exception {
        Workbenches.awaitSimulated(app);
    }

    private <T extends Node> T view(FxRobot robot, String id, Class<T> type) {
        return robot.from(app.stage().getScene().getRoot()).lookup("#" + id).queryAs(type);
    }

    @Test
    void afterPlayingEveryViewShowsTheCursorStep(FxRobot robot) throws Exception {
        awaitSimulated();
        WiringGraphView graph = view(robot, WiringGraphView.ID, WiringGraphView.class);
        TraceChartsView traces = view(robot, TraceChartsView.ID, TraceChartsView.class);
        InputFrameView input = view(robot, InputFrameView.ID, InputFrameView.class);
        int[][] atStart = new int[1][];
        robot.interact(() -> {
            graph.refreshNow();
            atStart[0] = graph.graph().vertexLevels();
        });

        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.workspace().cursor().step() >= 25);
        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS); // a pulse or two, so every view has drawn
        WaitForAsyncUtils.waitForFxEvents();
        int step = app.workspace().cursor().step();

        // the graph: what it drew while playing is what it draws for that step from scratch, not the start's
        int[][] levels = new int[2][];
        robot.interact(() -> {
            levels[0] = graph.graph().vertexLevels();
            app.workspace().cursor().moveTo(0);
            graph.refreshNow();
            app.workspace().cursor().moveTo(step);
            graph.refreshNow();
            levels[1] = graph.graph().vertexLevels();
        });
        assertThat(levels[0]).isEqualTo(levels[1]).isNotEqualTo(atStart[0]);

        // every chart: the cursor's red is on screen at the x of the step
        WritableImage window = new WritableImage(1, 1);
        WritableImage[] shot = {window};
        robot.interact(() -> shot[0] = app.stage().getScene().snapshot(null));
        for (TraceChartsView.Chart c : TraceChartsView.Chart.values()) {
            Point2D[] p = new Point2D[1];
            robot.interact(() -> {
                var canvas = traces.chartViewer(c).getCanvas();
                double x = traces.xOf(c, step);
                p[0] = canvas.localToScene(x, canvas.getHeight() / 2);
            });
            assertThat(redWithinOnePixel(shot[0], p[0])).as("cursor line over the %s chart at step %d", c, step)
                    .isTrue();
        }

        // the input bars hold the rollout's values at the step
        Rollout r = Rollouts.read(rollout);
        List<XYChart.Data<Number, String>> bars = input.inputBars().getData().get(0).getData();
        assertThat(bars).hasSize(INPUTS);
        for (XYChart.Data<Number, String> bar : bars) {
            int i = Integer.parseInt(bar.getYValue().substring("input_".length()));
            assertThat(bar.getXValue().floatValue()).isEqualTo(r.inputs().floatsView()[step * INPUTS + i]);
        }
    }

    @Test
    void aNeuronClickedInTheGraphIsDrawnInTheTraces(FxRobot robot) throws Exception {
        awaitSimulated();
        WiringGraphView graph = view(robot, WiringGraphView.ID, WiringGraphView.class);
        TraceChartsView traces = view(robot, TraceChartsView.ID, TraceChartsView.class);
        WiringLayout.Vertex command = graph.graph().layout().vertices().stream()
                .filter(v -> v.role() == NeuronRole.COMMAND).findFirst().orElseThrow();
        int neuron = command.index() - INPUTS;
        assertThat(traces.shownNeurons()).extracting(TraceNeuron::id).doesNotContain(neuron);

        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            graph.refreshNow();
            Point3 px = graph.panel().getCamera().transformGuToPx(command.x(), command.y(), 0);
            p[0] = graph.panel().localToScreen(px.x, px.y);
        });
        robot.clickOn(p[0]);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(app.workspace().selection().selected()).containsExactly(neuron);
        assertThat(traces.shownNeurons()).extracting(TraceNeuron::id).containsExactly(neuron);
        String name = traces.shownNeurons().get(0).name();
        assertThat(traces.chart(TraceChartsView.Chart.STATE).getXYPlot().getDataset().getSeriesKey(0).toString())
                .contains(name);
    }

    private static boolean redWithinOnePixel(WritableImage image, Point2D p) {
        int y = (int) Math.round(p.getY());
        for (int dx = -1; dx <= 1; dx++) {
            Color c = image.getPixelReader().getColor((int) Math.round(p.getX()) + dx, y);
            if (c.getRed() > 0.75 && c.getGreen() < 0.3 && c.getBlue() < 0.3) {
                return true;
            }
        }
        return false;
    }
}
