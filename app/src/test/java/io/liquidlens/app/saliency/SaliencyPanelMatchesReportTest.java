package io.liquidlens.app.saliency;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.causal.AuditOptions;
import io.liquidlens.causal.AuditRequest;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.FrameMetrics;
import io.liquidlens.causal.FrameSaliency;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencyOverlay;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.ProgressListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Saliency panel and the report give the same numbers for every registered method: at the steps the report
 * measures, the panel's clean and perturbed maps, their SSIM and the output's deviation are the report's, on the
 * checked-in samples with the report's default options for the method and the same perturbation and seed.
 */
class SaliencyPanelMatchesReportTest {
    private static final Path VECTOR_EPISODE = TestModels.VECTOR_EPISODE;
    private static final long SEED = 3;
    /** One frame, the rollout's middle step: occlusion alone makes some 160 forward passes per map. */
    private static final int FRAMES = 1;
    /**
     * The camera episode's first steps: every method but VisualBackProp runs the steps before a frame in double
     * precision, twice in each path, so the whole episode made this test take minutes.
     */
    private static final int CAMERA_STEPS = 48;

    @TempDir
    Path tmp;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
    private final SaliencyPanelViewModel panel = new SaliencyPanelViewModel(workspace, TaskExecutor.sameThread());

    private static CausalAudit report(Path model, Path rollout, String perturbation, SaliencySpec method) {
        AuditOptions options = new AuditOptions(method, 0, FRAMES, FRAMES, 0, 1, SEED, false);
        return new AuditRequest(List.of(model), List.of(rollout), perturbation, List.of(), options)
                .run("test", ProgressListener.NONE);
    }

    /** Opens {@code model} on {@code rollout} and sets the panel to {@code method}, the perturbation and the seed. */
    private void choose(Path model, Path rollout, SaliencySpec method, String perturbation) {
        panel.activeProperty().set(false);
        workspace.open(model, rollout);
        assertThat(panel.methods()).as("the panel offers the registry's method with its defaults").contains(method);
        panel.methodProperty().set(method);
        panel.perturbationProperty().set(panel.perturbations().stream().filter(p -> p.label().equals(perturbation))
                .findFirst().orElseThrow());
        panel.seedProperty().set((int) SEED);
    }

    private StepMaps at(int step) {
        panel.activeProperty().set(true);
        workspace.cursor().moveTo(step);
        StepMaps maps = panel.mapsProperty().get();
        assertThat(panel.errorProperty().get()).isNull();
        assertThat(maps.step()).isEqualTo(step);
        return maps;
    }

    /** The first {@code steps} frames of {@code episode}, inputs only (both paths read this file), in {@code tmp}. */
    private Path firstSteps(Path episode, int steps) {
        NdArray frames = Rollouts.read(episode).inputs();
        int[] shape = frames.shape().clone();
        shape[0] = steps;
        float[] first = Arrays.copyOf(frames.floatsView(), steps * (frames.size() / frames.dim(0)));
        Path file = tmp.resolve("first-" + steps + ".npz");
        Rollouts.write(file, Rollout.ofInputs(NdArray.ofFloats(shape, first)));
        return file;
    }

    @ParameterizedTest
    @EnumSource(SaliencyChoice.class)
    void onTheCameraSampleThePanelsMapsSsimAndDeviationAreTheReports(SaliencyChoice choice) {
        SaliencySpec method = SaliencySpec.of(choice);
        Path episode = firstSteps(TestModels.CAMERA_EPISODE, CAMERA_STEPS);
        CausalAudit audit = report(TestModels.CAMERA_SAMPLE, episode, "noise=0.1", method);
        ModelAudit model = audit.models().get(0);
        FrameMetrics metrics = model.conditions().get(0).frames();
        assertThat(model.overlays()).hasSize(FRAMES);
        choose(TestModels.CAMERA_SAMPLE, episode, method, "pixel noise, variance 0.1");

        for (int k = 0; k < FRAMES; k++) {
            SaliencyOverlay overlay = model.overlays().get(k);
            assertThat(overlay.step()).isEqualTo(metrics.steps().get(k));
            StepMaps maps = at(overlay.step());
            assertThat(maps.cleanMap()).as("clean map at step %d", overlay.step()).isEqualTo(overlay.cleanMap());
            assertThat(maps.perturbedMap()).as("perturbed map at step %d", overlay.step())
                    .isEqualTo(overlay.perturbedMap()).isNotEqualTo(maps.cleanMap());
            assertThat(maps.change().ssim()).isEqualTo(metrics.ssim().get(k)).isLessThan(1);
            assertThat(maps.change().deviation()).isEqualTo(metrics.deviation().get(k));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SaliencyChoice.class, names = "VBP", mode = EnumSource.Mode.EXCLUDE)
    void onTheVectorSampleThePanelsMapsAreTheReportsAndItsDeviationTheReports(SaliencyChoice choice) {
        SaliencySpec method = SaliencySpec.of(choice);
        CausalAudit audit = report(TestModels.VECTOR_SAMPLE, VECTOR_EPISODE, "channels=0.1", method);
        FrameMetrics metrics = audit.models().get(0).conditions().get(0).frames();
        choose(TestModels.VECTOR_SAMPLE, VECTOR_EPISODE, method, "channel noise, variance 0.1 (every input)");
        // a vector report keeps no overlays: its maps come from the report's entry point on the same model folder
        FrameSaliency report = FrameSaliency.of(LoadedModel.load(TestModels.VECTOR_SAMPLE), method, 0, SEED);

        for (int k = 0; k < FRAMES; k++) {
            int step = metrics.steps().get(k);
            StepMaps maps = at(step);
            assertThat(maps.cleanMap()).isEqualTo(report.map(maps.clean(), step));
            assertThat(maps.perturbedMap()).isEqualTo(report.map(maps.perturbed(), step));
            assertThat(maps.change().hasSsim()).isFalse();
            assertThat(metrics.ssim().get(k)).isNaN();
            assertThat(maps.change().deviation()).isEqualTo(metrics.deviation().get(k)).isPositive();
        }
    }

    /** The vector study's trained LSTM: a baseline's Saliency tab shows the report's maps, as a liquid model's. */
    @ParameterizedTest
    @EnumSource(value = SaliencyChoice.class, names = {"GRADIENT", "INTEGRATED_GRADIENTS", "OCCLUSION"})
    void onAnLstmSampleThePanelsMapsAreTheReports(SaliencyChoice choice) {
        Path lstm = Path.of("..", "sample-models", "vector-study", "lstm-s1");
        Path episode = Path.of("..", "sample-traces", "vector-study", "episode-0000.npz");
        SaliencySpec method = SaliencySpec.of(choice);
        CausalAudit audit = report(lstm, episode, "channels=0.1", method);
        FrameMetrics metrics = audit.models().get(0).conditions().get(0).frames();
        choose(lstm, episode, method, "channel noise, variance 0.1 (every input)");
        FrameSaliency report = FrameSaliency.of(LoadedModel.load(lstm), method, 0, SEED);

        for (int k = 0; k < FRAMES; k++) {
            int step = metrics.steps().get(k);
            StepMaps maps = at(step);
            assertThat(maps.cleanMap()).isEqualTo(report.map(maps.clean(), step));
            assertThat(maps.perturbedMap()).isEqualTo(report.map(maps.perturbed(), step))
                    .isNotEqualTo(maps.cleanMap());
            assertThat(maps.change().deviation()).isEqualTo(metrics.deviation().get(k)).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(SaliencyChoice.class)
    void everyRegisteredMethodIsOfferedForTheModelsItAppliesTo(SaliencyChoice choice) {
        assertThat(SaliencySpec.defaultsFor(true)).contains(SaliencySpec.of(choice));
        assertThat(SaliencySpec.defaultsFor(false).contains(SaliencySpec.of(choice))).isEqualTo(!choice.cameraOnly());
        assertThat(Arrays.stream(SaliencyChoice.values()).map(SaliencyChoice::cliName)).doesNotHaveDuplicates();
    }
}
