package io.liquidlens.model;

import io.liquidlens.io.ModelManifest;
import io.liquidlens.provenance.Provenance;
import java.nio.file.Path;

/**
 * A model read from a model folder: where it came from, its manifest and the network ready to run.
 *
 * @param folder       the model folder
 * @param manifestFile its {@code model.json}, as the user named it (folder or file) resolved to the file
 * @param weightsFile  the weights file the manifest names
 * @param manifest    the parsed {@code model.json}
 * @param network     the network with its weights
 */
public record LoadedModel(Path folder, Path manifestFile, Path weightsFile, ModelManifest manifest,
                          LiquidModel network) {

    /** Reads a model folder (or a {@code model.json} path); see {@link ModelLoader#load(Path)}. */
    public static LoadedModel load(Path modelArg) {
        return ModelLoader.load(modelArg);
    }

    /**
     * Records this model in a provenance, the one way every result names its model: the {@code model.json} as
     * input {@code model} and the weights as input {@code weights}, each with its SHA-256.
     *
     * @return {@code p}
     */
    public Provenance.Builder addTo(Provenance.Builder p) {
        return p.input("model", manifestFile).input("weights", weightsFile);
    }
}
