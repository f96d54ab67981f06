package io.liquidlens.tree;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Interval;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** {@code tree.json} (the tree command in docs/FORMATS.md): the numbers, the options, the tree and its provenance. */
public final class TreeJson {
    /** The format tag. */
    public static final String FORMAT = "liquidlens.tree/1";

    private TreeJson() {
    }

    /** The JSON object of {@code r}. */
    public static ObjectNode toJson(TreeResult r) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        TreeDataset d = r.data();
        root.put("format", FORMAT);
        root.put("fidelity", r.fidelity());
        interval(root.putArray("fidelity_ci"), r.fidelityInterval().interval());
        root.put("leaves", r.tree().leaves());
        root.put("size", r.tree().size());
        root.put("depth", r.tree().depth());
        ObjectNode confusion = root.putObject("confusion");
        strings(confusion.putArray("classes"), d.classNames());
        matrix(confusion.putArray("matrix"), r.heldOut().confusion());
        confusion.put("rows", "the label (network or expert)");
        confusion.put("columns", "the tree's class");
        root.put("training_fidelity", r.training().fidelity());
        trainingRows(root, r.training().total(), r.options().maxRows());

        ObjectNode cv = root.putObject("cross_validation");
        cv.put("fidelity", r.crossValidated().fidelity());
        cv.put("folds", r.split().folds());
        cv.put("grouped_by", r.split().byBlocks() ? "contiguous blocks of the one episode" : "episode");
        ArrayNode per = cv.putArray("per_fold");
        r.folds().forEach(f -> per.add(f.fidelity()));
        matrix(cv.putArray("confusion"), r.crossValidated().confusion());

        ObjectNode held = root.putObject("held_out");
        held.put("split", r.split().byBlocks() ? "blocks" : "episodes");
        if (r.split().byBlocks()) {
            held.put("note", "a single episode: it was cut into " + r.split().groupNames().size() + " contiguous blocks"
                    + " of steps, which are held out and folded as episodes would be (neighbouring blocks share"
                    + " a little at their borders)");
        }
        strings(held.putArray("episodes"), r.split().heldOutNames());
        held.put("steps", r.heldOut().total());
        held.put("training_steps", r.training().total());
        ObjectNode ci = held.putObject("fidelity_ci");
        ci.put("level", FidelityInterval.LEVEL);
        ci.put("method", "percentile bootstrap of the share of agreeing steps");
        ci.put("resampled", r.fidelityInterval().resampled());
        ci.put("resamples", BlockBootstrap.DEFAULT_RESAMPLES);
        ci.put("seed", r.options().seed());

        ObjectNode choice = root.putObject("choice");
        choice.put("by", r.chosen() ? "smallest tree within the best's 95% interval" : "the options");
        choice.put("min_leaf", r.minLeaf());
        r.best().ifPresent(b -> {
            choice.put("best_min_leaf", b.minLeaf());
            choice.put("best_leaves", b.leaves());
            choice.put("best_fidelity", b.fidelity());
            interval(choice.putArray("best_fidelity_ci"), b.fidelityInterval());
        });

        ObjectNode label = root.putObject("label");
        label.put("source", r.options().label().source().key());
        label.put("binning", r.options().label().binning().name().toLowerCase(Locale.ROOT));
        label.put("output", r.options().label().output());
        strings(label.putArray("classes"), d.classNames());
        ArrayNode cuts = label.putArray("thresholds");
        for (double c : d.bins().cuts()) {
            cuts.add(c);
        }
        strings(label.putArray("ranges"), d.bins().ranges());
        label.put("rule", d.bins().rule());
        ArrayNode counts = label.putArray("class_counts");
        for (int c : d.classCounts()) {
            counts.add(c);
        }

        strings(root.putArray("features"), d.featureNames());
        root.put("steps", d.rows());
        ArrayNode eps = root.putArray("episodes");
        int[] rows = d.episodeRows();
        for (int e = 0; e < d.episodeInfo().size(); e++) {
            TreeDataset.EpisodeInfo info = d.episodeInfo().get(e);
            ObjectNode o = eps.addObject();
            o.put("file", info.name());
            o.put("steps", info.steps());
            o.put("rows", rows[e]);
            o.put("states", info.states());
        }

        root.set("options", options(json, r.options()));
        ArrayNode sweep = root.putArray("sweep");
        for (SweepPoint p : r.sweep()) {
            ObjectNode o = sweep.addObject();
            o.put("min_leaf", p.minLeaf());
            o.put("leaves", p.leaves());
            o.put("size", p.size());
            o.put("depth", p.depth());
            o.put("fidelity", p.fidelity());
            o.put("training_fidelity", p.trainingFidelity());
            interval(o.putArray("fidelity_ci"), p.fidelityInterval());
        }
        root.set("tree", node(json, r.tree(), r.tree().root()));
        root.set("provenance", r.provenance().toJson());
        return root;
    }

    /** The options as JSON (also what the provenance records as text). */
    public static ObjectNode options(ObjectMapper json, TreeOptions o) {
        ObjectNode n = json.createObjectNode();
        ObjectNode f = n.putObject("features");
        strings(f.putArray("roles"), o.features().roles().stream().sorted().map(r -> r.ncpsName()).toList());
        strings(f.putArray("neurons"), o.features().neurons());
        f.put("rates", o.features().rates());
        if (o.features().isAllUnits()) {
            f.put("note", FeatureSet.ALL_UNITS_NOTE);
        }
        ObjectNode l = n.putObject("label");
        l.put("source", o.label().source().key());
        l.put("binning", o.label().binning().name().toLowerCase(Locale.ROOT));
        l.put("bins", o.label().bins());
        l.put("output", o.label().output());
        ObjectNode j = n.putObject("j48");
        j.put("confidence", o.j48().confidence());
        j.put("min_leaf", o.j48().minLeaf());
        j.put("unpruned", o.j48().unpruned());
        j.put("binary_splits", o.j48().binarySplits());
        j.put("reduced_error_pruning", o.j48().reducedErrorPruning());
        j.put("pruning_folds", o.j48().pruningFolds());
        n.put("held_out", o.heldOut());
        n.put("folds", o.folds());
        n.put("seed", o.seed());
        n.put("max_rows", o.maxRows());
        n.put("choice", o.choice().name().toLowerCase(Locale.ROOT));
        ArrayNode s = n.putArray("sweep");
        o.sweep().forEach(s::add);
        return n;
    }

    /**
     * How many training rows there were ({@code training_rows}), how many each tree learned from ({@code rows_used};
     * a fold's tree learns from at most as many of its own) and how they were chosen ({@code rows_chosen}).
     */
    static void trainingRows(ObjectNode o, int available, int maxRows) {
        o.put("training_rows", available);
        o.put("rows_used", Math.min(available, maxRows));
        o.put("rows_chosen", TrainingRows.choice(available, maxRows));
    }

    private static ObjectNode node(ObjectMapper json, DecisionTree tree, TreeNode n) {
        ObjectNode o = json.createObjectNode();
        ArrayNode c = json.createArrayNode();
        for (double v : n.counts()) {
            c.add(v);
        }
        if (n instanceof TreeNode.Split s) {
            o.put("feature", s.feature());
            o.put("name", s.featureName());
            o.put("threshold", s.threshold());
            o.set("counts", c);
            o.set("below", node(json, tree, s.below()));
            o.set("above", node(json, tree, s.above()));
        } else {
            TreeNode.Leaf leaf = (TreeNode.Leaf) n;
            o.put("class", tree.classNames().get(leaf.predicted()));
            o.put("class_index", leaf.predicted());
            o.set("counts", c);
        }
        return o;
    }

    private static void interval(ArrayNode a, Interval i) {
        a.add(i.low());
        a.add(i.high());
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }

    private static void matrix(ArrayNode a, int[][] m) {
        for (int[] row : m) {
            ArrayNode r = a.addArray();
            for (int v : row) {
                r.add(v);
            }
        }
    }

    /** Writes {@code tree.json} (indented). */
    public static void write(TreeResult r, OutputStream out) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        out.write(json.writeValueAsBytes(toJson(r)));
        out.write('\n');
        out.flush();
    }

    /**
     * Writes {@code sweep.csv}: min_leaf, leaves, size, depth, fidelity, training_fidelity, the fidelity's 95% interval
     * (fidelity_ci_low, fidelity_ci_high) and whether it is the reported tree (reported, 1 or 0).
     */
    public static void writeSweepCsv(TreeResult r, OutputStream out) throws IOException {
        StringBuilder b = new StringBuilder("min_leaf,leaves,size,depth,fidelity,training_fidelity,fidelity_ci_low,"
                + "fidelity_ci_high,reported\n");
        for (SweepPoint p : r.sweep()) {
            b.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%.6f,%.6f,%.6f,%.6f,%d\n", p.minLeaf(), p.leaves(),
                    p.size(), p.depth(), p.fidelity(), p.trainingFidelity(), p.fidelityInterval().low(),
                    p.fidelityInterval().high(), p.minLeaf() == r.minLeaf() ? 1 : 0));
        }
        out.write(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }
}
