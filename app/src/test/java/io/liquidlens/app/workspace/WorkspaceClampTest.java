package io.liquidlens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.sim.Activity;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clamping neurons of the loaded model, headless: the re-simulation runs on the calling thread. */
class WorkspaceClampTest {
    @TempDir
    Path tmp;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
    private Activity original;
    private int command;

    @BeforeEach
    void openSession() throws Exception {
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m")));
        workspace.openRollout(TestModels.rollout(tmp.resolve("r.npz"), 60, 8, 1));
        original = workspace.activityProperty().get();
        Wiring wiring = workspace.modelProperty().get().network().connectivity().orElseThrow();
        command = -1;
        for (int id = 0; id < wiring.units() && command < 0; id++) {
            if (wiring.role(id) == NeuronRole.COMMAND) {
                command = id;
            }
        }
    }

    @Test
    void clampingACommandNeuronChangesTheOutputsAndHoldsItsState() {
        workspace.clamps().clamp(command, 2.5f);

        Activity clamped = workspace.activityProperty().get();
        assertThat(clamped).isNotSameAs(original);
        assertThat(workspace.unclampedActivityProperty().get()).isSameAs(original);
        for (int t = 0; t < clamped.steps(); t++) {
            assertThat(clamped.state(t, command)).isEqualTo(2.5f);
        }
        assertThat(clamped.outputSeries(0)).isNotEqualTo(original.outputSeries(0));
        assertThat(workspace.clampsProperty().get()).hasSize(1);
        assertThat(workspace.statusProperty().get()).contains("clamp").contains("= 2.5000");
        assertThat(workspace.lastErrorProperty().get()).isNull();
    }

    @Test
    void clampToMinAndMaxUseTheNeuronsUnclampedRange() {
        float[] range = workspace.clamps().rangeOf(command);
        workspace.clamps().clampToMax(command);
        assertThat(workspace.activityProperty().get().state(5, command)).isEqualTo(range[1]);
        workspace.clamps().clampToMin(command);
        assertThat(workspace.activityProperty().get().state(5, command)).isEqualTo(range[0]);
        assertThat(workspace.clampsProperty().get()).hasSize(1);
        assertThat(workspace.clamps().rangeOf(command)).isEqualTo(range);
    }

    @Test
    void releasingEveryClampRestoresTheOriginalOutputsExactly() {
        workspace.clamps().clamp(command, 2.5f);
        workspace.clamps().clamp(command + 1, -1f);
        workspace.clamps().release(command);
        assertThat(workspace.clampsProperty().get()).extracting(c -> c.neuron()).containsExactly(command + 1);

        workspace.clamps().releaseAll();

        assertThat(workspace.activityProperty().get()).isSameAs(original);
        assertThat(workspace.activityProperty().get().outputSeries(0)).isEqualTo(original.outputSeries(0));
        assertThat(workspace.clampsProperty().get()).isEmpty();
        assertThat(workspace.statusProperty().get()).doesNotContain("clamp");
    }

    @Test
    void openingAnotherRolloutDropsTheClamps() throws Exception {
        workspace.clamps().clamp(command, 2.5f);
        workspace.openRollout(TestModels.rollout(tmp.resolve("other.npz"), 30, 8, 2));
        assertThat(workspace.clampsProperty().get()).isEmpty();
        assertThat(workspace.unclampedActivityProperty().get()).isSameAs(workspace.activityProperty().get());
    }

    @Test
    void aTypedValueClampsWhenItIsAFiniteNumberAndIsReportedInOneLineOtherwise() {
        workspace.clamps().clamp(command, " 0.75 ");
        assertThat(workspace.activityProperty().get().state(3, command)).isEqualTo(0.75f);
        Activity clamped = workspace.activityProperty().get();

        workspace.clamps().clamp(command, "half");
        assertThat(workspace.lastErrorProperty().get())
                .isEqualTo("clamp value: \"half\" is not a number (e.g. 0.5 or -1)");
        workspace.lastErrorProperty().set(null);
        workspace.clamps().clamp(command, "Infinity");
        assertThat(workspace.lastErrorProperty().get())
                .isEqualTo("clamp value: must be a finite number, got Infinity");

        assertThat(workspace.activityProperty().get()).isSameAs(clamped);
        assertThat(workspace.clamps().describe()).endsWith("= 0.7500");
    }
}
