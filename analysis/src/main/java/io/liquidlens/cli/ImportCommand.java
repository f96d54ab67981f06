package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.model.StateDictImport;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.wiring.ExplicitWiringSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code liquidlens import}: a model folder from a bare ncps LTC state dict. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Write a model folder (model.json and the weights as .safetensors) from a bare state dict of"
                + " an ncps LTC (torch.save(model.state_dict()) as .pt, or .safetensors), so info, simulate and the"
                + " other commands can open it.",
                "Input size, units, outputs, the input and output mappings, mixed memory and the wiring (from the"
                        + " sparsity masks, signs from erev) are read from the tensors; the settings no tensor holds"
                        + " come from --set or ncps's defaults, one line printed per default assumed."})
final class ImportCommand implements Callable<Integer> {
    private static final String COMMAND = "liquidlens import";
    private static final String WEIGHTS = "model.safetensors";

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "The state dict (.pt, .pth or .safetensors).")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write (new, or"
            + " one LiquidLens wrote).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting no tensor records: ode_unfolds,"
            + " epsilon, implicit_param_constraints, return_sequences, batch_first, or output_size (only for a model"
            + " without an output mapping). Repeat for several.")
    List<String> settings = List.of();

    @Option(names = "--name", paramLabel = "N", description = "The model's name (default: the checkpoint's file name).")
    String name;

    @Option(names = "--inputs", split = ",", paramLabel = "NAME", description = "What each input means, one name per"
            + " input feature in order (default input_0, input_1, ...).")
    List<String> inputs = List.of();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> given = parseSettings(settings);
        try (OutputClaim claim = OutputClaim.by(COMMAND).input("checkpoint", checkpoint).folder(out).claim()) {
            Map<String, NdArray> weights = readStateDict();
            StateDictImport.Result result;
            try {
                result = StateDictImport.infer(weights, given);
            } catch (IllegalArgumentException e) {
                if (e.getMessage().startsWith("--set")) {
                    throw new BadOptionException(e.getMessage(), e);
                }
                throw new LiquidLensException(checkpoint, e.getMessage(), e);
            }
            ModelManifest manifest = manifest(result);
            AtomicFolders.write(out, COMMAND, dir -> ModelFolder.write(dir, manifest, weights));
            var stdout = spec.commandLine().getOut();
            result.assumed().forEach(line -> stdout.println("assumed " + line));
            ExplicitWiringSpec wiring = (ExplicitWiringSpec) result.spec().wiringSpec();
            stdout.printf(Locale.ROOT, "imported an LTC of %d inputs, %d units, %d output%s from %s into %s%n",
                    result.spec().inputSize(), wiring.units(), wiring.outputDim(), wiring.outputDim() == 1 ? "" : "s",
                    checkpoint, out);
            return 0;
        }
    }

    /** The checkpoint's tensors; a whole pickled ncps module is named as such, with what to save instead. */
    private Map<String, NdArray> readStateDict() {
        try {
            return ModelFolder.readWeightsFile(checkpoint);
        } catch (LiquidLensException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("unsupported pickle global ncps.")) {
                throw new LiquidLensException(checkpoint, "is a whole pickled ncps module (torch.save(model)), which"
                        + " import does not read yet; save its state dict (torch.save(model.state_dict(), path)) and"
                        + " import that", e);
            }
            throw e;
        }
    }

    private ModelManifest manifest(StateDictImport.Result result) {
        int inputSize = result.spec().inputSize();
        List<String> names = new ArrayList<>(inputs);
        if (names.isEmpty()) {
            for (int i = 0; i < inputSize; i++) {
                names.add("input_" + i);
            }
        } else if (names.size() != inputSize) {
            throw new BadOptionException("--inputs: " + names.size() + " names, but " + checkpoint + " has "
                    + inputSize + " inputs");
        }
        for (String n : names) {
            if (n.isBlank()) {
                throw new BadOptionException("--inputs: an empty name; give names separated by commas");
            }
        }
        String modelName = name != null ? name : checkpoint.getFileName().toString();
        var provenance = Provenance.of(COMMAND).input("checkpoint", checkpoint)
                .option("set", settings.isEmpty() ? null : String.join(" ", settings)).build().toJson();
        return new ModelManifest(modelName, result.spec(), WEIGHTS, ModelManifest.InputSpec.vector(names), List.of(),
                provenance);
    }

    private static Map<String, String> parseSettings(List<String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq < 1 || eq == s.length() - 1) {
                throw new BadOptionException("--set " + s + ": give KEY=VALUE, e.g. --set ode_unfolds=6");
            }
            if (out.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim()) != null) {
                throw new BadOptionException("--set " + s.substring(0, eq) + " is given twice");
            }
        }
        return out;
    }
}
