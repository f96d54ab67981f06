package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.LaunchOptions;
import io.liquidlens.app.ThrowawayPrefs;
import io.liquidlens.app.WorkbenchApp;
import io.liquidlens.app.Workbenches;
import io.liquidlens.app.playback.PlaybackBar;
import io.liquidlens.app.traces.TraceChartsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
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
 * The issue's "Done when": the vector study's trained LSTM sample (64 units, seed 1) opened with one of the study's
 * held-out rollouts exactly as {@code liquidlens-app.jar MODEL ROLLOUT} opens them (the same argument parsing, the
 * same window), then played: a layer diagram of 6 inputs and 64 units, traces named {@code l0.uJ}, a moving cursor.
 */
@ExtendWith(ApplicationExtension.class)
class LstmSampleInWorkbenchTest {
    private static final String MODEL = "../sample-models/vector-study/lstm-s1";
    private static final String ROLLOUT = "../sample-traces/vector-study/episode-0001.npz";
    /** Where to save a picture of the window (docs/workbench-lstm.png), or unset. */
    private static final String SCREENSHOT = "liquidlens.lstmScreenshot";
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        app = new WorkbenchApp(LaunchOptions.parse(List.of(MODEL, ROLLOUT)));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void theStudysLstmOpensFromTheCommandLineAndPlays(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        assertThat(app.workspace().activityProperty().get().steps()).isEqualTo(500);
        WiringGraphView graph = robot.lookup("#" + WiringGraphView.ID).queryAs(WiringGraphView.class);
        robot.interact(graph::refreshNow);
        WiringLayout layout = graph.graph().layout();
        assertThat(layout.inputs()).isEqualTo(6);
        assertThat(layout.neurons()).isEqualTo(64);
        assertThat(layout.vertices().subList(0, 6)).extracting(WiringLayout.Vertex::name)
                .containsExactly("d_lane", "mu", "kappa", "noise_1", "noise_2", "spurious_1");
        assertThat(layout.neuron(63).name()).isEqualTo("l0.u63");
        assertThat(layout.links()).hasSize(6 * 64);
        // 64 units stay legible: the column wraps so rows are at least a label's height apart on screen, and every
        // unit keeps its label
        SynapseLayer drawn = graph.synapseLayer();
        double closest = Double.POSITIVE_INFINITY;
        for (int id = 1; id < 64; id++) {
            int a = layout.inputs() + id - 1;
            int b = layout.inputs() + id;
            if (layout.vertices().get(a).x() == layout.vertices().get(b).x()) {
                closest = Math.min(closest, Math.abs(drawn.y(a) - drawn.y(b)));
            }
        }
        assertThat(closest).as("pixels between the closest units of one column").isGreaterThanOrEqualTo(14);
        for (int id = 0; id < 64; id++) {
            assertThat(graph.labels().label(layout.inputs() + id).isVisible()).as("label of l0.u%d", id).isTrue();
        }

        // the legend speaks of the layer diagram, on screen and in the SVG export (one key for both)
        Node legend = robot.lookup("#" + GraphLegend.ID).query();
        assertThat(robot.from(legend).lookup((Node n) -> n instanceof Label).queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("input", "unit", "dense link (no one sign)", "high (per unit)",
                        "link opacity, width: |activity of its source|")
                .doesNotContain("sensory", "command", "motor", "excitatory", "inhibitory");
        Path svg = tmp.resolve("graph.svg");
        robot.interact(() -> graph.exportSvg(svg));
        assertThat(Files.readString(svg)).contains("dense link (no one sign)").doesNotContain("inhibitory");

        // nothing selected: the traces show the first unit, named as every analysis names it
        TraceChartsView traces = robot.lookup("#" + TraceChartsView.ID).queryAs(TraceChartsView.class);
        assertThat(Workbenches.seriesNames(traces, TraceChartsView.Chart.STATE)).containsExactly("l0.u0");
        robot.interact(() -> app.workspace().selection().selectOnly(41));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Workbenches.seriesNames(traces, TraceChartsView.Chart.STATE)).containsExactly("l0.u41");

        // torch layers have no time constants: a note says so where the tau chart would be empty
        Label note = robot.lookup("#" + TraceChartsView.TAU_NOTE_ID).queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("no time constants: an LSTM's layers have none");
        assertThat(robot.lookup("#" + TraceChartsView.ID + "-tau").query().isVisible()).isFalse();

        int from = app.workspace().cursor().step();
        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().cursor().step() >= from + 30);
        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitForFxEvents();
        int stopped = app.workspace().cursor().step();
        assertThat(stopped).isGreaterThanOrEqualTo(from + 30);
        String shot = System.getProperty(SCREENSHOT);
        if (shot != null) {
            Workbenches.screenshot(robot, app, Path.of(shot));
        }
    }
}
