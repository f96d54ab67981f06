package io.liquidlens.app.workspace;

import io.liquidlens.LiquidLensException;
import io.liquidlens.head.ImageShape;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import java.nio.file.Path;

/**
 * Whether a model can run on a rollout: camera frames of the head's shape for a model with a perception head,
 * vectors of the cell's input width otherwise. Checked before anything is replaced: a new model that does not fit
 * opens alone and the rollout is set aside; a new rollout that does not fit leaves the workspace as it was. Either
 * way the user reads one line that names the file just opened.
 */
final class ModelFit {
    private ModelFit() {
    }

    /** What {@code model} reads per step, in words ("camera frames 32x96x3" or "8 values per step"). */
    static String takes(LiquidModel model) {
        return model.head().map(h -> "camera frames " + shape(h.spec().input()))
                .orElse(model.frameSize() + " values per step");
    }

    /** What {@code rollout} holds per step, in the same words. */
    static String holds(Rollout rollout) {
        if (rollout.isImage()) {
            return "camera frames " + rollout.inputs().dim(1) + "x" + rollout.inputs().dim(2) + "x"
                    + rollout.inputs().dim(3);
        }
        return rollout.featuresPerStep() + " values per step";
    }

    /** True when {@code model} reads exactly what {@code rollout} holds. */
    static boolean fits(LiquidModel model, Rollout rollout) {
        return takes(model).equals(holds(rollout));
    }

    /** Why the loaded rollout is set aside for a new model (which the status line above names). */
    static String setAside(LoadedModel model, Rollout rollout, Path rolloutFile) {
        return "The rollout " + rolloutFile.getFileName() + " (" + holds(rollout) + ") was set aside: this model takes "
                + takes(model.network()) + ".";
    }

    /** Why the rollout in {@code file} was not opened for the loaded model (which the status line names). */
    static String notOpened(Path file, Rollout rollout, LoadedModel model) {
        return file.getFileName() + " was not opened: it has " + holds(rollout) + ", the model takes "
                + takes(model.network()) + ".";
    }

    /** Why a new rollout cannot run on the loaded model, without the file's name. */
    static String rolloutMisfit(Rollout rollout, LoadedModel model, String name) {
        return "the rollout has " + holds(rollout) + " but the model '" + name + "' takes " + takes(model.network());
    }

    /** Refuses a new rollout the loaded model cannot run on, naming the rollout file. */
    static void checkNewRollout(Path rolloutFile, Rollout rollout, LoadedModel model, String name) {
        if (!fits(model.network(), rollout)) {
            throw new LiquidLensException(rolloutFile, rolloutMisfit(rollout, model, name));
        }
    }

    private static String shape(ImageShape s) {
        return s.height() + "x" + s.width() + "x" + s.channels();
    }
}
