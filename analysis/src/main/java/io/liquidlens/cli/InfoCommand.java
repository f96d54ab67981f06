package io.liquidlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.ModelSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code liquidlens info}: what a model is, and the NCP paper's size table for it. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summarise a model: cell, wiring roles and counts, synapses, parameters, and the NCP"
                + " paper's size table.")
final class InfoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model folder (model.json + weights) or its model.json.")
    Path model;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelSummary summary = ModelSummary.of(LoadedModel.load(model));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(summary.toJson()));
        } else {
            out.print(summary.toText());
        }
        out.flush();
        return 0;
    }
}
