package io.liquidlens.app.tree;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.tree.TreeCaption;
import io.liquidlens.tree.TreeOptions;
import io.liquidlens.tree.TreeProgress;
import io.liquidlens.tree.TreeResult;
import io.liquidlens.tree.service.TreeRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Tree panel headless on the calling thread: the tree it shows is the one the command's entry point gives. */
class TreePanelViewModelTest {
    private static final Path EPISODE = TestModels.VECTOR_EPISODE;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
    private final TreePanelViewModel panel = new TreePanelViewModel(workspace, TaskExecutor.sameThread());

    @Test
    void untouchedControlsAskForTheDefaultTree() {
        assertThat(panel.options()).isEqualTo(TreeOptions.defaults());
    }

    @Test
    void theTreeShownIsTheOneTheRequestGivesForTheSameOptions() {
        workspace.open(TestModels.VECTOR_SAMPLE, EPISODE);
        panel.interProperty().set(true);
        panel.minLeafProperty().set(5);

        panel.extract();

        TreeResult shown = panel.resultProperty().get();
        assertThat(panel.errorProperty().get()).isNull();
        Path file = workspace.rolloutFileProperty().get();
        TreeResult asked = new TreeRequest(workspace.modelProperty().get(), List.of(file)).policyLevel(panel.options(),
                "test", TreeProgress.NONE);
        assertThat(shown.options()).isEqualTo(asked.options());
        assertThat(shown.tree().leaves()).isEqualTo(asked.tree().leaves());
        assertThat(shown.heldOut().confusion()).isDeepEqualTo(asked.heldOut().confusion());
        assertThat(shown.crossValidated().fidelity()).isEqualTo(asked.crossValidated().fidelity());
        assertThat(shown.provenance().command()).isEqualTo("liquidlens workbench: tree");
        assertThat(shown.provenance().inputs()).isEqualTo(asked.provenance().inputs());
        assertThat(panel.summaryProperty().get()).startsWith(TreeCaption.fidelity(shown) + " on ");
        // the rule at the cursor is the leaf's, each neuron bounded once
        int row = shown.data().rowOf(0, workspace.cursor().step());
        String leafClass = shown.data().classNames().get(shown.tree().classify(shown.data().row(row)));
        assertThat(panel.ruleProperty().get()).isEqualTo("rule: " + TreeCaption.ruleOf(shown, row))
                .contains("-> " + leafClass + " (");
    }

    @Test
    void withoutAModelItSaysSoInOneLineAndExtractsNothing() {
        panel.extract();

        assertThat(panel.errorProperty().get()).startsWith("Open a model and a rollout first");
        assertThat(panel.resultProperty().get()).isNull();
        assertThat(panel.extractingProperty().get()).isFalse();
    }
}
