package io.liquidlens.app.tree;

import io.liquidlens.LiquidLensException;
import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.ExportFiles;
import io.liquidlens.app.task.LatestTask;
import io.liquidlens.app.task.ProgressSink;
import io.liquidlens.app.task.TaskExecutor;
import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.tree.Binning;
import io.liquidlens.tree.FeatureSet;
import io.liquidlens.tree.J48Options;
import io.liquidlens.tree.LabelSource;
import io.liquidlens.tree.LabelSpec;
import io.liquidlens.tree.TreeArtifact;
import io.liquidlens.tree.TreeCaption;
import io.liquidlens.tree.TreeNode;
import io.liquidlens.tree.TreeOptions;
import io.liquidlens.tree.TreeProgress;
import io.liquidlens.tree.TreeResult;
import io.liquidlens.tree.service.TreeRequest;
import io.liquidlens.wiring.NeuronRole;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.DoubleProperty;

/**
 * The Tree panel's state: the extraction's options, its result, and where the step at the time cursor goes in the
 * tree. Extraction runs as one background task (a {@link TreeRequest} for the loaded model and rollout, the same
 * entry point as {@code liquidlens tree}; one episode, which the core cuts into contiguous blocks for its held-out
 * split); every number shown comes from the {@link TreeResult}. A new model or rollout drops the tree, since it no
 * longer describes what is loaded.
 */
public final class TreePanelViewModel {
    private static final String NOTHING = "Extract a tree from the loaded model and rollout.";

    private final WorkspaceViewModel workspace;
    private final BooleanProperty inter = new SimpleBooleanProperty(false);
    private final BooleanProperty rates = new SimpleBooleanProperty(false);
    private final ObjectProperty<LabelSource> source = new SimpleObjectProperty<>(LabelSource.NETWORK);
    private final BooleanProperty quantileBins = new SimpleBooleanProperty(false);
    private final IntegerProperty bins = new SimpleIntegerProperty(3);
    private final DoubleProperty confidence = new SimpleDoubleProperty(J48Options.defaults().confidence());
    private final IntegerProperty minLeaf = new SimpleIntegerProperty(J48Options.defaults().minLeaf());
    private final BooleanProperty unpruned = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<TreeResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(NOTHING);
    private final ReadOnlyStringWrapper decision = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rule = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<TreeNode>> path = new ReadOnlyObjectWrapper<>(List.of());
    private final ObjectProperty<String> error = new SimpleObjectProperty<>();
    private final LatestTask task;

    /** A panel over {@code workspace}'s model, rollout and cursor; work runs on {@code executor}. */
    public TreePanelViewModel(WorkspaceViewModel workspace, TaskExecutor executor) {
        this.workspace = workspace;
        this.task = new LatestTask(executor);
        workspace.activityProperty().addListener((obs, old, now) -> {
            if (result.get() != null || task.runningProperty().get()) {
                drop("The model or rollout changed. " + NOTHING);
            }
        });
        workspace.cursor().stepProperty().addListener((obs, old, now) -> follow());
        result.addListener((obs, old, now) -> follow());
    }

    /** The options as the controls set them; throws IllegalArgumentException naming a bad field. */
    public TreeOptions options() {
        Set<NeuronRole> roles = inter.get() ? EnumSet.of(NeuronRole.COMMAND, NeuronRole.INTER)
                : EnumSet.of(NeuronRole.COMMAND);
        LabelSpec label = new LabelSpec(source.get(), quantileBins.get() ? Binning.QUANTILES
                : Binning.LEFT_STRAIGHT_RIGHT, quantileBins.get() ? bins.get() : 3, 0);
        J48Options d = J48Options.defaults();
        J48Options j48 = new J48Options(confidence.get(), minLeaf.get(), unpruned.get(), d.binarySplits(),
                d.reducedErrorPruning(), d.pruningFolds());
        TreeOptions base = TreeOptions.defaults();
        return new TreeOptions(new FeatureSet(roles, List.of(), rates.get()), label, j48, base.heldOut(),
                base.folds(), base.seed(), List.of());
    }

    /** Extracts a tree from the loaded model and rollout in the background; a running extraction is replaced. */
    public void extract() {
        LoadedModel model = workspace.modelProperty().get();
        Path file = workspace.rolloutFileProperty().get();
        if (model == null || file == null) {
            error.set("Open a model and a rollout first (File > Open model..., Open rollout...)");
            return;
        }
        TreeOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            error.set("Tree options: " + e.getMessage());
            return;
        }
        error.set(null);
        summary.set("Extracting a tree from " + file.getFileName() + " ...");
        task.start("Extracting a tree", sink -> extract(model, file, options, sink), done -> {
            result.set(done);
            summary.set(describe(done));
        }, failure -> {
            error.set(LatestTask.oneLine(failure instanceof LiquidLensException ? failure.getMessage()
                    : file + ": the tree could not be extracted (" + failure + ")"));
            summary.set(result.get() == null ? NOTHING : describe(result.get()));
        });
    }

    /** Stops a running extraction; the tree shown (if any) stays. */
    public void cancel() {
        if (task.runningProperty().get()) {
            task.cancel();
            summary.set("Cancelled. " + (result.get() == null ? NOTHING : describe(result.get())));
        }
    }

    /**
     * Writes one export of the shown tree (e.g. the DOT writer as a {@link TreeArtifact}) to {@code file}, on the
     * calling thread.
     */
    public void export(TreeArtifact artifact, Path file) {
        Export.now(exportOf(artifact), file);
    }

    /**
     * One export of the shown tree: the capture takes the tree shown now (a result is never changed), and the
     * writing (a PDF lays out and embeds fonts) runs off the JavaFX thread.
     *
     * @throws LiquidLensException from the capture, naming the file, when no tree has been extracted
     */
    public Export exportOf(TreeArtifact artifact) {
        return file -> {
            TreeResult r = result.get();
            if (r == null) {
                throw new LiquidLensException(file, "no tree to export yet: extract one first");
            }
            return progress -> ExportFiles.write(file, progress, out -> artifact.write(r, out));
        };
    }

    /** The work itself, on the worker thread: the command's request on one rollout; polls Cancel between stages. */
    private static TreeResult extract(LoadedModel model, Path file, TreeOptions options, ProgressSink sink) {
        TreeProgress progress = (stage, done, total) -> {
            sink.checkCancelled();
            sink.message("Tree: " + stage);
            sink.progress(done, total);
        };
        return new TreeRequest(model, List.of(file)).policyLevel(options, "liquidlens workbench: tree", progress);
    }

    /** Walks the tree with the row of the cursor's step. */
    private void follow() {
        TreeResult r = result.get();
        if (r == null) {
            path.set(List.of());
            decision.set("");
            rule.set("");
            return;
        }
        int step = workspace.cursor().step();
        int row = r.data().rowOf(0, step);
        if (row < 0) {
            path.set(List.of());
            decision.set("step " + step + ": no row in the tree's data (rates of change start at the second step)");
            rule.set("");
            return;
        }
        List<TreeNode> p = r.tree().path(r.data().row(row));
        TreeNode.Leaf leaf = (TreeNode.Leaf) p.get(p.size() - 1);
        List<String> classes = r.data().classNames();
        String whose = r.options().label().source() == LabelSource.NETWORK ? "network" : "expert";
        path.set(p);
        decision.set(String.format(Locale.ROOT, "step %d · tree: %s · %s: %s (%.4g)", step,
                classes.get(leaf.predicted()), whose, classes.get(r.data().labels()[row]), r.data().decisions()[row]));
        rule.set("rule: " + TreeCaption.ruleOf(r, row));
    }

    private void drop(String why) {
        task.cancel();
        result.set(null);
        summary.set(why);
    }

    /**
     * The line under the tree: fidelity with its 95% interval, leaves, depth and the classes' thresholds, as the
     * analysis gives them.
     */
    static String describe(TreeResult r) {
        return String.format(Locale.ROOT, "%s on %d held-out steps (%s) · cross-validated %.4f · %d leaves"
                        + " · depth %d · %s", TreeCaption.fidelity(r), r.heldOut().total(),
                r.split().byBlocks() ? "blocks of the one episode" : "episodes", r.crossValidated().fidelity(),
                r.tree().leaves(), r.tree().depth(), String.join("; ", r.data().bins().ranges()));
    }

    /** Also the inter neurons (besides the command neurons). */
    public BooleanProperty interProperty() {
        return inter;
    }

    /** Also each neuron's rate of change. */
    public BooleanProperty ratesProperty() {
        return rates;
    }

    /** Whose decision the tree explains. */
    public ObjectProperty<LabelSource> sourceProperty() {
        return source;
    }

    /** K quantile bins instead of right / straight / left. */
    public BooleanProperty quantileBinsProperty() {
        return quantileBins;
    }

    /** K, the number of quantile bins. */
    public IntegerProperty binsProperty() {
        return bins;
    }

    /** J48's pruning confidence. */
    public DoubleProperty confidenceProperty() {
        return confidence;
    }

    /** J48's minimum steps per leaf. */
    public IntegerProperty minLeafProperty() {
        return minLeaf;
    }

    /** J48 without pruning. */
    public BooleanProperty unprunedProperty() {
        return unpruned;
    }

    /** The extraction shown, or null. */
    public ReadOnlyObjectProperty<TreeResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True while an extraction runs. */
    public ReadOnlyBooleanProperty extractingProperty() {
        return task.runningProperty();
    }

    /** Fidelity, leaves, depth and thresholds of the tree shown (or what is happening). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The tree's decision next to the label's at the cursor's step. */
    public ReadOnlyStringProperty decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    /** The rule of the leaf the cursor's step reaches, one bound per neuron (empty when there is no tree or no row). */
    public ReadOnlyStringProperty ruleProperty() {
        return rule.getReadOnlyProperty();
    }

    /** The nodes the cursor's step passes through, root to leaf (empty when there is no tree or no row). */
    public ReadOnlyObjectProperty<List<TreeNode>> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** The last problem, one line (the view shows it and clears it). */
    public ObjectProperty<String> errorProperty() {
        return error;
    }
}
