package io.liquidlens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace view model, headless: tasks run on the calling thread. */
class WorkspaceViewModelTest {
    @TempDir
    Path tmp;

    private final WorkspaceViewModel workspace = new WorkspaceViewModel(TaskExecutor.sameThread());

    /** The three things that must survive a refused open, by identity. */
    private record Snapshot(Object model, Object rollout, Object activity, Object file) {
    }

    private Snapshot snapshot() {
        return new Snapshot(workspace.modelProperty().get(), workspace.rolloutProperty().get(),
                workspace.activityProperty().get(), workspace.rolloutFileProperty().get());
    }

    private void assertUnchanged(Snapshot before) {
        Snapshot after = snapshot();
        assertThat(after.model()).isSameAs(before.model());
        assertThat(after.rollout()).isSameAs(before.rollout());
        assertThat(after.activity()).isSameAs(before.activity());
        assertThat(after.file()).isSameAs(before.file());
    }

    private void openFixtureSession(int steps) throws Exception {
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m")));
        workspace.openRollout(TestModels.rollout(tmp.resolve("r.npz"), steps, 8, 1));
        assertThat(workspace.activityProperty().get()).isNotNull();
    }

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
        openFixtureSession(40);
        var activity = workspace.activityProperty().get();
        assertThat(activity.steps()).isEqualTo(40);
        assertThat(activity.neurons()).isEqualTo(19);
        assertThat(workspace.cursor().steps()).isEqualTo(40);
        workspace.cursor().moveTo(100);
        assertThat(workspace.cursor().step()).isEqualTo(39);
        assertThat(workspace.synapsesProperty().get().synapses()).isNotEmpty();
        assertThat(workspace.statusProperty().get()).contains("r.npz").contains("40 steps");
    }

    @Test
    void aRolloutOfTheWrongWidthSaysSoInOneLineAndKeepsTheLoadedOne() throws Exception {
        openFixtureSession(40);
        Snapshot before = snapshot();
        workspace.openRollout(TestModels.rollout(tmp.resolve("narrow.npz"), 10, 3, 1));
        assertUnchanged(before);
        assertThat(workspace.lastErrorProperty().get()).contains("narrow.npz").contains("3 values per step")
                .contains("takes 8 values per step").doesNotContain("\n");
        assertThat(workspace.statusProperty().get()).contains("r.npz").contains("40 steps");
    }

    @Test
    void anUnreadableRolloutKeepsModelRolloutAndActivity() throws Exception {
        openFixtureSession(40);
        Snapshot before = snapshot();
        Path junk = Files.writeString(tmp.resolve("junk.npz"), "not a zip");
        workspace.openRollout(junk);
        assertUnchanged(before);
        assertThat(workspace.lastErrorProperty().get()).contains("junk.npz").doesNotContain("\n");
    }

    @Test
    void aModelThatDoesNotFitTheRolloutOpensAloneSetsTheRolloutAsideAndOffersItsSampleRollout() throws Exception {
        openFixtureSession(40);
        workspace.cursor().moveTo(17);
        workspace.openModel(TestModels.VECTOR_SAMPLE);
        assertThat(workspace.summaryProperty().get().name()).contains("vector sensor");
        assertThat(workspace.rolloutProperty().get()).isNull();
        assertThat(workspace.rolloutFileProperty().get()).isNull();
        assertThat(workspace.activityProperty().get()).isNull();
        assertThat(workspace.cursor().steps()).isZero();
        assertThat(workspace.lastErrorProperty().get()).isNull();
        Notice notice = workspace.noticeProperty().get();
        assertThat(notice.line()).contains("takes 6 values per step").contains("r.npz (8 values per step)")
                .contains("set aside").contains("Rollouts that fit:").doesNotContain("\n");
        assertThat(notice.offers()).extracting(Offer::rollout).containsExactly(
                Path.of("..", "sample-traces", "vector-lanekeeping", "clean", "episode-0000.npz")
                        .toAbsolutePath().normalize());
        assertThat(workspace.statusProperty().get()).contains("vector sensor").contains("No rollout");

        workspace.accept(notice.offers().get(0));
        assertThat(workspace.activityProperty().get().steps()).isEqualTo(workspace.rolloutProperty().get().steps());
        assertThat(workspace.noticeProperty().get()).isEqualTo(Notice.NONE);
    }

    @Test
    void aModelThatDoesNotFitOffersOnlyRecentRolloutsItRunsOn() throws Exception {
        Path wide = TestModels.rollout(tmp.resolve("wide.npz"), 12, 8, 3);
        workspace.openRollout(TestModels.rollout(tmp.resolve("narrow.npz"), 12, 3, 3));
        workspace.openRollout(wide);
        workspace.openRollout(tmp.resolve("narrow.npz"));
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m")));
        assertThat(workspace.rolloutProperty().get()).isNull();
        assertThat(workspace.noticeProperty().get().offers()).extracting(Offer::rollout)
                .containsExactly(wide.toAbsolutePath().normalize());
    }

    @Test
    void aCameraModelOnAVectorRolloutOpensAloneAndOffersTheCameraSampleEpisode() throws Exception {
        openFixtureSession(20);
        workspace.openModel(TestModels.CAMERA_SAMPLE);
        assertThat(workspace.rolloutProperty().get()).isNull();
        assertThat(workspace.noticeProperty().get().line()).contains("camera frames 32x96x3")
                .contains("8 values per step");
        assertThat(workspace.noticeProperty().get().offers()).extracting(Offer::rollout)
                .containsExactly(TestModels.CAMERA_EPISODE.toAbsolutePath().normalize());
    }

    @Test
    void aRolloutThatDoesNotFitOffersTheModelsThatRunOnItAndChangesNothingElse() throws Exception {
        workspace.setSampleModels(SampleFolders.models(Path.of("..", "sample-models")));
        openFixtureSession(40);
        Snapshot before = snapshot();
        Path vector = TestModels.rollout(tmp.resolve("six.npz"), 15, 6, 4);
        workspace.openRollout(vector);
        assertUnchanged(before);
        assertThat(workspace.lastErrorProperty().get()).isNull();
        Notice notice = workspace.noticeProperty().get();
        assertThat(notice.line()).contains("six.npz was not opened").contains("6 values per step")
                .contains("the model takes 8 values per step").contains("Models that fit:");
        assertThat(notice.offers()).extracting(o -> o.model().getFileName().toString())
                .containsExactly("vector-lanekeeping");

        workspace.accept(notice.offers().get(0));
        assertThat(workspace.summaryProperty().get().name()).contains("vector sensor");
        assertThat(workspace.rolloutFileProperty().get()).isEqualTo(vector.toAbsolutePath().normalize());
        assertThat(workspace.activityProperty().get().steps()).isEqualTo(15);
        assertThat(workspace.recent().pairs()).first().isEqualTo(new RecentPair(
                TestModels.VECTOR_SAMPLE.toAbsolutePath().normalize(), vector.toAbsolutePath().normalize()));
    }

    @Test
    void aFittingModelReplacesModelAndActivityTogetherAndKeepsTheCursor() throws Exception {
        openFixtureSession(40);
        workspace.cursor().moveTo(12);
        var oldModel = workspace.modelProperty().get();
        var oldActivity = workspace.activityProperty().get();
        var rollout = workspace.rolloutProperty().get();
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m2")));
        assertThat(workspace.modelProperty().get()).isNotSameAs(oldModel);
        assertThat(workspace.activityProperty().get()).isNotNull().isNotSameAs(oldActivity);
        assertThat(workspace.rolloutProperty().get()).isSameAs(rollout);
        assertThat(workspace.cursor().step()).isEqualTo(12);
    }

    @Test
    void listenersNeverSeeANewModelBesideTheOldActivity() throws Exception {
        openFixtureSession(40);
        var oldActivity = workspace.activityProperty().get();
        boolean[] mixed = {false};
        workspace.modelProperty().addListener((obs, o, n) -> mixed[0] |= workspace.activityProperty().get() == oldActivity);
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m2")));
        assertThat(mixed[0]).isFalse();
    }

    @Test
    void aFolderOfRolloutsOpensItsFirstEpisode() throws Exception {
        workspace.openModel(TestModels.ltcFixture(tmp.resolve("m")));
        TestModels.rollout(tmp.resolve("set/episode-0001.npz"), 12, 8, 2);
        TestModels.rollout(tmp.resolve("set/episode-0000.npz"), 30, 8, 1);
        workspace.openRollout(tmp.resolve("set"));
        assertThat(workspace.rolloutFileProperty().get().getFileName()).hasToString("episode-0000.npz");
        assertThat(workspace.activityProperty().get().steps()).isEqualTo(30);
    }

    @Test
    void droppedPathsOpenAsModelOrRollout() throws Exception {
        workspace.openDropped(TestModels.ltcFixture(tmp.resolve("m")));
        assertThat(workspace.modelProperty().get()).isNotNull();
        workspace.openDropped(TestModels.rollout(tmp.resolve("r.npz"), 25, 8, 1));
        assertThat(workspace.activityProperty().get().steps()).isEqualTo(25);
        TestModels.rollout(tmp.resolve("set/a.npz"), 9, 8, 1);
        workspace.openDropped(tmp.resolve("set"));
        assertThat(workspace.activityProperty().get().steps()).isEqualTo(9);
        workspace.openDropped(Files.writeString(tmp.resolve("notes.txt"), "hello"));
        assertThat(workspace.lastErrorProperty().get()).contains("notes.txt").contains("neither");
        assertThat(workspace.activityProperty().get().steps()).isEqualTo(9);
    }

    @Test
    void modelAndRolloutOpenTogether() throws Exception {
        workspace.open(TestModels.ltcFixture(tmp.resolve("m")), TestModels.rollout(tmp.resolve("r.npz"), 33, 8, 1));
        assertThat(workspace.activityProperty().get().steps()).isEqualTo(33);
        assertThat(workspace.statusProperty().get()).contains("fixture NCP").contains("33 steps");
    }

    @Test
    void aModelWithAMisfittingRolloutOpensAloneAndSaysWhy() throws Exception {
        workspace.open(TestModels.ltcFixture(tmp.resolve("m")), TestModels.rollout(tmp.resolve("r.npz"), 5, 4, 1));
        assertThat(workspace.modelProperty().get()).isNotNull();
        assertThat(workspace.rolloutProperty().get()).isNull();
        assertThat(workspace.lastErrorProperty().get()).contains("r.npz").contains("4 values per step");
    }

    @Test
    void openedFilesGoToTheRecentLists() throws Exception {
        openFixtureSession(10);
        assertThat(workspace.recent().models()).containsExactly(tmp.resolve("m").toAbsolutePath().normalize());
        assertThat(workspace.recent().rollouts()).containsExactly(tmp.resolve("r.npz").toAbsolutePath().normalize());
        assertThat(workspace.recent().pairs()).containsExactly(new RecentPair(tmp.resolve("m").toAbsolutePath()
                .normalize(), tmp.resolve("r.npz").toAbsolutePath().normalize()));
        workspace.openRollout(tmp.resolve("missing.npz"));
        assertThat(workspace.recent().rollouts()).hasSize(1);
    }
}
