package io.liquidlens.cli;

import io.liquidlens.io.OutputClaim;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that runs a model over sequences shares: the model and the initial conditions. */
final class SequenceOptions {

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model folder (model.json + weights) or its model.json.")
    Path model;

    @Option(names = "--timespans", paramLabel = "TS.npy",
            description = "Elapsed time per step, (B, L) or (B, L, 1); default 1.0.")
    Path timespans;

    @Option(names = "--hx0", paramLabel = "H.npy", description = "Initial state (B, N); default zeros.")
    Path hx0;

    @Option(names = "--cx0", paramLabel = "C.npy",
            description = "Initial LSTM cell state (B, N) of a mixed-memory model or an LSTM baseline; default zeros.")
    Path cx0;

    /**
     * The claim of a run over {@code input} with these options: the model and every file given are its inputs,
     * which no output may touch.
     */
    OutputClaim.Builder claim(String command, Path input) {
        return OutputClaim.by(command).model(model).input("input", input).input("timespans", timespans)
                .input("hx0", hx0).input("cx0", cx0);
    }

    /**
     * The provenance of a run over {@code input} with these options: the manifest, the weights, the input
     * and every initial-condition file given, each with its SHA-256.
     */
    Provenance.Builder provenance(String command, LoadedModel loaded, Path input) {
        Provenance.Builder p = loaded.addTo(Provenance.of(command))
                .input("input", input);
        if (timespans != null) {
            p.input("timespans", timespans);
        }
        if (hx0 != null) {
            p.input("hx0", hx0);
        }
        if (cx0 != null) {
            p.input("cx0", cx0);
        }
        return p;
    }
}
