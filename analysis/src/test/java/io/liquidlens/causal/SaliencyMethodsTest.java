package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.grad.Param;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SaliencyMethodsTest {
    private static final Path ROOT = Stream.of(Path.of(".."), Path.of("."))
            .filter(p -> Files.isRegularFile(p.resolve("sample-models/vector-lanekeeping/model.json")))
            .findFirst().orElseThrow();
    private static final int STEP = 120;

    private static LoadedModel vectorModel() {
        return LoadedModel.load(ROOT.resolve("sample-models/vector-lanekeeping"));
    }

    private static Rollout vectorEpisode() {
        return Rollouts.read(ROOT.resolve("sample-traces/vector-lanekeeping/clean/episode-0000.npz"));
    }

    @Test
    void integratedGradientsAddUpToTheOutputChangeOnTheVectorSample() {
        SaliencyModel.Step step = SaliencyModel.load(vectorModel()).at(vectorEpisode(), STEP);
        // the registry's default: from zeros
        var ig = (IntegratedGradients) SaliencySpec.of(SaliencyChoice.INTEGRATED_GRADIENTS).create(false, 6, 0);
        double sum = Arrays.stream(ig.attributions(step, 0)).sum();
        double change = step.output(step.recorded(), 0) - step.output(new double[step.recorded().length], 0);
        assertThat(Math.abs(change)).isGreaterThan(1e-3); // the check means something
        assertThat(Math.abs(sum - change)).isLessThanOrEqualTo(0.01 * Math.abs(change));
    }

    @Test
    void integratedGradientsFromAGivenBaselineAddUpToo() {
        Rollout episode = vectorEpisode();
        SaliencyModel.Step step = SaliencyModel.load(vectorModel()).at(episode, STEP);
        double[] baseline = SaliencyModel.load(vectorModel()).at(episode, 10).recorded();
        double sum = Arrays.stream(new IntegratedGradients(baseline, 32).attributions(step, 0)).sum();
        double change = step.output(step.recorded(), 0) - step.output(baseline, 0);
        assertThat(Math.abs(sum - change)).isLessThanOrEqualTo(0.01 * Math.abs(change) + 1e-12);
    }

    @Test
    void theInputGradientMatchesCentralDifferences() {
        SaliencyModel.Step step = SaliencyModel.load(vectorModel()).at(vectorEpisode(), STEP);
        double[] x = step.recorded();
        double[] g = step.gradient(x, 0);
        SaliencyMap map = new InputGradient().map(step, 0);
        for (int i = 0; i < x.length; i++) {
            double h = 1e-5;
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (step.output(up, 0) - step.output(down, 0)) / (2 * h);
            assertThat(Math.abs(g[i] - fd)).as("feature %d", i).isLessThanOrEqualTo(1e-4 * Math.max(Math.abs(fd), 1e-6));
            assertThat(map.value(0, i)).isEqualTo(Math.abs(g[i]));
        }
    }

    /** Feature 3 ("noise_1") is cut off by setting its affine input weight to 0: nothing downstream sees it. */
    @Test
    void occludingAFeatureWithNoPathChangesNothing() {
        LoadedModel loaded = vectorModel();
        SequenceGradient cells = SequenceGradient.fromStateDict(loaded.manifest().spec(),
                ModelFolder.readWeights(loaded.folder(), loaded.manifest()));
        Param inputW = cells.params().params().stream().filter(p -> p.name().endsWith("input_w")).findFirst()
                .orElseThrow();
        cells.params().values()[inputW.offset() + 3] = 0;
        cells.prepare();
        SaliencyModel.Step step = SaliencyModel.ofVectors(cells).at(vectorEpisode(), STEP);
        SaliencyMap occlusion = new Occlusion(1, 1, 0.0).map(step, 0);
        assertThat(occlusion.height()).isEqualTo(1);
        assertThat(occlusion.width()).isEqualTo(6);
        assertThat(occlusion.value(0, 3)).isEqualTo(0.0);
        assertThat(new InputGradient().map(step, 0).value(0, 3)).isEqualTo(0.0);
        assertThat(occlusion.value(0, 0)).isPositive(); // the lateral offset d matters
    }

    @Test
    void everyMethodGivesAFrameSizedMapOnTheCameraSample() {
        SaliencyModel model = SaliencyModel.load(LoadedModel.load(ROOT.resolve("sample-models/ncp-lanekeeping")));
        Rollout episode = Rollouts.read(ROOT.resolve("sample-traces/ncp-lanekeeping/clean/episode-0000.npz"));
        SaliencyModel.Step step = model.at(episode, 50);
        List<SaliencyMethod> methods = List.of(new InputGradient(), new GradientTimesInput(),
                new IntegratedGradients(null, 4), new SmoothGrad(3, 0.1, 7), new Occlusion(8, 8, 0.0),
                new VisualBackPropMethod());
        for (SaliencyMethod m : methods) {
            SaliencyMap map = m.map(step, 0);
            assertThat(map.height()).as(m.toString()).isEqualTo(32);
            assertThat(map.width()).as(m.toString()).isEqualTo(96);
            assertThat(Arrays.stream(map.values()).max().orElseThrow()).as(m.toString()).isPositive();
        }
    }

    @Test
    void integratedGradientsAddUpOnACameraFrame() {
        SaliencyModel model = SaliencyModel.load(LoadedModel.load(ROOT.resolve("sample-models/ncp-lanekeeping")));
        Rollout episode = Rollouts.read(ROOT.resolve("sample-traces/ncp-lanekeeping/clean/episode-0000.npz"));
        SaliencyModel.Step step = model.at(episode, 20);
        double sum = Arrays.stream(new IntegratedGradients(null, 64).attributions(step, 0)).sum();
        double change = step.output(step.recorded(), 0) - step.output(new double[step.recorded().length], 0);
        assertThat(Math.abs(change)).isGreaterThan(1e-3);
        assertThat(Math.abs(sum - change)).isLessThanOrEqualTo(0.01 * Math.abs(change));
    }

    @Test
    void smoothGradIsSeeded() {
        SaliencyModel.Step step = SaliencyModel.load(vectorModel()).at(vectorEpisode(), STEP);
        assertThat(new SmoothGrad(10, 0.2, 3).map(step, 0)).isEqualTo(new SmoothGrad(10, 0.2, 3).map(step, 0));
        assertThat(new SmoothGrad(1, 0.0, 3).map(step, 0)).isEqualTo(new InputGradient().map(step, 0));
    }

    @Test
    void visualBackPropRefusesAVectorModel() {
        SaliencyModel model = SaliencyModel.load(vectorModel());
        assertThatThrownBy(() -> new VisualBackPropMethod().map(model, vectorEpisode(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("camera model");
    }

    @Test
    void badOptionsAndOutputsAreRefused() {
        assertThatThrownBy(() -> new IntegratedGradients(null, 0)).hasMessageContaining("steps >= 1, got 0");
        assertThatThrownBy(() -> new SmoothGrad(0, 0.1, 1)).hasMessageContaining("samples >= 1, got 0");
        assertThatThrownBy(() -> new SmoothGrad(1, -0.1, 1)).hasMessageContaining("sigma >= 0");
        assertThatThrownBy(() -> new SmoothGrad(1, Double.NaN, 1)).hasMessageContaining("sigma >= 0");
        assertThatThrownBy(() -> new Occlusion(1, 1, Double.POSITIVE_INFINITY)).hasMessageContaining("finite fill");
        assertThatThrownBy(() -> new Occlusion(0, 1, 0)).hasMessageContaining("patch >= 1, got 0");
        assertThatThrownBy(() -> new Occlusion(1, 0, 0)).hasMessageContaining("stride >= 1, got 0");
        SaliencyModel model = SaliencyModel.load(vectorModel());
        assertThatThrownBy(() -> new InputGradient().map(model, vectorEpisode(), 0, 1))
                .hasMessageContaining("output 1 is not one of the model's 1 outputs");
        assertThatThrownBy(() -> model.at(vectorEpisode(), 1000)).hasMessageContaining("outside the rollout's 1000");
        assertThatThrownBy(() -> new IntegratedGradients(new double[2], 4).map(model, vectorEpisode(), 0, 0))
                .hasMessageContaining("baseline holds 2 values");
    }

    /** Steps before t are run once and held: a step's output equals the full run's output at t. */
    @Test
    void aStepSeesTheStateOfTheWholeRun() {
        LoadedModel loaded = vectorModel();
        Rollout episode = vectorEpisode();
        SequenceGradient cells = SequenceGradient.fromStateDict(loaded.manifest().spec(),
                ModelFolder.readWeights(loaded.folder(), loaded.manifest()));
        var tape = cells.newTape(STEP + 1);
        double[] x = Arrays.copyOf(episode.inputs().toDoubleArray(), (STEP + 1) * 6);
        cells.forward(x, null, null, null, tape);
        SaliencyModel.Step step = SaliencyModel.ofVectors(cells).at(episode, STEP);
        assertThat(step.output(step.recorded(), 0)).isEqualTo(tape.output(STEP, 0));
    }
}
