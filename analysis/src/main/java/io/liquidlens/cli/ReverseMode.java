package io.liquidlens.cli;

import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.FrameSequenceGradient;
import io.liquidlens.grad.SequenceGradient;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.model.LoadedModel;

/** The reverse-mode (double precision) twin of a loaded model, for the gradient commands. */
final class ReverseMode {
    private ReverseMode() {
    }

    /** The reverse mode of a model with a perception head: frames through the head and the cells. */
    static FrameSequenceGradient frames(LoadedModel loaded) {
        var weights = ModelFolder.readWeights(loaded.folder(), loaded.manifest());
        try {
            return FrameSequenceGradient.fromStateDict(loaded.manifest().spec(), loaded.network().head().orElseThrow()
                    .spec(), weights);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(loaded.weightsFile(), e.getMessage(), e);
        }
    }

    /** Reads the model's weights again as a state dict and builds its BPTT driver. */
    static SequenceGradient of(LoadedModel loaded) {
        var weights = ModelFolder.readWeights(loaded.folder(), loaded.manifest());
        try {
            return SequenceGradient.fromStateDict(loaded.manifest().spec(), weights);
        } catch (IllegalArgumentException e) {
            // LoadedModel.load has already accepted these tensors, so this is not expected; still, blame the file
            throw new LiquidLensException(loaded.weightsFile(), e.getMessage(), e);
        }
    }
}
