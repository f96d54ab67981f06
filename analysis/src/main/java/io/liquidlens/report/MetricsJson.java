package io.liquidlens.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.causal.SaliencyOverlay;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code metrics.json}: the numbers of {@code metrics.csv} nested (models, their conditions with per-step arrays,
 * summaries and closed loop, their interventions ranked, the steps of their overlays), with the method, the
 * explained output and the provenance. NaN is written as {@code null}; a model not driven under a condition has
 * {@code "closed_loop": null}.
 */
final class MetricsJson {
    /** The format's name and version, so readers can tell what they hold. */
    static final String FORMAT = "liquidlens-causal-metrics";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MetricsJson() {
    }

    /** Writes {@code audit}'s numbers to {@code out} (flushed, left open). */
    static void write(CausalAudit audit, OutputStream out) throws IOException {
        out.write(JSON.writeValueAsBytes(toJson(audit)));
        out.write('\n');
        out.flush();
    }

    static ObjectNode toJson(CausalAudit audit) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("method", audit.method());
        ObjectNode output = root.putObject("output");
        output.put("index", audit.output());
        output.put("name", audit.outputName());
        ArrayNode conditions = root.putArray("conditions");
        for (Condition c : audit.conditions()) {
            ObjectNode o = conditions.addObject();
            o.put("name", c.name());
            o.put("kind", c.kind());
            number(o, "level", c.level());
            o.put("distractors", c.distractors().describe());
            o.put("seed", c.distractors().seed());
            o.put("perturbation", c.perturbation().toString());
        }
        ArrayNode models = root.putArray("models");
        for (ModelAudit m : audit.models()) {
            model(models.addObject(), m);
        }
        root.set("provenance", audit.provenance().toJson());
        return root;
    }

    private static void model(ObjectNode o, ModelAudit m) {
        o.put("name", m.name());
        o.put("description", m.description());
        ArrayNode conditions = o.putArray("conditions");
        for (ConditionResult r : m.conditions()) {
            ObjectNode c = conditions.addObject();
            c.put("condition", r.condition().name());
            ObjectNode frames = c.putObject("frames");
            ArrayNode steps = frames.putArray("steps");
            r.frames().steps().forEach(steps::add);
            var series = MetricsTable.series(r.frames());
            series.forEach((name, values) -> {
                ArrayNode a = frames.putArray(name);
                values.forEach(v -> add(a, v));
            });
            ObjectNode summary = c.putObject("summary");
            series.forEach((name, values) -> {
                Summary s = Summary.of(values);
                for (String stat : MetricsTable.STATISTICS) {
                    number(summary, name + "_" + stat, MetricsTable.statistic(s, stat));
                }
            });
            ClosedLoopResult drive = r.closedLoop();
            if (drive == null) {
                c.putNull("closed_loop");
            } else {
                ObjectNode d = c.putObject("closed_loop");
                d.put("episodes", drive.episodes());
                d.put("steps", drive.steps());
                d.put("seed", drive.seed());
                d.put("crashes", drive.crashes());
                number(d, "mean_abs_d", drive.meanAbsD());
                number(d, "max_abs_d", drive.maxAbsD());
            }
        }
        ArrayNode interventions = o.putArray("interventions");
        List<InterventionEffect> effects = m.interventions();
        for (int i = 0; i < effects.size(); i++) {
            InterventionEffect e = effects.get(i);
            ObjectNode n = interventions.addObject();
            n.put("rank", i + 1);
            n.put("target", e.target());
            n.put("action", e.action());
            number(n, "value", e.value());
            number(n, "mean_abs_change", e.meanAbsChange());
            number(n, "max_abs_change", e.maxAbsChange());
        }
        ArrayNode overlays = o.putArray("overlays");
        for (SaliencyOverlay s : m.overlays()) {
            ObjectNode n = overlays.addObject();
            n.put("condition", s.condition());
            n.put("step", s.step());
        }
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    private static void add(ArrayNode a, double v) {
        if (Double.isNaN(v)) {
            a.addNull();
        } else {
            a.add(v);
        }
    }
}
