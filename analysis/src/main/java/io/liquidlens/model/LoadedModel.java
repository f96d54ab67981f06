package io.liquidlens.model;

import io.liquidlens.io.ModelManifest;
import java.nio.file.Path;

/**
 * A model read from a model folder: where it came from, its manifest and the network ready to run.
 *
 * @param folder      the model folder
 * @param weightsFile the weights file the manifest names
 * @param manifest    the parsed {@code model.json}
 * @param network     the network with its weights
 */
public record LoadedModel(Path folder, Path weightsFile, ModelManifest manifest, LiquidModel network) {

    /** Reads a model folder (or a {@code model.json} path); see {@link ModelLoader#load(Path)}. */
    public static LoadedModel load(Path modelArg) {
        return ModelLoader.load(modelArg);
    }
}
