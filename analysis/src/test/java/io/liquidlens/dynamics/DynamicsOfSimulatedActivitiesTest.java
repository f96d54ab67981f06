package io.liquidlens.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.testing.RolloutSlices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dynamics from activities simulated beforehand (the workbench's) are those the analysis simulates itself. */
class DynamicsOfSimulatedActivitiesTest {

    private static Path sample(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.isDirectory(root.resolve(what))) {
                return root.resolve(what);
            }
        }
        throw new IllegalStateException("no " + what);
    }

    private static final LoadedModel MODEL = LoadedModel.load(sample("sample-models/vector-lanekeeping"));

    private static List<LabelledRollout> episodes() {
        List<Path> files = Rollouts.list(List.of(sample("sample-traces/vector-lanekeeping/clean")));
        return List.of(new LabelledRollout("a.npz", RolloutSlices.head(Rollouts.read(files.get(0)), 120)),
                new LabelledRollout("b.npz", RolloutSlices.head(Rollouts.read(files.get(1)), 90)));
    }

    @Test
    void theResultFromGivenActivitiesEqualsTheResultThatSimulates() {
        List<LabelledRollout> rollouts = episodes();
        List<Activity> activities = rollouts.stream()
                .map(r -> Activities.simulate(MODEL.network(), r.rollout(), ProgressListener.NONE)).toList();

        DynamicsResult given = Dynamics.analyseSimulated(MODEL.network(), "m", rollouts, activities,
                DynamicsOptions.defaults(), ProgressListener.NONE);
        DynamicsResult simulated = Dynamics.analyse(MODEL.network(), "m", rollouts, DynamicsOptions.defaults(),
                ProgressListener.NONE);

        assertThat(given.rollouts().get(1).activity()).isSameAs(activities.get(1));
        assertThat(given.pca().explainedVarianceRatio()).isEqualTo(simulated.pca().explainedVarianceRatio());
        assertThat(given.pca().components()).isEqualTo(simulated.pca().components());
        assertThat(given.neurons()).isEqualTo(simulated.neurons());
        assertThat(given.sensitivity()).isEqualTo(simulated.sensitivity());
        assertThat(given.rollouts().get(0).pc1()).isEqualTo(simulated.rollouts().get(0).pc1());
        assertThat(given.notes()).isEqualTo(simulated.notes());
    }

    @Test
    void anActivityThatDoesNotMatchItsRolloutIsRefusedNamingTheRollout() {
        List<LabelledRollout> rollouts = episodes();
        Activity first = Activities.simulate(MODEL.network(), rollouts.get(0).rollout(), ProgressListener.NONE);
        int n = MODEL.network().stateSize();

        assertThatThrownBy(() -> Dynamics.analyseSimulated(MODEL.network(), "m", rollouts, List.of(first, first),
                DynamicsOptions.defaults(), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("b.npz: its activity has 120 steps of " + n + " neurons; the rollout has 90 steps and"
                        + " the model " + n + " neurons");
        assertThatThrownBy(() -> Dynamics.analyseSimulated(MODEL.network(), "m", rollouts, List.of(first),
                DynamicsOptions.defaults(), ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 activities for 2 rollouts");
    }
}
