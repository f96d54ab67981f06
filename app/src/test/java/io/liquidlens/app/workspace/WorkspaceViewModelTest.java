package io.liquidlens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace view model, headless: tasks run on the calling thread. */
class WorkspaceViewModelTest {
    @TempDir
    Path tmp;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());

    @Test
    void openingAModelFolderLoadsItAndSaysSo() throws Exception {
        Path folder = TestModels.ltcFixture(tmp.resolve("m"));
        workspace.openModel(folder);
        assertThat(workspace.modelProperty().get()).isNotNull();
        assertThat(workspace.summaryProperty().get().neurons().get(NeuronRole.COMMAND)).isEqualTo(7);
        assertThat(workspace.statusProperty().get()).contains("fixture NCP");
        assertThat(workspace.lastErrorProperty().get()).isNull();
    }

    @Test
    void aBadModelReportsOneLineAndKeepsTheLoadedOne() throws Exception {
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m")));
        var before = workspace.modelProperty().get();
        workspace.openModel(tmp.resolve("missing"));
        assertThat(workspace.modelProperty().get()).isSameAs(before);
        assertThat(workspace.lastErrorProperty().get()).contains("missing").doesNotContain("\n");
        assertThat(workspace.statusProperty().get()).contains("fixture NCP");
    }

    @Test
    void aModelAndARolloutAreSimulatedAndTheCursorSpansTheRollout() throws Exception {
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m")));
        workspace.openRollout(TestModels.rollout(tmp.resolve("r.npz"), 40, 8, 1));
        var activity = workspace.activityProperty().get();
        assertThat(activity).isNotNull();
        assertThat(activity.steps()).isEqualTo(40);
        assertThat(activity.neurons()).isEqualTo(19);
        assertThat(workspace.cursor().steps()).isEqualTo(40);
        workspace.cursor().moveTo(100);
        assertThat(workspace.cursor().step()).isEqualTo(39);
        assertThat(workspace.synapsesProperty().get().synapses()).isNotEmpty();
        assertThat(workspace.statusProperty().get()).contains("r.npz").contains("40 steps");
    }

    @Test
    void aRolloutOfTheWrongWidthSaysSoInOneLine() throws Exception {
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m")));
        workspace.openRollout(TestModels.rollout(tmp.resolve("r.npz"), 10, 3, 1));
        assertThat(workspace.activityProperty().get()).isNull();
        assertThat(workspace.lastErrorProperty().get()).contains("r.npz").contains("3 values per step")
                .doesNotContain("\n");
    }
}
