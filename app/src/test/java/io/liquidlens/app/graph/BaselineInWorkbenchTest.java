package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.LaunchOptions;
import io.liquidlens.app.ThrowawayPrefs;
import io.liquidlens.app.WorkbenchApp;
import io.liquidlens.app.Workbenches;
import io.liquidlens.app.playback.PlaybackBar;
import io.liquidlens.app.traces.TraceChartsView;
import io.liquidlens.checkpoint.CheckpointImport;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.sim.Activity;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * An LSTM torch wrote (the 24-unit fixture), imported as {@code liquidlens import} does, opened with a run of its
 * fixture inputs: the graph is a layer diagram (inputs, then layer 0's units, joined by dense links), the units
 * light up as it plays, the traces name a unit {@code l0.u3} and a clamp names it so too.
 */
@ExtendWith(ApplicationExtension.class)
class BaselineInWorkbenchTest {
    private static final Path FIXTURE = Path.of("..", "analysis", "src", "test", "resources", "baselines", "fixtures",
            "lstm24x1_in6_out1");
    /** Where to save a picture of the window (for the docs), or unset. */
    private static final String SCREENSHOT = "liquidlens.baselineScreenshot";
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        Path model = tmp.resolve("lstm");
        var inspection = CheckpointImport.inspect(FIXTURE.resolve("weights.pt"), Map.of("batch_first", "true"));
        CheckpointImport.write(inspection, model, "test", "fixture LSTM", List.of());
        // the fixture's first input sequence (30 steps of 6 inputs), as a rollout
        NdArray input = Npy.read(FIXTURE.resolve("input.npy"));
        float[] first = Arrays.copyOf(input.toFloatArray(), 30 * 6);
        Path run = tmp.resolve("run.npz");
        Rollouts.write(run, new Rollout(NdArray.ofFloats(new int[] {30, 6}, first), null, null, null, null,
                List.of(), null, null, Map.of()));
        app = new WorkbenchApp(new LaunchOptions(model, run, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void anLstmPlaysAsALayerDiagramWithItsUnitsNamedAndClamped(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);
        WiringGraphView graph = robot.lookup("#" + WiringGraphView.ID).queryAs(WiringGraphView.class);
        robot.interact(graph::refreshNow);
        WiringLayout layout = graph.graph().layout();
        assertThat(layout).isNotNull();
        assertThat(layout.inputs()).isEqualTo(6);
        assertThat(layout.neurons()).isEqualTo(24);
        // dense: every input to every unit of the one layer
        assertThat(layout.links()).hasSize(6 * 24).allMatch(WiringLayout.Link::sensory);
        assertThat(layout.neuron(3).name()).isEqualTo("l0.u3");
        assertThat(layout.neuron(3).role()).isEqualTo(NeuronRole.INTER);
        // two columns: the inputs left of the units
        assertThat(layout.vertices().subList(0, 6)).allMatch(v -> v.x() < layout.neuron(0).x());

        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> app.workspace().cursor().step() >= 20);
        robot.clickOn("#" + PlaybackBar.PLAY_ID);
        WaitForAsyncUtils.waitForFxEvents();
        int[][] levels = new int[1][];
        robot.interact(() -> {
            graph.refreshNow();
            levels[0] = graph.graph().vertexLevels();
        });
        // the units light up: not all of them at the neutral fill, and not all at one level
        int[] units = Arrays.copyOfRange(levels[0], 6, 30);
        assertThat(Arrays.stream(units).distinct().count()).isGreaterThan(1);

        robot.interact(() -> app.workspace().selection().selectOnly(3));
        WaitForAsyncUtils.waitForFxEvents();
        TraceChartsView traces = robot.lookup("#" + TraceChartsView.ID).queryAs(TraceChartsView.class);
        assertThat(Workbenches.seriesNames(traces, TraceChartsView.Chart.STATE)).containsExactly("l0.u3");

        Activity before = app.workspace().activityProperty().get();
        robot.interact(() -> app.workspace().clamps().clamp(3, 0.5f));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.workspace().activityProperty().get() != before
                && app.workspace().activityProperty().get() != null);
        Activity clamped = app.workspace().activityProperty().get();
        for (int t = 0; t < clamped.steps(); t++) {
            assertThat(clamped.state(t, 3)).isEqualTo(0.5f);
        }
        assertThat(app.workspace().clamps().describe()).isEqualTo("clamp l0.u3 = 0.5000");
        String shot = System.getProperty(SCREENSHOT);
        if (shot != null) {
            Workbenches.screenshot(robot, app, Path.of(shot));
        }
    }
}
