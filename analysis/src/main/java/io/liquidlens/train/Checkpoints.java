package io.liquidlens.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.LiquidLensException;
import io.liquidlens.grad.ParamSet;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
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

    /** The command that writes checkpoints, as its output folders' marker names it. */
    public static final String COMMAND = "liquidlens train";
    private static final String OPTIMIZER_PREFIX = "optimizer-e";
    /** What a checkpoint folder may hold besides its checkpoint files: a preset's template and recorded data. */
    private static final Set<String> PRESET_ENTRIES = Set.of("preset", "data", "data-dagger");

    private Checkpoints() {
    }

    /**
     * Whether {@code folder} is a checkpoint folder that {@code liquidlens train} wrote before output folders
     * carried a marker: its model.json says it was trained by LiquidLens, and it holds nothing but checkpoint
     * files, a preset's template and data, and hidden leftovers of interrupted writes.
     */
    public static boolean isLegacyCheckpointFolder(Path folder) {
        Path manifest = folder.resolve(ModelFolder.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            ModelManifest m = ModelFolder.readManifest(manifest);
            if (m.provenance() == null || !COMMAND.equals(m.provenance().path("command").asText())) {
                return false;
            }
        } catch (LiquidLensException e) {
            return false;
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).allMatch(n -> n.equals(ModelFolder.MANIFEST)
                    || isCheckpointFile(n) || PRESET_ENTRIES.contains(n)
                    || n.startsWith(".") && (n.contains(".ll-") || n.startsWith(".model") || n.startsWith(".optimizer")));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes the checkpoint files that model.json does not name: what a run killed in the middle of writing a
     * checkpoint left (with no model.json, every checkpoint file). Only for a folder this command owns.
     */
    public static void removeOrphans(Path folder) {
        Set<String> named = new HashSet<>();
        Path manifest = folder.resolve(ModelFolder.MANIFEST);
        if (Files.isRegularFile(manifest)) {
            ModelManifest m = ModelFolder.readManifest(manifest);
            named.add(m.weights());
            if (m.provenance() != null) {
                named.add(m.provenance().path("training").path("optimizer_state").asText(""));
            }
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.toList()) {
                String n = f.getFileName().toString();
                if (isCheckpointFile(n) && !named.contains(n)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new LiquidLensException(folder, "cannot remove the weights an interrupted run left: " + e.getMessage(),
                    e);
        }
    }

    private static boolean isCheckpointFile(String name) {
        return (name.startsWith(PREFIX) || name.startsWith(OPTIMIZER_PREFIX)) && name.endsWith(SUFFIX);
    }

    /** The folder under a run's output that holds the epochs kept ({@link #keep}). */
    public static final String EPOCHS = "epochs";

    /** Where {@link #keep} puts the model of {@code epoch}: {@code out/epochs/e0003}. */
    public static Path keptEpoch(Path out, int epoch) {
        return out.resolve(EPOCHS).resolve(String.format(Locale.ROOT, "e%04d", epoch));
    }

    /**
     * Checks before training that every epoch from {@code first} to {@code last} can be kept: its folder is missing,
     * empty, or one LiquidLens wrote whole, so that nothing the user put there is replaced and no run stops midway.
     *
     * @throws LiquidLensException naming the first folder that may not be replaced
     */
    public static void requireKeepable(Path out, int first, int last) {
        for (int e = first; e <= last; e++) {
            io.liquidlens.io.OutputFolders.requireReplaceable(keptEpoch(out, e));
        }
    }

    /**
     * Keeps the model of {@code epoch} as a complete model folder of its own, {@link #keptEpoch}, so that every epoch
     * of a run can be audited ({@code liquidlens report --models OUT/epochs}). It is written beside its place and
     * moved in whole, with the output marker; one that LiquidLens wrote (an earlier run's) is replaced, anything
     * else there is refused. Without the optimizer state: a kept epoch is for reading, the run goes on in
     * {@code out}.
     *
     * @throws LiquidLensException naming the folder when it may not be replaced or cannot be written
     */
    public static void keep(Path out, ModelManifest template, ParamSet params, int epoch, JsonNode provenance) {
        String weights = String.format(Locale.ROOT, "%s%04d%s", PREFIX, epoch, SUFFIX);
        JsonNode kept = provenance.deepCopy();
        if (kept.path("training") instanceof com.fasterxml.jackson.databind.node.ObjectNode t) {
            t.remove("optimizer_state");
        }
        ModelManifest manifest = template.withWeights(weights, kept);
        AtomicFolders.write(keptEpoch(out, epoch), COMMAND, dir -> ModelFolder.write(dir, manifest,
                params.toStateDict()));
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
