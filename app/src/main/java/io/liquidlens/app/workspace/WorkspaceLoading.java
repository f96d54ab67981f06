package io.liquidlens.app.workspace;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.Intervention;
import io.liquidlens.sim.Intervention.ClampNeuron;
import java.nio.file.Path;
import java.util.List;

/**
 * The background half of opening and clamping: each step reads, checks that model and rollout fit, and simulates,
 * and returns the whole next {@link WorkspaceState} without touching the one shown. Runs off the JavaFX thread.
 */
final class WorkspaceLoading {
    private WorkspaceLoading() {
    }

    /**
     * {@code old} with the model in {@code folder}, simulated over {@code old}'s rollout if there is one. When the
     * model cannot run on that rollout it opens alone, the rollout set aside, offering rollouts it runs on: its
     * sample rollout, then those of {@code recentRollouts}.
     */
    static WorkspaceState model(WorkspaceState old, Path folder, List<Path> recentRollouts, ProgressSink sink) {
        sink.message("Loading model " + folder.getFileName());
        WorkspaceState.Loaded m = WorkspaceState.Loaded.of(folder);
        sink.checkCancelled();
        if (old.rollout() == null) {
            return old.withModel(m, null);
        }
        if (!ModelFit.fits(m.model().network(), old.rollout())) {
            sink.message("Looking for rollouts " + folder.getFileName() + " runs on");
            String line = ModelFit.setAside(m.model(), old.rollout(), old.rolloutFile());
            // the rollout set aside is known not to fit: reading it again would only cost time
            Path aside = old.rolloutFile().toAbsolutePath().normalize();
            List<Path> others = recentRollouts.stream().filter(p -> !p.toAbsolutePath().normalize().equals(aside))
                    .toList();
            List<Offer> offers = FittingPairs.rolloutsFor(m.model(), others, sink);
            return WorkspaceState.of(m).withNotice(new Notice(offers.isEmpty() ? line
                    : line + " Rollouts that fit:", offers));
        }
        return old.withModel(m, simulate(m.model().network(), m.model(), old.rollout(), old.rolloutFile(), sink));
    }

    /**
     * {@code old} with the rollout {@code fileOrFolder} ({@code .npz}, or a folder of them: its first episode in
     * name order), with {@code old}'s model simulated over it if there is one. A rollout that model cannot run on
     * changes nothing but the notice, which offers the models of {@code candidateModels} that run on it; with none
     * to offer it is refused.
     */
    static WorkspaceState rollout(WorkspaceState old, Path fileOrFolder, List<Path> candidateModels,
                                  ProgressSink sink) {
        sink.message("Reading " + fileOrFolder.getFileName());
        Path file = firstRollout(fileOrFolder);
        Rollout r = Rollouts.read(file);
        sink.checkCancelled();
        if (old.model() == null) {
            return old.withRollout(r, file, null);
        }
        if (!ModelFit.fits(old.model().network(), r) && !candidateModels.isEmpty()) {
            sink.message("Looking for models that run on " + file.getFileName());
            List<Offer> offers = FittingPairs.modelsFor(r, file.toAbsolutePath().normalize(), candidateModels, sink);
            if (!offers.isEmpty()) {
                return old.withNotice(new Notice(ModelFit.notOpened(file, r, old.model()) + " Models that fit:",
                        offers));
            }
        }
        ModelFit.checkNewRollout(file, r, old.model(), old.summary().name());
        return old.withRollout(r, file, simulate(old.model().network(), old.model(), r, file, sink));
    }

    /**
     * The model in {@code modelFolder} with the rollout {@code rolloutFile}: a rollout that cannot be read or does
     * not fit leaves the model alone, with the rollout's problem as the state's warning.
     */
    static WorkspaceState both(Path modelFolder, Path rolloutFile, ProgressSink sink) {
        sink.message("Loading model " + modelFolder.getFileName());
        WorkspaceState alone = WorkspaceState.of(WorkspaceState.Loaded.of(modelFolder));
        try {
            return rollout(alone, rolloutFile, List.of(), sink);
        } catch (LiquidLensException e) {
            return alone.withWarning(e.getMessage());
        }
    }

    /** {@code old} simulated again with {@code clamps} made. */
    static WorkspaceState clamped(WorkspaceState old, List<ClampNeuron> clamps, ProgressSink sink) {
        LiquidModel network = Intervention.apply(old.model().network(), clamps);
        return old.withClamps(clamps, simulate(network, old.model(), old.rollout(), old.rolloutFile(), sink));
    }

    private static Path firstRollout(Path fileOrFolder) {
        return Rollouts.list(List.of(fileOrFolder)).get(0);
    }

    private static Activity simulate(LiquidModel network, LoadedModel m, Rollout r, Path file, ProgressSink sink) {
        sink.message("Simulating " + file.getFileName());
        try {
            return Activities.simulate(network, r, sink);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new LiquidLensException(file, m.folder() + " cannot run on it: " + e.getMessage(), e);
        }
    }
}
