package io.liquidlens.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.sim.Activity;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the wiring graph's neuron menu: right-click a command neuron, clamp it to its max, release. */
@ExtendWith(ApplicationExtension.class)
class WiringGraphClampMenuTest {
    @TempDir
    static Path tmp;

    private WorkspaceViewModel workspace;
    private WiringGraphView view;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "case");
        workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
        workspace.openModel(TestModels.ltcFixture(dir.resolve("model")));
        workspace.openRollout(TestModels.rollout(dir.resolve("r.npz"), 40, 8, 7));
        view = new WiringGraphView(workspace, TaskExecutor.sameThread());
        stage.setScene(new Scene(view, 1000, 700));
        stage.show();
        view.refreshNow();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(view::close);
    }

    @Test
    void rightClickingANeuronClampsItToItsMaxAndRingsIt(FxRobot robot) {
        Activity original = workspace.activityProperty().get();
        WiringLayout.Vertex command = view.graph().layout().vertices().stream()
                .filter(v -> v.role() == NeuronRole.COMMAND).findFirst().orElseThrow();
        float max = workspace.rangeOf(command.id())[1];
        Point2D[] at = new Point2D[1];
        robot.interact(() -> {
            view.refreshNow();
            at[0] = view.panel().localToScreen(view.synapseLayer().x(command.index()),
                    view.synapseLayer().y(command.index()));
        });

        robot.moveTo(at[0]).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.neuronMenu().isShowing()).isTrue();
        robot.clickOn("#" + WiringGraphView.CLAMP_MAX_ID);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workspace.activityProperty().get()).isNotSameAs(original);
        assertThat(workspace.activityProperty().get().state(10, command.id())).isEqualTo(max);
        assertThat(view.graph().isClamped(command.index())).isTrue();
        assertThat(view.graph().classesOf(command.index())).contains(WiringGraph.CLASS_CLAMPED);
        Label line = robot.lookup("#" + WiringGraphView.CLAMP_LINE_ID).queryAs(Label.class);
        assertThat(line.isVisible()).isTrue();
        assertThat(line.getText()).contains(command.name());

        robot.interact(() -> {
            view.openNeuronMenu(command.index());
            view.neuronMenu().getItems().stream().filter(i -> WiringGraphView.CLAMP_RELEASE_ALL_ID.equals(i.getId()))
                    .findFirst().orElseThrow().fire();
        });
        assertThat(workspace.activityProperty().get()).isSameAs(original);
        assertThat(view.graph().isClamped(command.index())).isFalse();
        assertThat(line.isVisible()).isFalse();
    }
}
