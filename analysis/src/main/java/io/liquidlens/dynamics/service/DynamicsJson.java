package io.liquidlens.dynamics.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.dynamics.Correlation;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.NeuronDynamics;
import io.liquidlens.dynamics.Pca;
import io.liquidlens.dynamics.RolloutDynamics;
import io.liquidlens.dynamics.Sensitivity;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code dynamics.json}: per model its PCA, every neuron's correlations, L_max and time-constant percentiles, the
 * sensitivity, where the states came from and the notes; the rollouts, the options, the models compared (with
 * groups of seeds, each group's members and spread), and the provenance. NaN (a correlation with a constant series, a sensitivity without noise trials) is written as
 * {@code null}.
 */
final class DynamicsJson {
    /** The format's name and version, so readers can tell what they hold. */
    static final String FORMAT = "liquidlens.dynamics/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DynamicsJson() {
    }

    /** Writes {@code run} to {@code out} (flushed, left open). */
    static void write(DynamicsRun run, OutputStream out) throws IOException {
        out.write(JSON.writeValueAsBytes(toJson(run)));
        out.write('\n');
        out.flush();
    }

    static ObjectNode toJson(DynamicsRun run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode rollouts = root.putArray("rollouts");
        for (RolloutDynamics r : run.rollouts()) {
            ObjectNode o = rollouts.addObject();
            o.put("file", r.label());
            o.put("steps", r.activity().steps());
            o.put("map", r.hasMap());
        }
        DynamicsOptions options = run.options();
        ObjectNode opts = root.putObject("options");
        opts.put("include_motor", options.includeMotor());
        opts.put("noise", options.noise());
        opts.put("noise_trials", options.noiseTrials());
        opts.put("seed", options.seed());
        opts.put("map_neuron", run.mapColour().toString());
        ArrayNode models = root.putArray("models");
        for (ModelDynamics m : run.models()) {
            model(models.addObject(), m);
        }
        List<GroupSummary> groups = run.groups();
        ArrayNode comparison = root.putArray("comparison");
        for (ModelDynamics m : run.models()) {
            ObjectNode o = comparison.addObject();
            o.put("model", m.label());
            if (!groups.isEmpty()) {
                o.put("group", m.group());
            }
            number(o, "pc1_share", m.result().pca().pc1Share());
            number(o, "median_lmax", m.medianLmax());
        }
        if (!groups.isEmpty()) {
            ArrayNode list = root.putArray("groups");
            for (GroupSummary g : groups) {
                ObjectNode o = list.addObject();
                o.put("name", g.name());
                ArrayNode members = o.putArray("members");
                g.members().forEach(members::add);
                spread(o, "pc1_share", g.pc1Share());
                spread(o, "median_lmax", g.medianLmax());
            }
        }
        root.set("provenance", run.provenance().toJson());
        return root;
    }

    private static void model(ObjectNode o, ModelDynamics m) {
        DynamicsResult r = m.result();
        o.put("model", r.model());
        o.put("cell", r.cell());
        o.put("states_source", r.statesSource());
        o.put("map_neuron", m.mapNeuron() < 0 ? "pc1" : r.neurons().get(m.mapNeuron()).name());
        o.put("map_quantity", m.mapQuantity());
        o.set("pca", pca(r, m.motorIncluded()));
        ArrayNode neurons = o.putArray("neurons");
        for (NeuronDynamics n : r.neurons()) {
            ObjectNode j = neurons.addObject();
            j.put("id", n.neuron());
            j.put("name", n.name());
            j.put("label", n.label());
            correlation(j, "corr_output", n.corrOutput());
            ObjectNode world = j.putObject("corr_world");
            for (Map.Entry<String, Correlation> w : n.corrWorld().entrySet()) {
                correlation(world, w.getKey(), w.getValue());
            }
            number(j, "lmax", n.lmax());
            number(j, "tau_p10", n.tauP10());
            number(j, "tau_median", n.tauMedian());
            number(j, "tau_p90", n.tauP90());
        }
        Sensitivity s = r.sensitivity();
        ObjectNode sensitivity = o.putObject("sensitivity");
        sensitivity.put("noise", s.noise());
        sensitivity.put("trials", s.trials());
        sensitivity.put("seed", s.seed());
        number(sensitivity, "max", s.max());
        number(sensitivity, "median", s.median());
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
    }

    private static ObjectNode pca(DynamicsResult r, boolean motorIncluded) {
        Pca pca = r.pca();
        ObjectNode o = JSON.createObjectNode();
        o.put("samples", pca.samples());
        ArrayNode names = o.putArray("neurons");
        for (int id : pca.neurons()) {
            names.add(r.neurons().get(id).name());
        }
        o.put("motor_included", motorIncluded);
        number(o, "pc1_share", pca.pc1Share());
        numbers(o.putArray("explained_variance_ratio"), pca.explainedVarianceRatio());
        numbers(o.putArray("explained_variance"), pca.explainedVariance());
        numbers(o.putArray("mean"), pca.mean());
        ArrayNode components = o.putArray("components");
        for (double[] c : pca.components()) {
            numbers(components.addArray(), c);
        }
        return o;
    }

    /** {@code name}: the members' values with their mean, smallest and largest. */
    private static void spread(ObjectNode parent, String name, double[] values) {
        ObjectNode o = parent.putObject(name);
        double[] m = GroupSummary.meanMinMax(values);
        number(o, "mean", m[0]);
        number(o, "min", m[1]);
        number(o, "max", m[2]);
        numbers(o.putArray("members"), values);
    }

    private static void correlation(ObjectNode parent, String name, Correlation c) {
        ObjectNode o = parent.putObject(name);
        number(o, "pearson", c.pearson());
        number(o, "spearman", c.spearman());
    }

    private static void numbers(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }
}
