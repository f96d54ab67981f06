package io.liquidlens.tree;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of the neuron level (the neuron-level tree command in docs/FORMATS.md): {@code neurons.json},
 * {@code neuron-rules.txt} and {@code neurons/LABEL.dot} per neuron (the policy level's DOT writer).
 */
public final class NeuronExports {
    /** The format tag of neurons.json. */
    public static final String FORMAT = "liquidlens.neuron-trees/1";

    private NeuronExports() {
    }

    /** Writes one file's content. */
    @FunctionalInterface
    public interface Body {
        /** Writes to {@code out} (flush, do not close). */
        void write(OutputStream out) throws IOException;
    }

    /** Every file by its path relative to the output folder, in writing order. */
    public static Map<String, Body> files(NeuronLevelResult r) {
        Map<String, Body> out = new LinkedHashMap<>();
        out.put("neurons.json", o -> {
            o.write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(toJson(r)));
            o.write('\n');
            o.flush();
        });
        out.put("neuron-rules.txt", o -> text(o, rulesText(r)));
        for (NeuronTree t : r.neurons()) {
            out.put("neurons/" + t.label() + ".dot", o -> text(o, DotExport.dot(t.tree(), header(r, t))));
        }
        return out;
    }

    private static void text(OutputStream o, String s) throws IOException {
        o.write(s.getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    /** A neuron's header lines (DOT label, rules file, PDF caption). */
    public static List<String> header(NeuronLevelResult r, NeuronTree t) {
        return List.of(t.name() + " (" + t.label() + "): J48 over " + String.join(", ", r.data().worldNames()) + ", "
                        + r.data().rows() + " steps of " + r.data().episodeInfo().size() + " episode(s)",
                "classes: " + String.join("; ", t.bins().ranges()),
                String.format(Locale.ROOT, "fidelity %.4f on held-out %s (%d steps); %d leaves, size %d, depth %d;"
                                + " concentration %.4f", t.fidelity(), r.split().byBlocks() ? "blocks" : "episodes",
                        t.heldOut().total(), t.tree().leaves(), t.tree().size(), t.tree().depth(), t.concentration()));
    }

    /** neuron-rules.txt: per neuron its header, then its rules; then the conflicts. */
    static String rulesText(NeuronLevelResult r) {
        StringBuilder b = new StringBuilder();
        b.append("# neuron-level trees: each rule is conditions -> class (training steps reaching the leaf/of them"
                + " not of that class) [steps of the whole data set it covers]\n");
        b.append("# a bound a < x <= b: the tree sends x <= threshold below, x > threshold above\n");
        for (NeuronTree t : r.neurons()) {
            b.append('\n');
            for (String h : header(r, t)) {
                b.append("# ").append(h).append('\n');
            }
            for (int i = 0; i < t.rules().size(); i++) {
                b.append(t.ruleText(i)).append(" [").append(t.rules().get(i).steps()).append("]\n");
            }
        }
        b.append("\n# conflicts: rules of two neurons that hold on the same steps but predict opposite extremes\n");
        if (r.conflicts().isEmpty()) {
            b.append("# none\n");
        }
        for (RuleConflict c : r.conflicts()) {
            NeuronTree a = r.neurons().get(c.first());
            NeuronTree z = r.neurons().get(c.second());
            b.append(c.steps()).append(" steps (").append(c.pairSteps()).append(" for the pair): ").append(a.name())
                    .append(": ").append(a.ruleText(c.firstRule())).append("  vs  ").append(z.name()).append(": ")
                    .append(z.ruleText(c.secondRule())).append('\n');
        }
        return b.toString();
    }

    /** neurons.json as an object. */
    public static ObjectNode toJson(NeuronLevelResult r) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode world = root.putArray("world");
        r.data().worldNames().forEach(world::add);
        root.put("steps", r.data().rows());
        ObjectNode held = root.putObject("held_out");
        held.put("split", r.split().byBlocks() ? "blocks" : "episodes");
        ArrayNode he = held.putArray("episodes");
        r.split().heldOutNames().forEach(he::add);
        held.put("steps", r.split().rows(true).length);
        held.put("training_steps", r.split().rows(false).length);
        TreeJson.trainingRows(root, r.split().rows(false).length, r.options().maxRows());
        root.put("concentration", "1 - H(rule | class) / log(leaves) over all steps: 1 = each class of the response"
                + " is covered by one rule, 0 = the class says nothing about the rule; 1 for one leaf");
        ArrayNode neurons = root.putArray("neurons");
        for (NeuronTree t : r.neurons()) {
            ObjectNode n = neurons.addObject();
            n.put("name", t.name());
            n.put("label", t.label());
            n.put("fidelity", t.fidelity());
            n.put("training_fidelity", t.training().fidelity());
            n.put("leaves", t.tree().leaves());
            n.put("size", t.tree().size());
            n.put("depth", t.tree().depth());
            n.put("concentration", t.concentration());
            ArrayNode cls = n.putArray("classes");
            t.bins().classNames().forEach(cls::add);
            ArrayNode cuts = n.putArray("thresholds");
            for (double c : t.bins().cuts()) {
                cuts.add(c);
            }
            ArrayNode rules = n.putArray("rules");
            for (int i = 0; i < t.rules().size(); i++) {
                TreeRule rule = t.rules().get(i);
                ObjectNode o = rules.addObject();
                o.put("rule", t.ruleText(i));
                o.put("class", t.bins().classNames().get(rule.predicted()));
                ObjectNode box = o.putObject("bounds");
                double[] lo = rule.lower();
                double[] hi = rule.upper();
                for (int f = 0; f < lo.length; f++) {
                    if (Double.isFinite(lo[f]) || Double.isFinite(hi[f])) {
                        ObjectNode fb = box.putObject(r.data().worldNames().get(f));
                        if (Double.isFinite(lo[f])) {
                            fb.put("above", lo[f]);
                        }
                        if (Double.isFinite(hi[f])) {
                            fb.put("at_most", hi[f]);
                        }
                    }
                }
                o.put("training_steps", rule.trainingSteps());
                o.put("training_errors", rule.trainingErrors());
                o.put("steps", rule.steps());
            }
        }
        ArrayNode conflicts = root.putArray("conflicts");
        for (RuleConflict c : r.conflicts()) {
            ObjectNode o = conflicts.addObject();
            NeuronTree a = r.neurons().get(c.first());
            NeuronTree z = r.neurons().get(c.second());
            o.put("first", a.name());
            o.put("first_rule", a.ruleText(c.firstRule()));
            o.put("second", z.name());
            o.put("second_rule", z.ruleText(c.secondRule()));
            o.put("steps", c.steps());
            o.put("pair_steps", c.pairSteps());
        }
        root.set("options", options(json, r.options()));
        root.set("provenance", r.provenance().toJson());
        return root;
    }

    /** The options as JSON (also what the provenance records as text). */
    public static ObjectNode options(ObjectMapper json, NeuronTreeOptions o) {
        ObjectNode n = json.createObjectNode();
        ArrayNode roles = n.putArray("roles");
        o.neurons().roles().stream().sorted().map(x -> x.ncpsName()).forEach(roles::add);
        ArrayNode names = n.putArray("neurons");
        o.neurons().neurons().forEach(names::add);
        if (o.neurons().isAllUnits()) {
            n.put("note", FeatureSet.ALL_UNITS_NOTE);
        }
        ArrayNode w = n.putArray("world");
        o.world().forEach(w::add);
        n.put("bins", o.bins());
        ObjectNode j = n.putObject("j48");
        j.put("confidence", o.j48().confidence());
        j.put("min_leaf", o.j48().minLeaf());
        j.put("unpruned", o.j48().unpruned());
        j.put("reduced_error_pruning", o.j48().reducedErrorPruning());
        n.put("held_out", o.heldOut());
        n.put("seed", o.seed());
        n.put("conflicts", o.conflicts());
        n.put("max_rows", o.maxRows());
        return n;
    }
}
