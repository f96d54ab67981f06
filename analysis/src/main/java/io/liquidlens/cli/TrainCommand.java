package io.liquidlens.cli;

import io.liquidlens.io.ModelFolder;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.OutputFolders;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.train.Checkpoints;
import io.liquidlens.train.TrainListener;
import io.liquidlens.train.TrainOptions;
import io.liquidlens.train.TrainingRun;
import io.liquidlens.train.preset.PresetTraining;
import io.liquidlens.train.preset.TrainingPreset;
import io.liquidlens.train.preset.TrainingPresets;
import io.liquidlens.train.preset.VectorStudy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code liquidlens train}: fit a model to the actions of a data set of rollouts, with a checkpoint per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model to reproduce the actions of recorded rollouts: truncated backpropagation through"
                + " time on windows of each episode (each from a zero state), Adam, the NCP paper's curve-weighted"
                + " squared error, gradient clipping; every run is reproducible from its seed.",
                "After every epoch OUT is a complete model folder (model.json + weights, with the training"
                        + " provenance); a run that diverges leaves the last good checkpoint intact."})
final class TrainCommand implements Callable<Integer> {
    private static final TrainOptions DEFAULTS = TrainOptions.defaults();

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model folder or its model.json. If the weights it names do not exist yet, they are"
                    + " initialised as ncps does, from --seed. Optional with --resume (then OUT).")
    Path model;

    @Option(names = "--data", arity = "1..*", paramLabel = "DIR|FILE",
            description = "Rollout .npz files, or folders of them, with inputs (T, S) and actions (T, M'); for a"
                    + " model with a perception head, image inputs (T, H, W, C) of the head's input shape. With"
                    + " --preset: the folder to record the preset's data into (default OUT/data); one that already"
                    + " holds rollouts is trained on as it is.")
    List<Path> data;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Train a preset of the sample world instead of --model: record its data with the expert,"
                    + " then train its network with its options. One of: ncp-lanekeeping, random-lanekeeping,"
                    + " fullyconnected-lanekeeping, cfc-lanekeeping, lstm-lanekeeping, vector-lanekeeping, the vector seed study's"
                    + " members vector-study-ARCH-sSEED (ARCH ncp, fullyconnected, random, cfc, or the baselines"
                    + " lstm and gru; SEED 1-5), or vector-study: all thirty, into OUT/ARCH-sSEED, on one data set"
                    + " in OUT/data.")
    String preset;

    @Option(names = "--data-episodes", paramLabel = "N", description = "With --preset: episodes to record (default:"
            + " the preset's).")
    Integer dataEpisodes;

    @Option(names = "--steps", paramLabel = "T", description = "With --preset: steps per recorded episode (default:"
            + " the preset's).")
    Integer steps;

    @Option(names = "--quick", description = "With --preset: a much smaller data set and training, to check the"
            + " recipe end to end in seconds.")
    boolean quick;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder the checkpoints are written to.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to reach in total (default ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch", paramLabel = "B", description = "Windows per update (default ${DEFAULT-VALUE}).")
    int batch = DEFAULTS.batchSize();

    @Option(names = "--window", paramLabel = "L", description = "Steps per window (default ${DEFAULT-VALUE}).")
    int window = DEFAULTS.windowLength();

    @Option(names = "--lr", paramLabel = "X", description = "Adam's learning rate (default ${DEFAULT-VALUE}).")
    double lr = DEFAULTS.learningRate();

    @Option(names = "--lr-final", paramLabel = "X", description = "Learning rate of the last update: the rate falls"
            + " along a half cosine from --lr to this over the epochs (default: --lr, a constant rate).")
    Double lrFinal;

    @Option(names = "--cell-lr-factor", paramLabel = "F", description = "The recurrent cell's parameters learn at F"
            + " times the rate, a conv head and the rest at the rate itself (default ${DEFAULT-VALUE}).")
    double cellLrFactor = DEFAULTS.cellRateFactor();

    @Option(names = "--alpha", paramLabel = "A",
            description = "Curve weighting: each target weighs exp(|y| A); 0 = plain mean squared error (default"
                    + " ${DEFAULT-VALUE}).")
    double alpha = DEFAULTS.alpha();

    @Option(names = "--clip", paramLabel = "C", description = "Maximum gradient norm (default ${DEFAULT-VALUE}).")
    double clip = DEFAULTS.clipNorm();

    @Option(names = "--seed", paramLabel = "S",
            description = "Seeds the initial weights and the order of windows (default ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed();

    @Option(names = "--resume", description = "Continue the checkpoint in --model (or OUT) from the epoch it reached,"
            + " up to --epochs in total.")
    boolean resume;

    @Option(names = "--keep-epochs", description = "Also keep each epoch's model as a model folder of its own,"
            + " OUT/epochs/e0001, e0002, ..., to audit every epoch (report --models OUT/epochs). Not with --preset.")
    boolean keepEpochs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return preset != null ? trainPreset() : trainModel();
    }

    /**
     * The output folder, claimed: new, empty, or a checkpoint folder of an earlier run; apart from the data and from
     * the model trained from (unless that model is the checkpoint in the output folder, which a resumed run
     * continues in place).
     */
    private OutputClaim claim() {
        OutputClaim.Builder b = OutputClaim.by(Checkpoints.COMMAND);
        if (model != null && !ModelFolder.folderOf(model).normalize().equals(out.toAbsolutePath().normalize())) {
            b.model(model);
        }
        if (data != null && (preset == null || !OutputFolders.isMissingOrEmpty(data.get(0)))) {
            b.inputs("data", data);
        }
        return b.updatedFolder(out, Checkpoints::isLegacyCheckpointFolder).claim();
    }

    private Integer trainModel() {
        if (dataEpisodes != null || steps != null || quick) {
            throw new ParameterException(spec.commandLine(), "--data-episodes, --steps and --quick go with --preset");
        }
        if (data == null || data.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--data=DIR|FILE' (or --preset"
                    + " NAME to record a preset's data)");
        }
        if (model == null && !resume) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--model=DIR' (or --resume to"
                    + " continue the checkpoint in --out)");
        }
        TrainOptions options;
        try {
            options = new TrainOptions(epochs, batch, window, lr, alpha, clip, seed, lrFinal == null ? lr : lrFinal,
                    cellLrFactor);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (OutputClaim claim = claim()) {
            TrainingRun run = TrainingRun.prepare(new TrainingRun.Request(model, data, out, options, resume,
                    keepEpochs));
            return train(run, options);
        }
    }

    /** Records a preset's data and trains its network; options given on the command line override the preset's. */
    private Integer trainPreset() {
        if (model != null || resume) {
            throw new ParameterException(spec.commandLine(), "--preset trains its own network: leave out --model and"
                    + " --resume");
        }
        if (keepEpochs) {
            throw new ParameterException(spec.commandLine(), "--keep-epochs goes with --model or --resume: train the"
                    + " preset, then go on with --resume --epochs N --keep-epochs, or train OUT/preset on OUT/data");
        }
        if (data != null && data.size() != 1) {
            throw new ParameterException(spec.commandLine(), "with --preset, --data is one folder to record into");
        }
        var matched = spec.commandLine().getParseResult();
        for (String fixed : List.of("--batch", "--window", "--lr", "--lr-final", "--cell-lr-factor", "--alpha",
                "--clip")) {
            if (matched.hasMatchedOption(fixed)) {
                throw new ParameterException(spec.commandLine(), fixed + " is set by the preset; with --preset only"
                        + " --epochs, --seed, --data-episodes, --steps and --quick can be changed");
            }
        }
        if (VectorStudy.FAMILY.equalsIgnoreCase(preset)) {
            return trainStudy(matched.hasMatchedOption("--epochs") ? epochs : null);
        }
        PresetTraining job;
        try {
            job = PresetTraining.of(TrainingPresets.get(preset), out, data == null ? null : data.get(0), quick,
                    matched.hasMatchedOption("--epochs") ? epochs : null,
                    matched.hasMatchedOption("--seed") ? seed : null, dataEpisodes, steps);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (OutputClaim claim = claim()) {
            return trainPreset(job);
        }
    }

    /**
     * Every member of the vector seed study, one after the other, each into its own folder; the first records
     * the shared data and the others train on them (the same episodes they would record themselves).
     */
    private Integer trainStudy(Integer epochOverride) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            throw new ParameterException(spec.commandLine(), "--seed: the vector-study preset trains seeds "
                    + VectorStudy.SEEDS.get(0) + "-" + VectorStudy.SEEDS.get(VectorStudy.SEEDS.size() - 1)
                    + "; name one member (e.g. vector-study-ncp-s1) to train it with another seed");
        }
        Path shared = data == null ? out.resolve("data") : data.get(0);
        List<PresetTraining> jobs = new ArrayList<>();
        try {
            for (TrainingPreset member : VectorStudy.members()) {
                jobs.add(PresetTraining.of(member, out.resolve(member.name().substring(VectorStudy.FAMILY.length()
                        + 1)), shared, quick, epochOverride, null, dataEpisodes, steps));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        for (PresetTraining job : jobs) {
            try (OutputClaim claim = memberClaim(job.out(), shared)) {
                trainPreset(job);
            }
        }
        return 0;
    }

    /** A member's folder, claimed as {@link #claim()} claims OUT, with the shared data as its input once recorded. */
    private static OutputClaim memberClaim(Path memberOut, Path shared) {
        OutputClaim.Builder b = OutputClaim.by(Checkpoints.COMMAND);
        if (!OutputFolders.isMissingOrEmpty(shared)) {
            b.inputs("data", List.of(shared));
        }
        return b.updatedFolder(memberOut, Checkpoints::isLegacyCheckpointFolder).claim();
    }

    private Integer trainPreset(PresetTraining job) {
        PrintWriter err = spec.commandLine().getErr();
        return report(job.out(), job.run(new PresetTraining.Steps() {
            @Override
            public void note(String line) {
                err.println(line);
                err.flush();
            }

            @Override
            public TrainingRun.Outcome train(TrainingRun run, int stopAfter) {
                return TrainCommand.this.run(run, job.options(), stopAfter);
            }
        }));
    }

    private Integer train(TrainingRun run, TrainOptions options) {
        return report(out, run(run, options, options.epochs()));
    }

    /** Runs {@code run} up to epoch {@code stopAfter} (the options' last epoch, or earlier), with progress. */
    private TrainingRun.Outcome run(TrainingRun run, TrainOptions options, int stopAfter) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(plan(run, options));
        err.flush();
        return run.execute(new Progress(err, options.epochs(), System.console() != null, stopAfter));
    }

    private Integer report(Path folder, TrainingRun.Outcome outcome) {
        PrintWriter stdout = spec.commandLine().getOut();
        List<Double> losses = outcome.epochLosses();
        if (losses.isEmpty()) {
            stdout.println("stopped before the first epoch ended; nothing was written");
        } else {
            stdout.printf(Locale.ROOT, "trained %d epochs: loss %.6g -> %.6g; model: %s%n", outcome.epochsDone(),
                    losses.get(0), outcome.finalLoss(), folder.resolve("model.json"));
        }
        stdout.flush();
        return 0;
    }

    private String plan(TrainingRun run, TrainOptions o) {
        String from = switch (run.start()) {
            case SEEDED_INIT -> "from " + (run.spec().cell() instanceof BaselineSpec ? "torch-style" : "ncps-style") + " initial weights (seed "
                    + o.seed() + (run.head() == null ? ")"
                    : "; head: torch-default ranges, seed " + TrainingRun.headSeed(o.seed()) + ")");
            case WEIGHTS -> "from the model's weights";
            case RESUMED -> "resuming after epoch " + run.epochsBefore() + (run.optimizerRestored()
                    ? " (Adam state restored)" : " (no matching optimizer state: Adam restarts)");
        };
        return String.format(Locale.ROOT, "training %s: %d rollouts, %,d steps, %,d windows of <= %d, %d updates per"
                        + " epoch, epochs %d-%d", from, run.data().episodes().size(), run.data().totalSteps(),
                run.windowCount(), o.windowLength(), run.updatesPerEpoch(), run.epochsBefore() + 1, o.epochs());
    }

    /** One line per epoch on stderr; on a console also a line updated in place after every update. */
    static final class Progress implements TrainListener {
        private static final long REDRAW_NANOS = 200_000_000L;
        private final PrintWriter err;
        private final int lastEpoch;
        private final boolean console;
        private final int stopAfter;
        private final long started = System.nanoTime();
        private int epochsDone;
        private long lastDraw;
        private long updates;
        private long totalUpdates;
        private boolean drawn;

        Progress(PrintWriter err, int lastEpoch, boolean console) {
            this(err, lastEpoch, console, lastEpoch);
        }

        /** Progress that also stops the run once epoch {@code stopAfter} is complete. */
        Progress(PrintWriter err, int lastEpoch, boolean console, int stopAfter) {
            this.err = err;
            this.lastEpoch = lastEpoch;
            this.console = console;
            this.stopAfter = stopAfter;
        }

        @Override
        public boolean isCancelled() {
            return epochsDone >= stopAfter;
        }

        @Override
        public void step(int epoch, long update, long total, double loss) {
            updates = update;
            totalUpdates = total;
            long now = System.nanoTime();
            if (console && now - lastDraw > REDRAW_NANOS) {
                lastDraw = now;
                err.printf(Locale.ROOT, "\r  epoch %d/%d  update %d/%d  loss %.6g  ETA %s ", epoch, lastEpoch, update,
                        total, loss, duration(eta(now)));
                err.flush();
                drawn = true;
            }
        }

        @Override
        public void epoch(int epoch, double meanLoss) {
            epochsDone = epoch;
            long now = System.nanoTime();
            if (drawn) {
                err.print("\r" + " ".repeat(72) + "\r");
                drawn = false;
            }
            err.printf(Locale.ROOT, "epoch %d/%d  loss %.6g  elapsed %s  ETA %s%n", epoch, lastEpoch, meanLoss,
                    duration(now - started), duration(eta(now)));
            err.flush();
        }

        private long eta(long now) {
            return updates == 0 ? 0 : (now - started) / updates * (totalUpdates - updates);
        }

        static String duration(long nanos) {
            long s = Math.round(nanos / 1e9);
            if (s < 60) {
                return s + "s";
            }
            if (s < 3600) {
                return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
            }
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
    }
}
