package io.liquidlens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.app.workspace.ModelPanelView;
import io.liquidlens.checkpoint.CheckpointImport;
import io.liquidlens.io.CsvColumns;
import io.liquidlens.io.InputRole;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.sim.Activity;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The README's "your own model" pair, imported the way {@code liquidlens import} and {@code import-rollout} do it
 * (the same library calls), opened in the workbench: it plays what ncps computed for that run, and the model panel
 * shows the inputs with the roles given at import.
 */
@ExtendWith(ApplicationExtension.class)
class OwnModelInWorkbenchTest {
    private static final Path ROOT = Path.of("..");
    private static final List<String> INPUTS = List.of("d", "mu", "kappa", "noise1", "noise2", "spurious");
    @RegisterExtension
    static final ThrowawayPrefs PREFS = new ThrowawayPrefs();
    private WorkbenchApp app;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        Path model = tmp.resolve("my-model");
        var inspection = CheckpointImport.inspect(ROOT.resolve("sample-models/from-ncps/lanekeeping-ltc.pt"),
                Map.of());
        CheckpointImport.write(inspection, model, "test", "my-ltc", INPUTS,
                Map.of("noise1", InputRole.DISTRACTOR, "spurious", InputRole.DISTRACTOR));
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("--inputs", INPUTS);
        columns.put("--actions", List.of("steer"));
        List<NdArray> arrays = CsvColumns.read(ROOT.resolve("sample-traces/from-csv/lanekeeping-run.csv"), columns)
                .arrays();
        Path run = tmp.resolve("my-run.npz");
        Rollouts.write(run, new Rollout(arrays.get(0), null, arrays.get(1), null, null, List.of(), null, null,
                Map.of()));
        app = new WorkbenchApp(new LaunchOptions(model, run, 0, 1));
        app.start(stage);
    }

    @AfterEach
    void closeWindows(FxRobot robot) throws Exception {
        Workbenches.close(robot, app);
    }

    @Test
    void theImportedModelPlaysWhatNcpsComputedAndShowsItsInputRoles(FxRobot robot) throws Exception {
        Workbenches.awaitSimulated(app);

        Activity activity = app.workspace().activityProperty().get();
        float[] ncps = Npy.read(ROOT.resolve("sample-models/from-ncps/ncps-outputs.npy")).toFloatArray();
        assertThat(activity.steps()).isEqualTo(ncps.length);
        for (int t = 0; t < ncps.length; t++) {
            assertThat(activity.output(t, 0)).as("step %d", t).isCloseTo(ncps[t], within(1e-5f));
        }
        TextArea summary = robot.lookup("#" + ModelPanelView.SUMMARY_ID).queryAs(TextArea.class);
        assertThat(summary.getText()).contains("my-ltc").contains("noise1 (distractor*)")
                .contains("noise2 (other)").contains("d (task)");
        assertThat(robot.lookup("#" + WorkbenchApp.STATUS_ID).queryAs(Label.class).getText())
                .contains("my-run.npz").contains(ncps.length + " steps");
    }
}
