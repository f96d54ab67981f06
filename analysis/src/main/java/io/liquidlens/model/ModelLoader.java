package io.liquidlens.model;

import io.liquidlens.LiquidLensException;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import java.nio.file.Path;
import java.util.Map;

/** Turns a model folder into a runnable network, naming the file at fault when anything is wrong. */
final class ModelLoader {
    private ModelLoader() {
    }

    static LoadedModel load(Path modelArg) {
        Path manifestFile = ModelFolder.manifestPath(modelArg);
        ModelManifest manifest = ModelFolder.readManifest(manifestFile);
        Path folder = manifestFile.toAbsolutePath().getParent();
        Path weightsFile = ModelFolder.weightsFile(folder, manifest);
        HeadSpec head = LoadedModel.headOf(manifest, manifestFile);
        ModelMemory.require(manifestFile, ModelMemory.bytes(manifest.spec(), head));
        Map<String, NdArray> weights = ModelFolder.readWeights(folder, manifest);
        LiquidModel network;
        try {
            network = LiquidModel.fromStateDict(manifest.spec(), head, weights);
        } catch (IllegalArgumentException e) {
            // shapes, names and values of tensors are the weights file's problem; a wiring that cannot be
            // built for these weights is said in terms of model.json by the message itself
            throw new LiquidLensException(weightsFile, e.getMessage() + " (model: " + manifestFile + ")", e);
        }
        if (manifest.outputs().size() > 0 && manifest.outputs().size() != network.outputSize()) {
            throw new LiquidLensException(manifestFile, "outputs.names has " + manifest.outputs().size()
                    + " names but the network has " + network.outputSize() + " outputs");
        }
        return new LoadedModel(folder, manifestFile, weightsFile, manifest, network);
    }
}
