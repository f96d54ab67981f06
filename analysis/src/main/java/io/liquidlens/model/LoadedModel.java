package io.liquidlens.model;

import io.liquidlens.LiquidLensException;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.head.ImageShape;
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
     * The manifest's perception head, parsed and checked against its image inputs and the cell, as loading and
     * training read it; null when the model has none.
     *
     * @throws LiquidLensException naming {@code manifestFile} when the head is malformed or does not fit
     */
    public static HeadSpec headOf(ModelManifest manifest, Path manifestFile) {
        if (manifest.head() == null) {
            return null;
        }
        try {
            HeadSpec head = HeadSpec.fromJson(manifest.head());
            int[] shape = manifest.inputs().shape();
            head.checkFits(shape == null ? null : new ImageShape(shape[0], shape[1], shape[2]),
                    manifest.spec().inputSize());
            return head;
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(manifestFile, e.getMessage(), e);
        }
    }

    /**
     * Records this model in a provenance, the one way every result names its model: the {@code model.json} as
     * input {@code model} and the weights as input {@code weights}, each with its SHA-256.
     *
     * @return {@code p}
     */
    public Provenance.Builder addTo(Provenance.Builder p) {
        return addTo(p, file -> null);
    }

    /**
     * As {@link #addTo(Provenance.Builder)}, each file recorded under the name {@code names} gives it (the URI a
     * local copy was made from; null: its path).
     *
     * @return {@code p}
     */
    public Provenance.Builder addTo(Provenance.Builder p, java.util.function.Function<Path, String> names) {
        return p.input("model", manifestFile, names.apply(manifestFile))
                .input("weights", weightsFile, names.apply(weightsFile));
    }
}
