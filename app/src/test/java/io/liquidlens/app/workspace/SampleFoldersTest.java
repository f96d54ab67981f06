package io.liquidlens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a sample model folder finds its recorded rollout, and which folders count as sample models. */
class SampleFoldersTest {
    @TempDir
    Path tmp;

    @Test
    void aSampleModelTakesItsCleanEpisodeAndAGroupedOneItsGroupsTraces() throws Exception {
        Path models = tmp.resolve("sample-models");
        Files.createDirectories(models.resolve("lane/preset"));
        Files.createDirectories(models.resolve("study/ncp-s1"));
        TestModels.rollout(tmp.resolve("sample-traces/lane/noise-0.1/episode-0000.npz"), 3, 2, 1);
        TestModels.rollout(tmp.resolve("sample-traces/lane/clean/episode-0001.npz"), 3, 2, 1);
        TestModels.rollout(tmp.resolve("sample-traces/lane/clean/episode-0000.npz"), 3, 2, 1);
        TestModels.rollout(tmp.resolve("sample-traces/study/episode-0002.npz"), 3, 2, 1);

        assertThat(SampleFolders.rolloutFor(models.resolve("lane")))
                .contains(tmp.resolve("sample-traces/lane/clean/episode-0000.npz"));
        assertThat(SampleFolders.rolloutFor(models.resolve("study/ncp-s1")))
                .contains(tmp.resolve("sample-traces/study/episode-0002.npz"));
    }

    @Test
    void aFolderOutsideTheSamplesOrWithoutTracesHasNoSampleRollout() throws Exception {
        Files.createDirectories(tmp.resolve("sample-models/untraced"));
        Files.createDirectories(tmp.resolve("sample-traces/empty"));
        Files.createDirectories(tmp.resolve("sample-models/empty"));
        assertThat(SampleFolders.rolloutFor(tmp.resolve("elsewhere/model"))).isEmpty();
        assertThat(SampleFolders.rolloutFor(tmp.resolve("sample-models/untraced"))).isEmpty();
        assertThat(SampleFolders.rolloutFor(tmp.resolve("sample-models/empty"))).isEmpty();
    }

    @Test
    void onlyFoldersHoldingAModelJsonAreSampleModels() throws Exception {
        Path models = tmp.resolve("sample-models");
        Files.createDirectories(models.resolve("group/inner"));
        Files.createDirectories(models.resolve("b"));
        Files.createDirectories(models.resolve("a"));
        Files.writeString(models.resolve("b/model.json"), "{}");
        Files.writeString(models.resolve("a/model.json"), "{}");
        Files.writeString(models.resolve("group/inner/model.json"), "{}");
        assertThat(SampleFolders.models(models)).containsExactly(models.resolve("a"), models.resolve("b"));
        assertThat(SampleFolders.models(tmp.resolve("missing"))).isEmpty();
        assertThat(SampleFolders.models(null)).isEmpty();
    }
}
