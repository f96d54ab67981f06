package io.liquidlens.cli;

import io.liquidlens.Limits;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.service.DynamicsExports;
import io.liquidlens.dynamics.service.DynamicsProgress;
import io.liquidlens.dynamics.service.DynamicsRequest;
import io.liquidlens.dynamics.service.DynamicsRun;
import io.liquidlens.dynamics.service.MapColour;
import io.liquidlens.dynamics.service.ModelDynamics;
import io.liquidlens.io.OutputClaim;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code liquidlens dynamics}: what the neurons of one or more models do over rollouts (PCA, activity on the map,
 * against the output, smoothness, time constants, sensitivity), written as JSON, CSV, PDF and SVG (the dynamics
 * command in docs/FORMATS.md).
 */
@Command(name = "dynamics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What the neurons do over time: each model is run from the zero state over the rollouts'"
                + " inputs, and its hidden states are read as the NCP paper reads them: PCA (centred, not scaled; the"
                + " motor neurons left out unless --include-motor), each neuron's Pearson and Spearman correlation"
                + " with the output and with every world column, L_max = max |x(t+1) - x(t)| / dt, its time constant"
                + " (LTC) or time gate (CfC) percentiles, and the state's sensitivity to small seeded input noise.",
                "OUT gets dynamics.json, dynamics.csv (model, neuron, quantity, value), dynamics.pdf and one SVG per"
                        + " figure: scree, trajectory (PC1-PC2), map (the drive coloured by --map-neuron, when the"
                        + " rollouts record world x and y), output (each neuron against the output by steering"
                        + " class), lmax, tau; with several models MODEL-NAME.svg each, comparison.svg and with"
                        + " groups groups.svg. It is replaced only once everything is written."})
final class DynamicsCommand implements Callable<Integer> {
    private static final String COMMAND = "liquidlens dynamics";

    @Option(names = "--model", paramLabel = "DIR", description = "Model folder (model.json + weights) or its"
            + " model.json.")
    Path model;

    @Option(names = "--models", arity = "1..*", paramLabel = "DIR|NAME=DIR,...",
            description = "Several model folders instead, compared over the same rollouts in the order given;"
                    + " NAME=DIR,DIR,... is a group of networks of one architecture trained from different seeds (at"
                    + " most " + io.liquidlens.causal.ModelGroup.MAX_MEMBERS + "), each measured, and the group"
                    + " summarised by its members' mean and range.")
    List<String> models;

    @Option(names = "--rollouts", required = true, arity = "1..*", paramLabel = "DIR|FILE",
            description = "Rollout .npz files, or folders: every .npz under a folder, at any depth, in path order.")
    List<Path> rollouts;

    @Option(names = "--include-motor", description = "Keep the motor (output) neurons among PCA's columns.")
    boolean includeMotor;

    @Option(names = "--noise", paramLabel = "F", defaultValue = "0.01",
            description = "Sensitivity: the input noise's standard deviation as a fraction of each input feature's"
                    + " spread, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--noise-trials", paramLabel = "N", defaultValue = "4",
            description = "Sensitivity: noisy copies of each rollout, 0.." + DynamicsOptions.MAX_NOISE_TRIALS
                    + " (0: none; default: ${DEFAULT-VALUE}).")
    int noiseTrials;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the noise, the same for every model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--map-neuron", paramLabel = "NAME[:tau]|pc1", defaultValue = "pc1",
            description = "What colours the map of the drive: pc1 (default), or a neuron's state, by label (C3) or"
                    + " name ('command 3 (id 4)'), or with :tau its time constant (C3:tau; a CfC's time gate).")
    String mapNeuron;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DynamicsRequest request = request();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err);
        DynamicsRun run;
        try (OutputClaim claim = request.claim(COMMAND, out)) {
            run = request.run(COMMAND, progress);
            for (ModelDynamics m : run.models()) {
                for (String note : m.result().notes()) {
                    err.println("note: " + m.label() + ": " + note);
                }
            }
            err.flush();
            DynamicsExports.write(out, COMMAND, run);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        for (ModelDynamics m : run.models()) {
            stdout.println(DynamicsExports.headline(m));
        }
        run.groups().forEach(g -> stdout.println(DynamicsExports.headline(g)));
        stdout.printf(Locale.ROOT, "%d model(s) over %d rollout(s) in %.1f s; wrote %s%n", run.models().size(),
                run.rollouts().size(), progress.seconds(), out);
        stdout.flush();
        return 0;
    }

    /** The request, every option checked with its name and range. */
    private DynamicsRequest request() {
        if ((model == null) == (models == null)) {
            throw bad("give --model DIR or --models DIR..., not " + (model == null ? "neither" : "both"));
        }
        if (!(noise > 0 && noise <= 1)) {
            throw bad("--noise must be in (0, 1], got " + noise);
        }
        if (noiseTrials < 0) {
            throw bad("--noise-trials must be 0 or more, got " + noiseTrials);
        }
        if (noiseTrials > DynamicsOptions.MAX_NOISE_TRIALS) {
            throw bad(Limits.overLimit("--noise-trials", noiseTrials, DynamicsOptions.MAX_NOISE_TRIALS));
        }
        if (mapNeuron.isBlank()) {
            throw bad("--map-neuron takes pc1 or a neuron's label or name, got nothing");
        }
        MapColour colour;
        try {
            colour = MapColour.parse(mapNeuron);
        } catch (IllegalArgumentException e) {
            throw bad("--map-neuron " + mapNeuron + ": " + e.getMessage());
        }
        DynamicsOptions options = new DynamicsOptions(includeMotor, noise, noiseTrials, seed);
        if (model != null) {
            return new DynamicsRequest(List.of(model), rollouts, options, colour);
        }
        ModelTokens tokens = ModelTokens.parse(models);
        return new DynamicsRequest(tokens.models(), rollouts, options, colour, tokens.groupOf());
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Progress on stderr: a line when a model starts, then its share done about once a second. */
    static final class Progress implements DynamicsProgress {
        private final PrintWriter err;
        private final long start = System.nanoTime();
        private long lastPrint;
        private String model = "";

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void model(int index, int count, String label) {
            model = label;
            err.printf(Locale.ROOT, "dynamics: model %d of %d, %s%n", index + 1, count, label);
            err.flush();
        }

        @Override
        public synchronized void progress(long done, long total) {
            long now = System.nanoTime();
            if (now - lastPrint < 1_000_000_000L || done == 0 || total == 0 || done >= total) {
                return;
            }
            lastPrint = now;
            err.printf(Locale.ROOT, "dynamics: %s %d%% (%.0f s elapsed)%n", model, done * 100 / total, seconds());
            err.flush();
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
