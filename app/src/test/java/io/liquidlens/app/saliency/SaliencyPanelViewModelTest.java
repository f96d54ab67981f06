package io.liquidlens.app.saliency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.causal.InputGradient;
import io.liquidlens.causal.Perturbation;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencyModel;
import io.liquidlens.causal.SaliencyShare;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.causal.Ssim;
import io.liquidlens.causal.VisualBackProp;
import io.liquidlens.causal.VisualBackPropMethod;
import io.liquidlens.io.InputRole;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ProgressListener;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Saliency panel's view model, headless: tasks run on the calling thread, on the checked-in samples. */
class SaliencyPanelViewModelTest {
    private static final Path EPISODE = TestModels.CAMERA_EPISODE;
    private static final Path VECTOR_EPISODE = TestModels.VECTOR_EPISODE;

    @TempDir
    Path tmp;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
    private final SaliencyPanelViewModel panel = new SaliencyPanelViewModel(workspace, TaskExecutor.sameThread());

    private void openCameraSample() {
        workspace.open(TestModels.CAMERA_SAMPLE, EPISODE);
        assertThat(workspace.activityProperty().get()).isNotNull();
    }

    private SaliencyModel saliencyModel() {
        return SaliencyModel.load(workspace.modelProperty().get());
    }

    @Test
    void theCursorsMapsAreVisualBackPropOfItsFrameAndWithoutPerturbationTheSsimIsOne() {
        openCameraSample();
        Rollout rollout = workspace.rolloutProperty().get();
        SaliencyModel model = saliencyModel();

        StepMaps at0 = panel.mapsProperty().get();
        assertThat(at0.step()).isZero();
        assertThat(at0.method()).isEqualTo(SaliencySpec.of(SaliencyChoice.VBP));
        assertThat(at0.cleanMap()).isEqualTo(new VisualBackPropMethod().map(model, rollout, 0, 0));
        assertThat(at0.perturbedMap()).isEqualTo(at0.cleanMap());
        assertThat(at0.change().ssim()).isCloseTo(1, within(1e-12));
        assertThat(at0.change().deviation()).isZero();
        assertThat(panel.computingProperty().get()).isFalse();
        assertThat(panel.statusProperty().get()).startsWith("step 0 · VisualBackProp (vbp) · SSIM 1.0000");

        workspace.cursor().moveTo(40);
        StepMaps at40 = panel.mapsProperty().get();
        assertThat(at40.step()).isEqualTo(40);
        assertThat(at40.cleanMap()).isEqualTo(new VisualBackPropMethod().map(model, rollout, 40, 0))
                .isNotEqualTo(at0.cleanMap());
    }

    @Test
    void aPerturbationIsMadeOncePerChoiceAndItsMapsAreVisualBackPropOfThePerturbedFrames() {
        openCameraSample();
        Rollout rollout = workspace.rolloutProperty().get();
        PerturbationChoice noise = panel.perturbations().stream()
                .filter(p -> p.label().equals("pixel noise, variance 0.2")).findFirst().orElseThrow();
        panel.seedProperty().set(3);
        panel.perturbationProperty().set(noise);
        workspace.cursor().moveTo(25);

        StepMaps maps = panel.mapsProperty().get();
        Rollout perturbed = new Perturbation.PixelNoise(0.2, 3).apply(rollout).rollout();
        assertThat(maps.perturbed().inputs().floatsView()).isEqualTo(perturbed.inputs().floatsView());
        int size = rollout.featuresPerStep();
        float[] frame = Arrays.copyOfRange(perturbed.inputs().floatsView(), 25 * size, 26 * size);
        var head = workspace.modelProperty().get().network().head().orElseThrow();
        SaliencyMap expected = new VisualBackProp(head).mask(frame);
        assertThat(maps.perturbedMap()).isEqualTo(expected);
        assertThat(maps.change().ssim()).isEqualTo(Ssim.between(maps.cleanMap(), expected)).isLessThan(1);

        Activity clean = workspace.activityProperty().get();
        Activity noisy = Activities.simulate(workspace.modelProperty().get().network(), perturbed, ProgressListener.NONE);
        assertThat(maps.change().deviation()).isEqualTo(Math.abs(noisy.output(25, 0) - clean.output(25, 0)));

        workspace.cursor().moveTo(26);
        assertThat(panel.mapsProperty().get().step()).isEqualTo(26);
        assertThat(panel.mapsProperty().get().perturbed()).isSameAs(maps.perturbed());
    }

    @Test
    void aSampleWorldRecordingOffersObjectsAndShadowsReRenderedFromTheSeed() {
        openCameraSample();
        Rollout rollout = workspace.rolloutProperty().get();
        assertThat(panel.perturbations()).extracting(PerturbationChoice::label)
                .contains("objects (sample world re-rendered)", "shadows (sample world re-rendered)");
        PerturbationChoice objects = panel.perturbations().stream().filter(p -> p.label().startsWith("objects"))
                .findFirst().orElseThrow();
        panel.seedProperty().set(2);
        panel.perturbationProperty().set(objects);

        Rollout expected = new Perturbation.SampleWorld(Distractors.parse("objects").withSeed(2)).apply(rollout).rollout();
        assertThat(panel.mapsProperty().get().perturbed().inputs().floatsView())
                .isEqualTo(expected.inputs().floatsView());
    }

    @Test
    void aCameraRolloutTheSampleWorldDidNotRecordIsNotOfferedObjectsOrShadows() {
        int steps = 2;
        float[] frames = new float[steps * 32 * 96 * 3];
        Rollout synthetic = Rollout.ofInputs(NdArray.ofFloats(new int[] {steps, 32, 96, 3}, frames));
        assertThat(PerturbationChoice.forRollout(synthetic)).isNotEmpty()
                .noneMatch(PerturbationChoice::sampleWorld);
        assertThat(PerturbationChoice.forRollout(synthetic)).containsExactlyElementsOf(PerturbationChoice.forRollout(true));
    }

    @Test
    void aGradientMethodMapsTheStepWithTheStateTheStepsBeforeItLeave() {
        openCameraSample();
        panel.methodProperty().set(SaliencySpec.of(SaliencyChoice.GRADIENT));
        workspace.cursor().moveTo(12);
        StepMaps maps = panel.mapsProperty().get();
        assertThat(maps.step()).isEqualTo(12);
        assertThat(maps.cleanMap()).isEqualTo(new InputGradient().map(saliencyModel(), workspace.rolloutProperty().get(), 12, 0));
    }

    @Test
    void aVectorModelIsOfferedNoVisualBackPropAndItsStripHasNoSsim() throws Exception {
        workspace.open(TestModels.VECTOR_SAMPLE, TestModels.rollout(tmp.resolve("r.npz"), 30, 6, 5));
        assertThat(panel.methods()).doesNotContain(SaliencySpec.of(SaliencyChoice.VBP)).contains(SaliencySpec.of(SaliencyChoice.OCCLUSION));
        assertThat(panel.perturbations()).allMatch(p -> !p.camera());
        assertThat(panel.methodProperty().get()).isEqualTo(SaliencySpec.of(SaliencyChoice.GRADIENT));
        workspace.cursor().moveTo(9);

        StepMaps maps = panel.mapsProperty().get();
        assertThat(maps.cleanMap().height()).isEqualTo(1);
        assertThat(maps.cleanMap().width()).isEqualTo(6);
        assertThat(maps.cleanMap()).isEqualTo(new InputGradient().map(saliencyModel(), workspace.rolloutProperty().get(), 9, 0));
        assertThat(maps.change().hasSsim()).isFalse();
        assertThat(panel.statusProperty().get()).contains("SSIM n/a");
    }

    @Test
    void nothingIsComputedWhileThePanelIsHiddenAndItCatchesUpWhenShown() {
        panel.activeProperty().set(false);
        openCameraSample();
        workspace.cursor().moveTo(7);
        assertThat(panel.mapsProperty().get()).isNull();

        panel.activeProperty().set(true);
        assertThat(panel.mapsProperty().get().step()).isEqualTo(7);
    }

    @Test
    void aVectorModelsRolesAreTheReportsAndChangingOneMovesItsShareToTheNewRole() {
        workspace.open(TestModels.VECTOR_SAMPLE, VECTOR_EPISODE);
        workspace.cursor().moveTo(12);
        InputRoleShares roles = panel.roles();
        assertThat(roles.rolesProperty().get()).containsExactly(entry("d_lane", InputRole.TASK), entry("mu", InputRole.TASK),
                entry("kappa", InputRole.TASK), entry("noise_1", InputRole.DISTRACTOR),
                entry("noise_2", InputRole.DISTRACTOR), entry("spurious_1", InputRole.DISTRACTOR));
        StepMaps maps = panel.mapsProperty().get();
        assertThat(maps.step()).isEqualTo(12);
        SaliencyShare before = roles.cleanProperty().get();
        assertThat(before).isEqualTo(SaliencyShare.ofInputs(maps.cleanMap(), List.copyOf(
                roles.rolesProperty().get().values())));
        double onNoise1 = maps.cleanMap().value(0, 3) / before.total();
        assertThat(onNoise1).isPositive();

        roles.set("noise_1", InputRole.OTHER);

        SaliencyShare after = roles.cleanProperty().get();
        assertThat(after.distractor()).isCloseTo(before.distractor() - onNoise1, within(1e-12));
        assertThat(after.background()).isCloseTo(before.background() + onNoise1, within(1e-12));
        assertThat(after.task()).isEqualTo(before.task());
        assertThat(roles.changed()).containsExactly(entry("noise_1", InputRole.OTHER));
        assertThat(roles.lineProperty().get()).startsWith("share of saliency by role at step 12: clean task ");
        assertThatThrownBy(() -> roles.set("steer", InputRole.TASK)).hasMessageContaining("'steer' is not one of");
    }

    @Test
    void aVectorModelOpenedWithoutARolloutShowsItsRolesAndNoShares() {
        workspace.openModel(TestModels.VECTOR_SAMPLE);
        assertThat(panel.roles().rolesProperty().get()).containsKeys("d_lane", "noise_1").hasSize(6);
        assertThat(panel.roles().cleanProperty().get()).isNull();
        assertThat(panel.roles().lineProperty().get()).isEqualTo("share of saliency by role: once the maps at the cursor are made");
    }

    @Test
    void aCameraModelHasNoInputRoles() {
        openCameraSample();
        assertThat(panel.roles().rolesProperty().get()).isEmpty();
        assertThat(panel.roles().cleanProperty().get()).isNull();
        assertThat(panel.roles().lineProperty().get()).isEmpty();
    }
}
