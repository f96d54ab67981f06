package io.liquidlens.app.workspace;

import io.liquidlens.app.task.LatestTask;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.ModelSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a model folder and a rollout make a pair the workspace can open together, checked before File > Open...
 * lets the user confirm. Reads the model and the rollout's inputs, so it runs in the background.
 */
public final class PairFit {
    private PairFit() {
    }

    /**
     * Nothing when the model in {@code modelFolder} loads, the rollout {@code rollout} (a file, or a folder whose
     * first episode is taken) reads and the model runs on it; otherwise one line saying which of them is wrong.
     */
    public static Optional<String> problem(Path modelFolder, Path rollout) {
        LoadedModel model;
        try {
            model = LoadedModel.load(modelFolder);
        } catch (RuntimeException e) {
            return Optional.of(LatestTask.oneLine(e.getMessage() == null ? modelFolder + ": " + e : e.getMessage()));
        }
        Path file;
        Rollout r;
        try {
            file = Rollouts.list(List.of(rollout)).get(0);
            r = Rollouts.read(file, Set.of());
        } catch (RuntimeException e) {
            return Optional.of(LatestTask.oneLine(e.getMessage() == null ? rollout + ": " + e : e.getMessage()));
        }
        if (ModelFit.fits(model.network(), r)) {
            return Optional.empty();
        }
        String name = ModelSummary.of(model).name();
        return Optional.of(file.getFileName() + ": " + ModelFit.rolloutMisfit(r, model, name));
    }
}
