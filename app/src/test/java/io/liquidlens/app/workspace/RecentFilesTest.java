package io.liquidlens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** File > Recent, persisted in a throwaway preferences node. */
class RecentFilesTest {
    private final Preferences node = Preferences.userRoot().node("liquidlens-test-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
        node.flush();
    }

    @Test
    void mostRecentComesFirstWithoutDuplicates() {
        RecentFiles recent = new RecentFiles(node);
        recent.addModel(Path.of("/a"));
        recent.addModel(Path.of("/b"));
        recent.addModel(Path.of("/a"));
        assertThat(recent.models()).containsExactly(Path.of("/a"), Path.of("/b"));
    }

    @Test
    void keepsTheLastEight() {
        RecentFiles recent = new RecentFiles(node);
        for (int i = 0; i < 11; i++) {
            recent.addRollout(Path.of("/r" + i + ".npz"));
        }
        assertThat(recent.rollouts()).hasSize(RecentFiles.LIMIT).first().isEqualTo(Path.of("/r10.npz"));
        assertThat(recent.rollouts()).last().isEqualTo(Path.of("/r3.npz"));
    }

    @Test
    void listsSurviveARestartAndClearForgetsThem() {
        RecentFiles first = new RecentFiles(node);
        first.addModel(Path.of("/models/x"));
        first.addRollout(Path.of("/traces/y.npz"));
        RecentFiles second = new RecentFiles(node);
        assertThat(second.models()).containsExactly(Path.of("/models/x"));
        assertThat(second.rollouts()).containsExactly(Path.of("/traces/y.npz"));
        second.clear();
        assertThat(new RecentFiles(node).models()).isEmpty();
    }

    @Test
    void pairsSurviveARestartBesideListsWrittenBeforePairsExisted() {
        node.put("recent.model.0", "/old/model");
        node.put("recent.rollout.0", "/old/episode.npz");
        RecentFiles first = new RecentFiles(node);
        first.addPair(Path.of("/m1"), Path.of("/r1.npz"));
        first.addPair(Path.of("/m2"), Path.of("/r2.npz"));
        first.addPair(Path.of("/m1"), Path.of("/r1.npz"));
        RecentFiles second = new RecentFiles(node);
        assertThat(second.models()).containsExactly(Path.of("/old/model"));
        assertThat(second.rollouts()).containsExactly(Path.of("/old/episode.npz"));
        assertThat(second.pairs()).containsExactly(new RecentPair(Path.of("/m1"), Path.of("/r1.npz")),
                new RecentPair(Path.of("/m2"), Path.of("/r2.npz")));
        second.clear();
        assertThat(new RecentFiles(node).pairs()).isEmpty();
    }

    @Test
    void aPairMissingItsRolloutIsSkipped() {
        node.put("recent.pair.model.0", "/half");
        node.put("recent.pair.model.1", "/whole");
        node.put("recent.pair.rollout.1", "/whole.npz");
        assertThat(new RecentFiles(node).pairs()).containsExactly(new RecentPair(Path.of("/whole"),
                Path.of("/whole.npz")));
    }

    @Test
    void keepsTheLastEightPairs() {
        RecentFiles recent = new RecentFiles(node);
        for (int i = 0; i < 10; i++) {
            recent.addPair(Path.of("/m" + i), Path.of("/r" + i + ".npz"));
        }
        assertThat(recent.pairs()).hasSize(RecentFiles.LIMIT).first()
                .isEqualTo(new RecentPair(Path.of("/m9"), Path.of("/r9.npz")));
    }

    @Test
    void theSystemPropertyChoosesTheNode() {
        String previous = System.getProperty(RecentFiles.NODE_PROPERTY);
        System.setProperty(RecentFiles.NODE_PROPERTY, node.absolutePath().substring(1));
        try {
            RecentFiles.fromUserPreferences().addModel(Path.of("/via/property"));
        } finally {
            if (previous == null) {
                System.clearProperty(RecentFiles.NODE_PROPERTY);
            } else {
                System.setProperty(RecentFiles.NODE_PROPERTY, previous);
            }
        }
        assertThat(new RecentFiles(node).models()).containsExactly(Path.of("/via/property"));
    }
}
