package io.liquidlens.app.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.BackgroundTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.ProgressWork;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.dynamics.Dynamics;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.LabelledRollout;
import io.liquidlens.dynamics.RolloutDynamics;
import io.liquidlens.sim.Activity;
import io.liquidlens.tree.LabelBins;
import io.liquidlens.tree.LabelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Dynamics panel's view model, headless: the workspace loads on the calling thread, on the vector sample. */
class DynamicsPanelViewModelTest {
    private static final Path EPISODE_0 = TestModels.VECTOR_EPISODE;
    private static final Path EPISODE_1 = Path.of("..", "sample-traces", "vector-lanekeeping", "clean",
            "episode-0001.npz");

    @TempDir
    Path tmp;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());
    private final List<String> analysed = new ArrayList<>();
    /** The real analysis, counted. */
    private final DynamicsPanelViewModel.Analysis counted =
            (model, modelLabel, rollout, rolloutLabel, activity, sink) -> {
                analysed.add(rolloutLabel);
                return DynamicsPanelViewModel.DYNAMICS.run(model, modelLabel, rollout, rolloutLabel, activity, sink);
            };

    @Test
    void theDynamicsOfTheLoadedPairAreComputedOnceAndTheLineSaysPc1sShare() {
        DynamicsPanelViewModel panel = new DynamicsPanelViewModel(workspace, TaskExecutor.sameThread(), counted);
        workspace.open(TestModels.VECTOR_SAMPLE, EPISODE_0);

        DynamicsResult d = panel.resultProperty().get();
        assertThat(analysed).containsExactly("episode-0000.npz");
        assertThat(d.model()).isEqualTo("vector-lanekeeping");
        assertThat(d.rollouts()).singleElement().extracting(RolloutDynamics::label).isEqualTo("episode-0000.npz");
        assertThat(d.pca().pc1Share()).isBetween(0.0, 1.0);
        assertThat(panel.statusProperty().get())
                .startsWith(String.format(Locale.ROOT, "PC1 explains %.1f%% of the variance of %d neurons (motor"
                        + " neurons left out) over %d steps", 100 * d.pca().pc1Share(), d.pca().neurons().length,
                        workspace.rolloutProperty().get().steps()));
        assertThat(panel.computingProperty().get()).isFalse();
        assertThat(d.rollouts().get(0).activity()).as("the workspace's activity, not simulated again")
                .isSameAs(workspace.activityProperty().get());
        DynamicsResult simulating = Dynamics.analyse(workspace.modelProperty().get().network(), "vector-lanekeeping",
                List.of(new LabelledRollout("episode-0000.npz", workspace.rolloutProperty().get())),
                DynamicsOptions.defaults(), ProgressSink.NONE);
        assertThat(d.pca().explainedVarianceRatio()).isEqualTo(simulating.pca().explainedVarianceRatio());
        assertThat(d.sensitivity()).isEqualTo(simulating.sensitivity());

        workspace.cursor().moveTo(30);
        workspace.selection().selectOnly(2);
        workspace.clamps().clamp(2, 0.5f);
        assertThat(workspace.clampsProperty().get()).hasSize(1);
        assertThat(analysed).as("cursor, selection and clamps only recolour").hasSize(1);
        assertThat(panel.resultProperty().get()).isSameAs(d);

        workspace.openRollout(EPISODE_1);
        assertThat(analysed).containsExactly("episode-0000.npz", "episode-0001.npz");
        assertThat(panel.resultProperty().get().rollouts().get(0).label()).isEqualTo("episode-0001.npz");
    }

    @Test
    void nothingIsComputedWhileTheTabIsHiddenAndTheResultIsKeptWhenItIsShownAgain() {
        DynamicsPanelViewModel panel = new DynamicsPanelViewModel(workspace, TaskExecutor.sameThread(), counted);
        panel.activeProperty().set(false);
        workspace.open(TestModels.VECTOR_SAMPLE, EPISODE_0);
        assertThat(analysed).isEmpty();
        assertThat(panel.resultProperty().get()).isNull();

        panel.activeProperty().set(true);
        assertThat(analysed).hasSize(1);
        DynamicsResult first = panel.resultProperty().get();
        panel.activeProperty().set(false);
        panel.activeProperty().set(true);
        assertThat(analysed).hasSize(1);
        assertThat(panel.resultProperty().get()).isSameAs(first);

        panel.activeProperty().set(false);
        workspace.openRollout(EPISODE_1);
        assertThat(panel.resultProperty().get()).as("a new rollout drops the old result at once").isNull();
        assertThat(analysed).hasSize(1);
    }

    @Test
    void theMapIsColouredByPc1UntilANeuronIsSelectedThenByItsStateOrTimeConstant() {
        DynamicsPanelViewModel panel = new DynamicsPanelViewModel(workspace, TaskExecutor.sameThread(), counted);
        workspace.open(TestModels.VECTOR_SAMPLE, EPISODE_0);
        RolloutDynamics r = panel.resultProperty().get().rollouts().get(0);
        Activity a = r.activity();
        assertThat(r.hasMap()).isTrue();
        assertThat(panel.mapMissingProperty().get()).isNull();

        ColourSeries none = panel.coloursProperty().get();
        assertThat(none.label()).isEqualTo("PC1 (none selected)");
        assertThat(none.values()).isEqualTo(r.pc1());
        assertThat(panel.scatterProperty().get().xLabel()).isEqualTo("PC1 (none selected)");

        workspace.selection().selectOnly(3);
        String name = panel.resultProperty().get().neurons().get(3).label();
        ColourSeries state = panel.coloursProperty().get();
        assertThat(state.label()).isEqualTo("state of " + name);
        assertThat(state.values()).isEqualTo(a.stateSeries(3));
        assertThat(state.min()).isLessThan(state.max());
        ScatterSeries scatter = panel.scatterProperty().get();
        assertThat(scatter.xLabel()).isEqualTo("state of " + name);
        assertThat(scatter.x()).isEqualTo(a.stateSeries(3));
        assertThat(scatter.output()).isEqualTo(a.outputSeries(0));

        panel.mapColourProperty().set(MapColour.TAU);
        assertThat(panel.coloursProperty().get().label()).isEqualTo("tau of " + name);
        assertThat(panel.coloursProperty().get().values()).isEqualTo(a.tauSeries(3));

        panel.mapColourProperty().set(MapColour.PC1);
        assertThat(panel.coloursProperty().get().label()).isEqualTo("PC1");
        assertThat(panel.scatterProperty().get().xLabel()).as("the scatter keeps the neuron").isEqualTo(
                "state of " + name);

        workspace.selection().clear();
        panel.mapColourProperty().set(MapColour.STATE);
        assertThat(panel.coloursProperty().get().label()).isEqualTo("PC1 (none selected)");
    }

    @Test
    void theStepsAreClassedAsTheTreeTabClassesThemAndTheTooltipSaysTheRule() {
        DynamicsPanelViewModel panel = new DynamicsPanelViewModel(workspace, TaskExecutor.sameThread(), counted);
        workspace.open(TestModels.VECTOR_SAMPLE, EPISODE_0);
        ScatterSeries s = panel.scatterProperty().get();
        double[] output = new double[s.output().length];
        for (int t = 0; t < output.length; t++) {
            output[t] = s.output()[t];
        }
        LabelBins bins = LabelBins.choose(LabelSpec.defaults(), output);
        assertThat(s.bins().classNames()).containsExactly("right", "straight", "left");
        int[] counts = new int[3];
        for (int t = 0; t < output.length; t++) {
            assertThat(s.classes()[t]).isEqualTo(bins.classOf(output[t]));
            counts[s.classes()[t]]++;
        }
        assertThat(counts).doesNotContain(0);
        assertThat(s.rule()).contains("dead band").contains("left: v > ");
    }

    @Test
    void aRolloutWithoutXAndYSaysWhichColumnsTheMapMissesAndTheRestIsDrawn() throws Exception {
        DynamicsPanelViewModel panel = new DynamicsPanelViewModel(workspace, TaskExecutor.sameThread(), counted);
        Path model = TestModels.ltcFixture(tmp.resolve("model"));
        Path rollout = TestModels.rollout(tmp.resolve("noise.npz"), 50, 8, 7);
        workspace.open(model, rollout);

        assertThat(panel.mapMissingProperty().get())
                .isEqualTo("noise.npz has no world columns x, y, so its drive cannot be drawn on the map");
        assertThat(panel.resultProperty().get().pca().pc1Share()).isPositive();
        assertThat(panel.scatterProperty().get()).isNotNull();
    }

    @Test
    void cancelStopsTheComputationAndItsLateResultIsDropped() {
        HeldExecutor held = new HeldExecutor();
        DynamicsPanelViewModel panel = new DynamicsPanelViewModel(workspace, held, counted);
        workspace.open(TestModels.VECTOR_SAMPLE, EPISODE_0);
        assertThat(panel.computingProperty().get()).isTrue();
        assertThat(panel.statusProperty().get()).startsWith("computing...");

        panel.cancel();
        assertThat(panel.computingProperty().get()).isFalse();
        assertThat(panel.statusProperty().get()).startsWith("Cancelled.");
        held.runAll();
        assertThat(panel.resultProperty().get()).isNull();
        assertThat(analysed).as("the work saw the cancel before it began").isEmpty();

        panel.compute();
        held.runAll();
        assertThat(panel.resultProperty().get()).isNotNull();
        assertThat(panel.statusProperty().get()).startsWith("PC1 explains");
    }

    @Test
    void aFailedAnalysisIsOneLineAndLeavesNoResult() {
        DynamicsPanelViewModel panel = new DynamicsPanelViewModel(workspace, TaskExecutor.sameThread(),
                (model, modelLabel, rollout, rolloutLabel, activity, sink) -> {
                    throw new IllegalArgumentException("the rollouts have 1 step(s) in all;\nthe dynamics need 2");
                });
        workspace.open(TestModels.VECTOR_SAMPLE, EPISODE_0);
        assertThat(panel.resultProperty().get()).isNull();
        assertThat(panel.errorProperty().get()).isEqualTo("the rollouts have 1 step(s) in all; the dynamics need 2");
        assertThat(panel.statusProperty().get()).startsWith("Not computed: ");
    }

    /** Holds work until the test runs it, as a worker thread would later; a cancel is seen by the work's sink. */
    private static final class HeldExecutor implements TaskExecutor {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> BackgroundTask execute(String title, ProgressWork<T> work, Consumer<T> onDone,
                                          Consumer<Throwable> onError) {
            boolean[] cancelled = {false};
            ProgressSink sink = new ProgressSink() {
                @Override
                public void progress(long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return cancelled[0];
                }
            };
            held.add(() -> {
                if (cancelled[0]) {
                    return;
                }
                T result;
                try {
                    result = work.run(sink);
                } catch (CancellationException e) {
                    return;
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onDone.accept(result);
            });
            return () -> cancelled[0] = true;
        }

        void runAll() {
            List<Runnable> now = List.copyOf(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }
}
