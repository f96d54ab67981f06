package io.liquidlens.checkpoint;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.io.InputRole;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.PickledObject;
import io.liquidlens.io.TorchCheckpoint;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.spec.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A checkpoint ncps wrote, turned into a LiquidLens model folder: the one entry point the command line's
 * {@code import} and the workbench's import form share. {@link #inspect} reads and infers without writing (what the
 * form shows before the user confirms); {@link #write} writes the folder atomically.
 */
public final class CheckpointImport {
    /** The weights file every imported folder gets. */
    public static final String WEIGHTS = "model.safetensors";

    private CheckpointImport() {
    }

    /**
     * What a checkpoint holds and the model it implies.
     *
     * @param checkpoint the file read
     * @param weights    its tensors, under ncps's state-dict names
     * @param spec       the inferred constructor call
     * @param assumed    one line per setting taken from ncps's defaults, e.g. {@code ode_unfolds=6 (ncps default)}
     *                   (none for a whole pickled module, which records every setting)
     * @param settings   the settings the user gave, as given
     * @param unrecorded the settings no tensor of this kind of cell records, with ncps's defaults as text: what a
     *                   form asks for
     * @param notes      what a whole pickled module could not give as ncps wrote it, one line each (a wiring kept
     *                   as its matrices); no setting, so nothing a form asks for
     */
    public record Inspection(Path checkpoint, Map<String, NdArray> weights, ModelSpec spec, List<String> assumed,
                             Map<String, String> settings, Map<String, String> unrecorded, List<String> notes) {
        public Inspection {
            weights = Map.copyOf(weights);
            assumed = List.copyOf(assumed);
            notes = List.copyOf(notes);
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            unrecorded = Collections.unmodifiableMap(new LinkedHashMap<>(unrecorded));
        }

        /** What was read, in one line: e.g. {@code a wired CfC of 8 inputs and 19 units (layers 11, 7, 1), 1 output}. */
        public String summary() {
            return ImportSummary.of(spec);
        }
    }

    /**
     * Reads {@code checkpoint} and infers its model.
     *
     * @param settings the {@code --set} values; a key no import knows or a value of the wrong type is a
     *                 {@link BadOptionException}
     * @throws LiquidLensException naming the file when it is no ncps checkpoint LiquidLens can read
     */
    public static Inspection inspect(Path checkpoint, Map<String, String> settings) {
        Optional<PickledObject> module = isTorchFile(checkpoint) ? TorchCheckpoint.readModule(checkpoint)
                : Optional.empty();
        if (module.isPresent()) {
            return inspectModule(checkpoint, module.get(), settings);
        }
        Map<String, NdArray> weights = ModelFolder.readWeightsFile(checkpoint);
        StateDictImport.Result result;
        try {
            result = StateDictImport.infer(weights, settings);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("--set")) {
                throw new BadOptionException(e.getMessage(), e);
            }
            throw new LiquidLensException(checkpoint, e.getMessage(), e);
        }
        return new Inspection(checkpoint, result.weights(), result.spec(), result.assumed(), settings,
                result.unrecorded(), List.of());
    }

    /**
     * Writes the model folder {@code out} (new, or one LiquidLens wrote) for an inspected checkpoint.
     *
     * @param command    who writes, for the provenance and the output lock, e.g. {@code liquidlens import}
     * @param name       the model's name; null for the checkpoint's file name
     * @param inputNames one name per input; empty for {@code input_0, input_1, ...}
     */
    public static ModelManifest write(Inspection inspection, Path out, String command, String name,
                                      List<String> inputNames) {
        return write(inspection, out, command, name, inputNames, Map.of());
    }

    /**
     * Writes the model folder as {@link #write(Inspection, Path, String, String, List)} does, with input roles.
     *
     * @param roles the role of some inputs by name, written to model.json's {@code inputs.roles}
     */
    public static ModelManifest write(Inspection inspection, Path out, String command, String name,
                                      List<String> inputNames, Map<String, InputRole> roles) {
        ModelManifest manifest = manifest(inspection, command, name, inputNames, roles);
        try (OutputClaim claim = OutputClaim.by(command).input("checkpoint", inspection.checkpoint()).folder(out)
                .claim()) {
            AtomicFolders.write(out, command, dir -> ModelFolder.write(dir, manifest, inspection.weights()));
        }
        return manifest;
    }

    /** A whole pickled module records every setting, so it takes none and assumes none; what it cannot say is a note. */
    private static Inspection inspectModule(Path checkpoint, PickledObject module, Map<String, String> settings) {
        if (!settings.isEmpty()) {
            throw new BadOptionException("--set " + settings.keySet().iterator().next() + ": " + checkpoint
                    + " is a whole pickled module, which records every setting; import it without --set");
        }
        ModulePickleImport.Result result;
        try {
            result = ModulePickleImport.infer(module);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException(checkpoint, e.getMessage(), e);
        }
        return new Inspection(checkpoint, result.weights(), result.spec(), List.of(), settings, Map.of(),
                result.notes());
    }

    /** A file torch.save wrote, by its extension, as the weights reader tells them apart. */
    private static boolean isTorchFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pt") || n.endsWith(".pth") || n.endsWith(".bin");
    }

    private static ModelManifest manifest(Inspection inspection, String command, String name,
                                          List<String> inputNames, Map<String, InputRole> roles) {
        int inputSize = inspection.spec().inputSize();
        List<String> names = new ArrayList<>(inputNames);
        if (names.isEmpty()) {
            for (int i = 0; i < inputSize; i++) {
                names.add("input_" + i);
            }
        } else if (names.size() != inputSize) {
            throw new BadOptionException("--inputs: " + names.size() + " names, but " + inspection.checkpoint()
                    + " has " + inputSize + " inputs");
        }
        for (String n : names) {
            if (n.isBlank()) {
                throw new BadOptionException("--inputs: an empty name; give names separated by commas");
            }
        }
        String modelName = name != null ? name : inspection.checkpoint().getFileName().toString();
        List<String> given = inspection.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toList();
        var provenance = Provenance.of(command).input("checkpoint", inspection.checkpoint())
                .option("set", given.isEmpty() ? null : String.join(" ", given)).build().toJson();
        ModelManifest.InputSpec inputs;
        try {
            inputs = ModelManifest.InputSpec.vector(names).withRoles(roles);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException("--input-roles: " + e.getMessage(), e);
        }
        return new ModelManifest(modelName, inspection.spec(), WEIGHTS, inputs, List.of(), provenance);
    }
}
