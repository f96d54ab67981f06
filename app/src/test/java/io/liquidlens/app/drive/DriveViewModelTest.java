package io.liquidlens.app.drive;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Driving a held-out episode with and without the workspace's clamps, headless on the calling thread. */
class DriveViewModelTest {
    private static final Path EPISODE = TestModels.CAMERA_EPISODE;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
    private final DriveViewModel drive = new DriveViewModel(workspace, TaskExecutor.sameThread());

    private int motor() {
        Wiring w = workspace.modelProperty().get().network().connectivity().orElseThrow();
        return IntStream.range(0, w.units()).filter(id -> w.role(id) == NeuronRole.MOTOR).findFirst().orElseThrow();
    }

    @Test
    void aClampedMotorNeuronDrivesAnotherPathThanTheOwnNetwork() {
        workspace.open(TestModels.CAMERA_SAMPLE, EPISODE);
        workspace.clamps().clamp(motor(), workspace.clamps().rangeOf(motor())[1]);
        drive.stepsProperty().set(30);

        drive.drive();

        DrivenPaths p = drive.pathsProperty().get();
        assertThat(drive.errorProperty().get()).isNull();
        assertThat(p.steps()).isEqualTo(30);
        assertThat(p.clampedPath()).hasSize(60).isNotEqualTo(p.ownPath());
        assertThat(p.clampedOffset()).hasSize(30).isNotEqualTo(p.ownOffset());
        assertThat(p.clamps()).contains("motor");
    }

    @Test
    void withoutClampsBothPathsAreTheSame() {
        workspace.open(TestModels.CAMERA_SAMPLE, EPISODE);
        drive.stepsProperty().set(20);
        drive.drive();
        DrivenPaths p = drive.pathsProperty().get();
        assertThat(p.clampedPath()).isEqualTo(p.ownPath());
        assertThat(p.clampedOffset()).hasSize(20).isEqualTo(p.ownOffset());
        assertThat(p.clamps()).isEqualTo("no clamp");
    }

    @Test
    void withoutAModelItSaysSoInOneLine() {
        drive.drive();
        assertThat(drive.errorProperty().get()).isEqualTo("drive: open a model first");
        assertThat(drive.pathsProperty().get()).isNull();
    }
}
