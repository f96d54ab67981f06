package io.liquidlens.app.workspace;

import io.liquidlens.io.Rollouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checkout's samples: every model folder directly under {@code sample-models}, and the rollout recorded for
 * one, which lives under the same relative path in {@code sample-traces} (its {@code clean} episodes when there
 * are several conditions; a grouped model such as {@code vector-study/ncp-s1} shares its group's traces).
 */
public final class SampleFolders {
    static final String MODELS = "sample-models";
    static final String TRACES = "sample-traces";
    private static final int MAX_MODELS = 64;

    private SampleFolders() {
    }

    /** The model folders directly under {@code sampleModels} (those holding model.json), in name order. */
    public static List<Path> models(Path sampleModels) {
        if (sampleModels == null || !Files.isDirectory(sampleModels)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(sampleModels)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("model.json"))).sorted().limit(MAX_MODELS)
                    .toList();
        } catch (IOException e) {
            // samples are an offer, not a requirement: without a listing there is simply nothing to offer
            return List.of();
        }
    }

    /** The first sample episode recorded for {@code modelFolder}, when it is a sample model with traces. */
    static Optional<Path> rolloutFor(Path modelFolder) {
        Path folder = modelFolder.toAbsolutePath().normalize();
        for (Path p = folder; p != null && p.getParent() != null; p = p.getParent()) {
            if (p.getParent().getFileName() != null && p.getParent().getFileName().toString().equals(MODELS)) {
                return firstEpisode(p.getParent().resolveSibling(TRACES), p.getParent().relativize(folder));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> firstEpisode(Path traces, Path relative) {
        for (Path rel = relative; rel != null; rel = rel.getParent()) {
            Path dir = traces.resolve(rel);
            if (Files.isDirectory(dir)) {
                Path episodes = Files.isDirectory(dir.resolve("clean")) ? dir.resolve("clean") : dir;
                try {
                    return Rollouts.list(List.of(episodes)).stream().findFirst();
                } catch (RuntimeException e) {
                    // a traces folder without episodes offers nothing
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
