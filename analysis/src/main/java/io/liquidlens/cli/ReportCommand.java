package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.AuditOptions;
import io.liquidlens.causal.AuditRequest;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Conditions;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.io.FileUris;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.sim.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code liquidlens report}: the causality report of one or more models (docs/FORMATS.md#causality-report-folder).
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Test whether models steer from the task or from distractors: on the same recorded frames,"
                + " the SSIM between clean and perturbed saliency maps, the share of saliency on distractor and on"
                + " road pixels, and the output's deviation; closed-loop crashes in the sample world under each"
                + " perturbation; and the decision neurons ranked by the effect of clamping them.",
                "OUT gets index.html (self-contained, figures as inline SVG), report.pdf, metrics.csv and"
                        + " metrics.json; it is replaced only once everything is written."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--models", required = true, arity = "1..*", paramLabel = "DIR|NAME=DIR,...",
            description = "Model folders (or their model.json), compared in the order given; NAME=DIR,DIR,... is a"
                    + " group of networks of one architecture trained from different seeds (at most "
                    + io.liquidlens.causal.ModelGroup.MAX_MEMBERS + "), summarised and compared as one. With --spark"
                    + " a folder may be a Hadoop URI (hdfs://, s3a://, file:).")
    List<String> models;

    @Option(names = "--reference", paramLabel = "NAME",
            description = "Compare every other model with this one (named by its folder) instead of every two with"
                    + " every two; the default with more than " + io.liquidlens.causal.Evidence.MAX_ALL_PAIRS
                    + " models, the first given being the reference then. Not with groups.")
    String reference;

    @Option(names = "--rollouts", required = true, arity = "1..*", paramLabel = "DIR|FILE",
            description = "Clean recorded rollouts (.npz files or folders of them, read whole, in path order); with"
                    + " --spark also Hadoop URIs.")
    List<String> rollouts;

    @Option(names = "--perturbations", paramLabel = "SPEC",
            description = "Conditions, ';'-separated KIND[=LEVEL,...] with KIND noise (variance), objects (per 100 m),"
                    + " shadows (opacity), brightness (amplitude) or occlusion (patches) for camera models, channels"
                    + " (noise variance on --channels) or spurious (the training-time shortcut on spurious_* inputs)"
                    + " for vector models; level 0 is clean. Default: " + Conditions.DEFAULT + " (the NCP paper's"
                    + " protocol) for camera models, " + Conditions.VECTOR_DEFAULT + " for vector models.")
    String perturbations;

    @Option(names = "--channels", split = ",", paramLabel = "NAME",
            description = "Vector models: the inputs the 'channels' condition adds noise to (default: the inputs"
                    + " declared distractors when any are, else every input).")
    List<String> channels = new ArrayList<>();

    @Option(names = "--input-roles", paramLabel = "NAME=ROLE,...",
            description = "Vector models: input roles (task, distractor or other) set on top of those each"
                    + " model.json declares, for every model; inputs without a role go by name (d_lane or its"
                    + " earlier name d, mu, kappa task; noise_*, spurious_* distractor; else other).")
    String inputRoles;

    @Option(names = "--method", paramLabel = "NAME",
            description = "Saliency method NAME[:KEY=VALUE,...]: " + SaliencySpec.SYNTAX
                    + ". Default: vbp for camera models, gradient for vector models.")
    String method;

    @Option(names = "--output", paramLabel = "I", defaultValue = "0",
            description = "The explained output (default: ${DEFAULT-VALUE}).")
    int output;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "200",
            description = "Frames measured, spread evenly over the rollouts (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--overlays", paramLabel = "N", defaultValue = "2",
            description = "Overlay figures per model and condition (default: ${DEFAULT-VALUE}).")
    int overlays;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10",
            description = "Closed-loop held-out episodes per model and condition, 0 for none (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--episode-steps", paramLabel = "T", defaultValue = "500",
            description = "Steps per closed-loop episode (default: ${DEFAULT-VALUE}).")
    int episodeSteps;

    @Option(names = "--no-interventions", description = "Skip ranking the decision neurons by clamping them.")
    boolean noInterventions;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of every perturbation and closed-loop road (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Run the frames, closed-loop drives and rankings as Apache Spark tasks on MASTER (local[N],"
                    + " spark://HOST:PORT, yarn, k8s://...), with the same numbers as without. Needs"
                    + " liquidlens-spark.jar (built with -Pspark) or spark-submit. Executors read the models and"
                    + " rollouts at the driver's absolute paths, from the Hadoop URIs given, or as sent with --ship.")
    String spark;

    @Option(names = "--ship",
            description = "With --spark: send the models and rollouts with the job (at most 1 GiB in all), so that"
                    + " executors need no file system in common with the driver.")
    boolean ship;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced).")
    Path out;

    private static final String COMMAND = "liquidlens report";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (spark == null) {
            if (ship) {
                throw new BadOptionException("--ship: sends the inputs with a Spark job; add --spark MASTER");
            }
            rollouts.stream().filter(FileUris::isUri).findFirst().ifPresent(uri -> {
                throw new LiquidLensException("--rollouts " + uri + ": a URI is read only with --spark MASTER"
                        + " (liquidlens-spark.jar or spark-submit); give a local path");
            });
        }
        // the options' numbers are checked before Spark takes its seconds to start; the method's default waits
        // for the first model, which may have to be copied from a URI first
        SaliencySpec choice = method == null ? null : givenMethod();
        options(choice != null ? choice : SaliencySpec.reportDefault(false));
        PrintWriter err = spec.commandLine().getErr();
        Eta eta = new Eta(err, System.console() != null);
        CausalAudit audit;
        try (io.liquidlens.spark.SparkEngine engine = spark == null ? null : startSpark(spark)) {
            try {
                audit = report(engine, choice, eta);
            } catch (LiquidLensException e) {
                throw engine == null ? e : named(e, engine.named(e.getMessage()));
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%d model(s) x %d condition(s) x %d frame(s) in %.1f s; wrote %s%n",
                audit.models().size(), audit.conditions().size(),
                audit.models().get(0).conditions().get(0).frames().steps().size(), eta.seconds(), out);
        stdout.flush();
        return 0;
    }

    /** Reads the inputs (through {@code engine}'s copies of URIs, when there is one), measures and writes. */
    private CausalAudit report(io.liquidlens.spark.SparkEngine engine, SaliencySpec choice, Eta eta) {
        ModelTokens tokens;
        List<Path> rolloutPaths = new ArrayList<>();
        if (engine == null) {
            tokens = ModelTokens.parse(models);
            rollouts.forEach(r -> rolloutPaths.add(Path.of(r)));
        } else {
            io.liquidlens.spark.StagedInputs staged = engine.staged();
            tokens = ModelTokens.parse(models, new ModelTokens.UriModels() {
                @Override
                public List<String> expand(String token, int most) {
                    return staged.modelFolders(token, most);
                }

                @Override
                public Path copy(String uri) {
                    return staged.model(uri);
                }
            });
            rollouts.forEach(r -> rolloutPaths.add(FileUris.isUri(r) ? staged.rollouts(r) : Path.of(r)));
        }
        AuditOptions options = options(choice != null ? choice : AuditRequest.defaultMethodFor(tokens.models()));
        AuditRequest request = new AuditRequest(tokens.models(), rolloutPaths, perturbations, channels, options,
                tokens.groupOf(), InputRoles.parse(inputRoles), engine == null ? Map.of() : engine.staged().sources(),
                reference);
        try (OutputClaim claim = request.claim(COMMAND, out)) {
            CausalAudit audit = engine == null ? request.run(COMMAND, eta)
                    : request.runOn(ship ? engine.shipping() : engine, COMMAND, eta);
            eta.finish();
            io.liquidlens.report.CausalReportWriter.write(audit, out);
            return audit;
        }
    }

    private SaliencySpec givenMethod() {
        try {
            return SaliencySpec.parse(method);
        } catch (IllegalArgumentException e) {
            throw badOption(e);
        }
    }

    private AuditOptions options(SaliencySpec choice) {
        try {
            return new AuditOptions(choice, output, frames, overlays, episodes, episodeSteps, seed, !noInterventions);
        } catch (IllegalArgumentException e) {
            throw badOption(e);
        }
    }

    private static BadOptionException badOption(IllegalArgumentException e) {
        return new BadOptionException("--" + e.getMessage().replace("episode steps", "episode-steps"), e);
    }

    /** {@code e} with {@code message}, of its own kind (a bad option stays one). */
    private static LiquidLensException named(LiquidLensException e, String message) {
        if (message.equals(e.getMessage())) {
            return e;
        }
        return e instanceof BadOptionException ? new BadOptionException(message, e) : new LiquidLensException(message, e);
    }

    /** Spark on {@code master}, or one line saying this jar has none (the everyday jar never holds it). */
    private static io.liquidlens.spark.SparkEngine startSpark(String master) {
        try {
            return io.liquidlens.spark.SparkEngine.start(master);
        } catch (NoClassDefFoundError e) {
            throw new LiquidLensException("--spark: this jar has no Spark; build analysis/target/liquidlens-spark.jar"
                    + " with mvn -q -Pspark -DskipTests package, or run it with spark-submit", e);
        }
    }

    /** Progress on stderr with the share done and an estimate of the time left, about once a second. */
    static final class Eta implements ProgressListener {
        private final PrintWriter err;
        private final boolean console;
        private final long start = System.nanoTime();
        private long lastPrint;

        Eta(PrintWriter err, boolean console) {
            this.err = err;
            this.console = console;
        }

        @Override
        public synchronized void progress(long done, long total) {
            long now = System.nanoTime();
            if (now - lastPrint < 1_000_000_000L || done == 0 || total == 0) {
                return;
            }
            lastPrint = now;
            double elapsed = (now - start) / 1e9;
            // the first percent is mostly loading and warming up: an estimate from it would be wild
            String left = done * 50 < total ? "estimating the time left"
                    : String.format(Locale.ROOT, "about %.0f s left", elapsed * (total - done) / done);
            err.printf(Locale.ROOT, "%sreport %3d%% (%d/%d), %.0f s elapsed, %s%s", console ? "\r" : "",
                    done * 100 / total, done, total, elapsed, left, console ? "" : "\n");
            err.flush();
        }

        void finish() {
            if (console && lastPrint != 0) {
                err.println();
                err.flush();
            }
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
