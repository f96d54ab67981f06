package io.liquidlens.cli;

import io.liquidlens.Limits;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.tree.FeatureSet;
import io.liquidlens.tree.J48Options;
import io.liquidlens.tree.NeuronData;
import io.liquidlens.tree.NeuronLevelResult;
import io.liquidlens.tree.NeuronTree;
import io.liquidlens.tree.NeuronTreeOptions;
import io.liquidlens.tree.RuleConflict;
import io.liquidlens.tree.service.TreeExports;
import io.liquidlens.tree.service.TreeRequest;
import io.liquidlens.wiring.NeuronRole;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code liquidlens tree --level neuron}: the neuron-level trees, from the options of {@link TreeCommand}. */
final class NeuronLevelRun {
    private final TreeCommand c;

    NeuronLevelRun(TreeCommand command) {
        this.c = command;
    }

    Integer call() {
        NeuronTreeOptions options = options();
        NeuronLevelResult result = new TreeRequest(LoadedModel.load(c.model), c.rollouts).neuronLevel(options,
                "liquidlens tree --level neuron", new TreeCommand.Progress(c.spec.commandLine().getErr()));
        TreeExports.writeNeuronFolder(c.out, "liquidlens tree --level neuron", result);
        NeuronData data = result.data();
        PrintWriter stdout = c.spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%d neuron trees over %s (%d steps, %d held-out %s%s); wrote %s%n",
                result.neurons().size(), String.join(", ", data.worldNames()), data.rows(),
                result.split().heldOut().length, result.split().byBlocks() ? "block(s)" : "episode(s)",
                TreeCommand.rowsUsed(result.split().rows(false).length, options.maxRows()), c.out);
        stdout.printf(Locale.ROOT, "%-22s %8s %6s %13s%n", "neuron", "fidelity", "leaves", "concentration");
        for (NeuronTree t : result.neurons()) {
            stdout.printf(Locale.ROOT, "%-22s %8.4f %6d %13.4f%n", t.name(), t.fidelity(), t.tree().leaves(),
                    t.concentration());
        }
        if (!result.conflicts().isEmpty()) {
            RuleConflict top = result.conflicts().get(0);
            NeuronTree a = result.neurons().get(top.first());
            NeuronTree z = result.neurons().get(top.second());
            stdout.printf(Locale.ROOT, "top conflict (%d steps): %s: %s  vs  %s: %s%n", top.steps(), a.name(),
                    a.ruleText(top.firstRule()), z.name(), z.ruleText(top.secondRule()));
        } else {
            stdout.println("no conflicts");
        }
        stdout.flush();
        return 0;
    }

    private NeuronTreeOptions options() {
        if (c.inter || c.rates || c.sweep != null) {
            throw c.bad("--inter, --rates and --sweep belong to --level policy (the neuron level explains every inter,"
                    + " command and motor neuron, or --neurons)");
        }
        if (!c.label.equalsIgnoreCase("network") || c.output != 0) {
            throw c.bad("--label and --output belong to --level policy (the neuron level explains neuron states)");
        }
        int bins = c.bins == null ? 3 : c.bins;
        c.require(bins >= 2, "--bins must be 2 or more, got " + bins);
        c.require(bins <= Limits.BINS, Limits.overLimit("--bins", bins, Limits.BINS));
        c.require(c.confidence > 0 && c.confidence <= 0.5, "--confidence must be in (0, 0.5], got " + c.confidence);
        // the neuron level has no sweep to choose from: without --min-leaf its trees keep J48's default
        int minLeaf = c.minLeaf == null ? J48Options.defaults().minLeaf() : c.minLeaf;
        c.require(minLeaf >= 1, "--min-leaf must be 1 or more, got " + minLeaf);
        c.require(!(c.unpruned && c.reducedErrorPruning), "--unpruned and --reduced-error-pruning exclude each other");
        c.require(c.heldOut > 0 && c.heldOut < 1, "--held-out must be in (0, 1), got " + c.heldOut);
        c.require(c.conflicts >= 0, "--conflicts must be 0 or more, got " + c.conflicts);
        c.requireMaxRows();
        c.require(c.conflicts <= Limits.FOLDS, Limits.overLimit("--conflicts", c.conflicts, Limits.FOLDS));
        List<String> world = c.world == null ? NeuronTreeOptions.DEFAULT_WORLD
                : c.world.stream().map(String::trim).toList();
        c.require(!world.isEmpty() && world.stream().noneMatch(String::isEmpty),
                "--world takes world column names, comma-separated, e.g. d,mu,kappa");
        c.require(Set.copyOf(world).size() == world.size(), "--world names a column twice: " + world);
        List<String> chosen = c.neurons == null ? List.of() : c.neurons.stream().map(String::trim).toList();
        FeatureSet neurons = new FeatureSet(chosen.isEmpty()
                ? EnumSet.of(NeuronRole.INTER, NeuronRole.COMMAND, NeuronRole.MOTOR) : Set.of(), chosen, false);
        J48Options j48 = new J48Options(c.confidence, minLeaf, c.unpruned, c.binarySplits, c.reducedErrorPruning, 3);
        return new NeuronTreeOptions(neurons, world, bins, j48, c.heldOut, c.seed, c.conflicts, c.maxRows);
    }
}
