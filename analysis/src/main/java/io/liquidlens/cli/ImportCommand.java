package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.checkpoint.CheckpointImport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code liquidlens import}: a model folder from a bare ncps state dict (LTC, CfC or wired CfC) or a baseline's (a torch
 * LSTM, GRU or RNN stack or a CT-RNN, with a Linear readout).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Write a model folder (model.json and the weights as .safetensors) from a bare state dict of"
                + " an ncps LTC or CfC (torch.save(model.state_dict()) as .pt, or .safetensors), so info, simulate and"
                + " the other commands can open it; or from a whole pickled ncps LTC or CfC (torch.save(model)), read"
                + " without importing or running anything, which records every setting; or from the state dict of a"
                + " baseline: a module with a torch LSTM, GRU or RNN stack (or a CT-RNN) as rnn and a Linear readout"
                + " as fc.",
                "The cell, its sizes, mappings, mixed memory, a CfC's backbone and projection, and the wiring (from"
                        + " the sparsity masks, an NCP's layers from the graph) are read from the tensors; the settings"
                        + " no tensor holds come from --set or ncps's defaults, one line printed per default assumed."})
final class ImportCommand implements Callable<Integer> {
    private static final String COMMAND = "liquidlens import";

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "The state dict (.pt, .pth or .safetensors).")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write (new, or"
            + " one LiquidLens wrote).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A setting no tensor records. LTC: ode_unfolds,"
            + " epsilon, implicit_param_constraints, return_sequences, batch_first, output_size (only without an output"
            + " mapping). CfC: mode (default or no_gate), activation (with a backbone), return_sequences, batch_first;"
            + " a one-layer wired CfC also output_size. Baselines: batch_first, an RNN's nonlinearity (tanh or relu),"
            + " a CT-RNN's ode_unfolds, and rnn_prefix and readout_prefix for a module whose layers are not called rnn"
            + " and fc. Repeat for several.")
    List<String> settings = List.of();

    @Option(names = "--name", paramLabel = "N", description = "The model's name (default: the checkpoint's file name).")
    String name;

    @Option(names = "--inputs", split = ",", paramLabel = "NAME", description = "What each input means, one name per"
            + " input feature in order (default input_0, input_1, ...).")
    List<String> inputs = List.of();

    @Option(names = "--input-roles", paramLabel = "NAME=ROLE,...", description = "What some inputs are for an audit:"
            + " task, distractor or other, written to model.json (e.g. noise1=distractor,spurious=distractor); the"
            + " others get their role from their names.")
    String inputRoles;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CheckpointImport.Inspection inspection = CheckpointImport.inspect(checkpoint, parseSettings(settings));
        CheckpointImport.write(inspection, out, COMMAND, name, inputs, InputRoles.parse(inputRoles));
        var stdout = spec.commandLine().getOut();
        inspection.assumed().forEach(line -> stdout.println("assumed " + line));
        inspection.notes().forEach(line -> stdout.println("note " + line));
        stdout.printf(Locale.ROOT, "imported %s from %s into %s%n", inspection.summary(), checkpoint, out);
        return 0;
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
