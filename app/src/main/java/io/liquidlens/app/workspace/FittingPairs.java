package io.liquidlens.app.workspace;

import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to offer after an open that could not keep model and rollout together: the rollouts a new model runs on,
 * or the models that run on a new rollout. Candidates are read in the background (only a rollout's inputs); one
 * that is gone or unreadable is simply not offered.
 */
final class FittingPairs {
    /** At most this many offers: a status bar line, not a list to scroll. */
    static final int MAX_OFFERS = 3;

    private FittingPairs() {
    }

    /** Rollouts {@code model} runs on: the sample rollout its folder names first, then {@code recent} ones. */
    static List<Offer> rolloutsFor(LoadedModel model, List<Path> recent, ProgressSink sink) {
        Set<Path> candidates = new LinkedHashSet<>();
        SampleFolders.rolloutFor(model.folder()).ifPresent(p -> candidates.add(normal(p)));
        recent.forEach(p -> candidates.add(normal(p)));
        List<Offer> offers = new ArrayList<>();
        for (Path file : candidates) {
            if (offers.size() == MAX_OFFERS) {
                break;
            }
            sink.checkCancelled();
            readInputs(file).filter(r -> ModelFit.fits(model.network(), r))
                    .ifPresent(r -> offers.add(new Offer(label(file), model.folder(), file)));
        }
        return offers;
    }

    /** Models that run on {@code rollout} (read from {@code file}), taken from {@code models} in order. */
    static List<Offer> modelsFor(Rollout rollout, Path file, List<Path> models, ProgressSink sink) {
        Set<Path> candidates = new LinkedHashSet<>();
        models.forEach(p -> candidates.add(normal(p)));
        List<Offer> offers = new ArrayList<>();
        for (Path folder : candidates) {
            if (offers.size() == MAX_OFFERS) {
                break;
            }
            sink.checkCancelled();
            load(folder).filter(m -> ModelFit.fits(m.network(), rollout))
                    .ifPresent(m -> offers.add(new Offer(folder.getFileName().toString(), folder, file)));
        }
        return offers;
    }

    /** A rollout named by its folder and file ("clean/episode-0000.npz"): sample episodes share file names. */
    private static String label(Path file) {
        Path parent = file.getParent();
        return parent == null || parent.getFileName() == null ? file.getFileName().toString()
                : parent.getFileName() + "/" + file.getFileName();
    }

    private static Optional<Rollout> readInputs(Path file) {
        try {
            return Optional.of(Rollouts.read(file, Set.of()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LoadedModel> load(Path folder) {
        try {
            return Optional.of(LoadedModel.load(folder));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
