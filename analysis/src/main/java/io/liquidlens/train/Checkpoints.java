package io.liquidlens.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Training checkpoints as model folders. Each checkpoint writes a new weights file
 * ({@code model-e0003.safetensors}), then replaces {@code model.json} to point at it, then removes older
 * weights: at every instant {@code model.json} names a complete weights file, so an interrupted or
 * diverging run never leaves a broken model behind.
 */
public final class Checkpoints {
    private static final String PREFIX = "model-e";
    private static final String SUFFIX = ".safetensors";

    private Checkpoints() {
    }

    /**
     * Writes a checkpoint of {@code params} into {@code folder}.
     *
     * @param template   the manifest to write (its weights name is replaced)
     * @param epoch      the epoch just completed (names the weights file)
     * @param provenance how the weights were made, written into model.json
     */
    public static void write(Path folder, ModelManifest template, ParamSet params, int epoch, JsonNode provenance) {
        String weights = String.format(Locale.ROOT, "%s%04d%s", PREFIX, epoch, SUFFIX);
        ModelManifest manifest = template.withWeights(weights, provenance);
        ModelFolder.write(folder, manifest, params.toStateDict());
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(PREFIX) && n.endsWith(SUFFIX) && !n.equals(weights)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new LiquidLensException(folder, "checkpoint written, but old weights could not be removed: "
                    + e.getMessage(), e);
        }
    }
}
