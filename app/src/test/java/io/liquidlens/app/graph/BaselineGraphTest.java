package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.checkpoint.CheckpointImport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A baseline has no wiring to draw: the graph pane says so in one line naming the model, and draws nothing. */
@ExtendWith(ApplicationExtension.class)
class BaselineGraphTest {
    @TempDir
    static Path tmp;

    private WorkspaceViewModel workspace;
    private WiringGraphView view;
    private Path model;

    @Start
    void start(Stage stage) throws Exception {
        String testData = System.getProperty("liquidlens.testdata", "../analysis/src/test/resources");
        Path checkpoint = Path.of(testData, "baselines/fixtures/lstm24x1_in6_out1/weights.pt");
        model = tmp.resolve("lstm");
        CheckpointImport.write(CheckpointImport.inspect(checkpoint, Map.of()), model, "test", "LSTM", List.of());
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        workspace.openModel(model);
        workspace.openRollout(TestModels.rollout(tmp.resolve("r.npz"), 40, 6, 7));
        view = new WiringGraphView(workspace, TaskExecutor.sameThread());
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
        view.refreshNow();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(view::close);
    }

    @Test
    void theGraphOfABaselineIsRefusedInOneLineNamingTheModel(FxRobot robot) {
        Set<Label> labels = robot.from(view).lookup((Node n) -> n instanceof Label && n.isVisible())
                .queryAllAs(Label.class);

        assertThat(labels).extracting(Label::getText).anySatisfy(text -> assertThat(text)
                .startsWith(model.resolve("model.json").toString())
                .endsWith("an LSTM baseline; wiring graphs are not supported for baselines yet"));
        assertThat(view.graph().graph().getNodeCount()).isZero();
        assertThat(workspace.activityProperty().get().neurons()).as("the model still runs").isEqualTo(24);
    }
}
