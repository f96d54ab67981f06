package io.liquidlens.cli;

import io.liquidlens.Limits;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.tree.Binning;
import io.liquidlens.tree.FeatureSet;
import io.liquidlens.tree.J48Options;
import io.liquidlens.tree.LabelSource;
import io.liquidlens.tree.LabelSpec;
import io.liquidlens.tree.TreeCaption;
import io.liquidlens.tree.TreeChoice;
import io.liquidlens.tree.TreeOptions;
import io.liquidlens.tree.TreeProgress;
import io.liquidlens.tree.TreeResult;
import io.liquidlens.tree.service.TreeExports;
import io.liquidlens.tree.service.TreeRequest;
import io.liquidlens.wiring.NeuronRole;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code liquidlens tree}: a decision tree (Weka's J48) that explains a model's decisions from its neurons'
 * activity, with its fidelity on held-out episodes (the tree command in docs/FORMATS.md).
 */
@Command(name = "tree", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learn a decision tree (Weka's J48) from neuron activity over a data set of rollouts: by default"
                + " the command neurons' states, labelled with the network's decision as left / straight / right, and"
                + " report how faithful it is on held-out episodes (with a 95%% interval) and in cross-validation by"
                + " episode. Unless --min-leaf is given, the tree reported is the smallest of a sweep over the minimum"
                + " leaf size whose held-out fidelity lies within the most faithful tree's interval.",
                "OUT gets tree.pdf (the tree drawn, with how it was made; with a sweep a second page charts fidelity"
                        + " against leaves, also as sweep.svg), tree.dot (Graphviz), rules.txt (one logic rule per"
                        + " leaf), data.arff (the training table"
                        + " for Weka's Explorer), tree.json (fidelity, leaves, size, depth, confusion, thresholds,"
                        + " options, provenance) and with a sweep sweep.csv; it is replaced only once everything is"
                        + " written."})
final class TreeCommand implements Callable<Integer> {

    @Option(names = "--level", paramLabel = "policy|neuron", defaultValue = "policy",
            description = "policy (default): one tree from neuron activity to the decision. neuron: one tree per"
                    + " neuron (every inter, command and motor neuron, or --neurons) from the rollouts' world columns"
                    + " (--world) to the neuron's response in --bins classes (default low / mid / high by its own"
                    + " tertiles); OUT gets neurons.json, neuron-rules.txt and neurons/LABEL.dot.")
    String level;

    @Option(names = "--world", split = ",", paramLabel = "COLUMN",
            description = "With --level neuron: the world columns to split on (default d,mu,kappa).")
    List<String> world;

    @Option(names = "--conflicts", paramLabel = "N", defaultValue = "10",
            description = "With --level neuron: how many conflicting neuron pairs to report (default: ${DEFAULT-VALUE}).")
    int conflicts;

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Model folder (model.json + weights) or its model.json.")
    Path model;

    @Option(names = "--rollouts", required = true, arity = "1..*", paramLabel = "DIR|FILE",
            description = "Rollout .npz files (each one episode), or folders: every .npz under a folder, at any"
                    + " depth (a folder of folders is read whole), in path order.")
    List<Path> rollouts;

    @Option(names = "--neurons", split = ",", paramLabel = "NAME",
            description = "Split on these neurons instead (comma-separated names such as 'command 2 (id 3)' or"
                    + " labels such as C2, I5).")
    List<String> neurons;

    @Option(names = "--inter", description = "Also the inter neurons (besides the command neurons).")
    boolean inter;

    @Option(names = "--rates", description = "Also each neuron's rate of change (x[t] - x[t-1]) / dt; the first step"
            + " of every episode is then left out.")
    boolean rates;

    @Option(names = "--label", paramLabel = "network|expert", defaultValue = "network",
            description = "Whose decision to explain: the network's output, or the expert's action (world column"
                    + " expert_action). Default: ${DEFAULT-VALUE}.")
    String label;

    @Option(names = "--bins", paramLabel = "K",
            description = "K quantile bins (K >= 2, q1 lowest) instead of left / straight / right.")
    Integer bins;

    @Option(names = "--output", paramLabel = "I", defaultValue = "0",
            description = "Which model output is the decision (default: ${DEFAULT-VALUE}).")
    int output;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.25",
            description = "J48 pruning confidence, in (0, 0.5] (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--min-leaf", paramLabel = "M",
            description = "J48 minimum steps per leaf, >= 1: exactly this tree. Default: the smallest tree of the"
                    + " sweep (--sweep, or its default sizes) whose held-out fidelity lies within the 95%% interval of"
                    + " the most faithful one's.")
    Integer minLeaf;

    @Option(names = "--unpruned", description = "J48 without pruning.")
    boolean unpruned;

    @Option(names = "--binary-splits", description = "J48 binary splits (only matters for nominal features; all"
            + " features here are numeric, and numeric splits are always binary).")
    boolean binarySplits;

    @Option(names = "--reduced-error-pruning", description = "J48 reduced-error pruning instead of confidence.")
    boolean reducedErrorPruning;

    @Option(names = "--held-out", paramLabel = "SHARE", defaultValue = "0.25",
            description = "Share of the episodes held out for the fidelity, in (0, 1) (default: ${DEFAULT-VALUE};"
                    + " at least one). A single episode is cut into contiguous blocks instead.")
    double heldOut;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Cross-validation folds, grouped by episode, >= 2 (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the held-out episodes and folds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sweep", arity = "0..1", split = ",", paramLabel = "M", fallbackValue = "",
            description = "Sweep the minimum leaf size (default sizes 1,2,5,10,20,50,100,200,500, or the ones"
                    + " given) and write fidelity against leaves to sweep.csv and tree.json. Without --min-leaf the"
                    + " default sweep runs anyway and the reported tree is chosen from it.")
    List<String> sweep;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100000",
            description = "Each tree learns from at most N training steps, evenly spaced over them (J48's time grows"
                    + " faster than its rows); fidelity is still measured on every step. In [1, 1000000]"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String which = level.toLowerCase(Locale.ROOT);
        if (!which.equals("policy") && !which.equals("neuron")) {
            throw bad("--level must be policy or neuron, got " + level);
        }
        try (OutputClaim claim = OutputClaim.by("liquidlens tree").model(model).inputs("rollouts", rollouts)
                .folder(out).claim()) {
            return which.equals("policy") ? policyLevel() : new NeuronLevelRun(this).call();
        }
    }

    private Integer policyLevel() {
        if (world != null) {
            throw bad("--world belongs to --level neuron (the policy level splits on neurons)");
        }
        TreeOptions options = options();
        LoadedModel loaded = LoadedModel.load(model);
        TreeResult result = new TreeRequest(loaded, rollouts).policyLevel(options, "liquidlens tree",
                new Progress(spec.commandLine().getErr()));
        TreeExports.writePolicyFolder(out, "liquidlens tree", result, loaded.manifest().name());
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(summary(result, options.maxRows(), out));
        stdout.flush();
        return 0;
    }

    /**
     * The summary line: the reported tree's fidelity with its interval on the held-out steps, how it was chosen (and
     * the best of the sweep) when it was, the cross-validated fidelity, its size and the classes.
     */
    static String summary(TreeResult r, int maxRows, Path out) {
        String held = String.format(Locale.ROOT, "%s on %d held-out %s (%d steps)", TreeCaption.fidelity(r),
                r.split().heldOut().length, r.split().byBlocks() ? "block(s) of the one episode" : "episode(s)",
                r.heldOut().total());
        String cv = String.format(Locale.ROOT, "cross-validated %.4f (%d folds)", r.crossValidated().fidelity(),
                r.split().folds());
        String classes = "classes " + String.join("; ", r.data().bins().ranges());
        String tail = rowsUsed(r.training().total(), maxRows) + "; wrote " + out
                + (r.options().features().isAllUnits() ? "; " + FeatureSet.ALL_UNITS_NOTE : "");
        if (r.chosen()) {
            return String.format(Locale.ROOT, "%s, %s; %s; %s; size %d, depth %d; %s%s", TreeCaption.chosen(r).get(),
                    held, TreeCaption.best(r).get(), cv, r.tree().size(), r.tree().depth(), classes, tail);
        }
        return String.format(Locale.ROOT, "%s; %s; %d leaves, size %d, depth %d; %s%s", held, cv, r.tree().leaves(),
                r.tree().size(), r.tree().depth(), classes, tail);
    }

    /** The options record, every option checked with its name and range. */
    private TreeOptions options() {
        LabelSource source = switch (label.toLowerCase(Locale.ROOT)) {
            case "network" -> LabelSource.NETWORK;
            case "expert" -> LabelSource.EXPERT;
            default -> throw bad("--label must be network or expert, got " + label);
        };
        if (bins != null && bins < 2) {
            throw bad("--bins must be 2 or more, got " + bins);
        }
        require(bins == null || bins <= Limits.BINS, Limits.overLimit("--bins", bins == null ? 0 : bins, Limits.BINS));
        require(folds <= Limits.FOLDS, Limits.overLimit("--folds", folds, Limits.FOLDS));
        require(output >= 0, "--output must be 0 or more, got " + output);
        require(confidence > 0 && confidence <= 0.5, "--confidence must be in (0, 0.5], got " + confidence);
        require(minLeaf == null || minLeaf >= 1, "--min-leaf must be 1 or more, got " + minLeaf);
        require(!(unpruned && reducedErrorPruning), "--unpruned and --reduced-error-pruning exclude each other");
        require(heldOut > 0 && heldOut < 1, "--held-out must be in (0, 1), got " + heldOut);
        require(folds >= 2, "--folds must be 2 or more, got " + folds);
        requireMaxRows();
        if (neurons != null && inter) {
            throw bad("--neurons and --inter exclude each other (list the inter neurons in --neurons)");
        }
        List<Integer> sweepSizes = minLeaf == null ? TreeOptions.DEFAULT_SWEEP : List.of();
        if (sweep != null) {
            List<String> given = sweep.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (given.isEmpty()) {
                sweepSizes = TreeOptions.DEFAULT_SWEEP;
            } else {
                List<Integer> sizes = new ArrayList<>();
                for (String s : given) {
                    int m;
                    try {
                        m = Integer.parseInt(s);
                    } catch (NumberFormatException e) {
                        throw bad("--sweep takes minimum leaf sizes (integers >= 1, comma-separated), got '" + s + "'");
                    }
                    require(m >= 1, "--sweep sizes must be 1 or more, got " + m);
                    sizes.add(m);
                }
                sweepSizes = sizes;
            }
        }
        Set<NeuronRole> roles = inter ? EnumSet.of(NeuronRole.COMMAND, NeuronRole.INTER) : EnumSet.of(NeuronRole.COMMAND);
        List<String> chosen = neurons == null ? List.of() : neurons.stream().map(String::trim).toList();
        FeatureSet features = new FeatureSet(chosen.isEmpty() ? roles : Set.of(), chosen, rates);
        LabelSpec labelSpec = new LabelSpec(source, bins == null ? Binning.LEFT_STRAIGHT_RIGHT : Binning.QUANTILES,
                bins == null ? 3 : bins, output);
        J48Options j48 = new J48Options(confidence, minLeaf == null ? J48Options.defaults().minLeaf() : minLeaf,
                unpruned, binarySplits, reducedErrorPruning, 3);
        return new TreeOptions(features, labelSpec, j48, heldOut, folds, seed, sweepSizes, maxRows,
                minLeaf == null ? TreeChoice.SMALLEST_WITHIN_BEST : TreeChoice.EXACT);
    }

    void requireMaxRows() {
        require(maxRows >= 1, "--max-rows must be 1 or more, got " + maxRows);
        require(maxRows <= Limits.TREE_ROWS, Limits.overLimit("--max-rows", maxRows, Limits.TREE_ROWS));
    }

    /** ", learned from N of M training steps (evenly spaced)" when the cap cut them, else nothing. */
    static String rowsUsed(int available, int maxRows) {
        return available <= maxRows ? "" : String.format(Locale.ROOT,
                "; each tree learned from %d of %d training steps (evenly spaced)", maxRows, available);
    }

    void require(boolean ok, String message) {
        if (!ok) {
            throw bad(message);
        }
    }

    ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Progress on stderr: each stage's count, at most about 20 lines per stage. */
    static final class Progress implements TreeProgress {
        private final PrintWriter err;
        private String lastStage = "";
        private int lastTick = -1;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void progress(String stage, int done, int total) {
            int tick = total == 0 ? 20 : (int) ((long) done * 20 / total);
            if (!stage.equals(lastStage)) {
                lastStage = stage;
                lastTick = -1;
            }
            if (done == 0 || tick == lastTick) {
                return;
            }
            lastTick = tick;
            err.printf(Locale.ROOT, "%s %d/%d%n", stage, done, total);
            err.flush();
        }
    }
}
