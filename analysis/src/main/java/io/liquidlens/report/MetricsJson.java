package io.liquidlens.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.causal.SaliencyOverlay;
import io.liquidlens.dynamics.StateSummary;
import io.liquidlens.stats.Interval;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * {@code metrics.json}: the numbers of {@code metrics.csv} nested (models, their conditions with per-step arrays,
 * summaries and closed loop, their interventions ranked, the steps of their overlays), with the method, the
 * explained output and the provenance; beside them the evidence: each mean and median's 95% interval
 * ({@code X_mean_ci}), crash rates with their exact interval, the paired {@code comparisons} of every two models
 * (of every two groups, and the {@code groups} themselves, when some group has several members) and how all of
 * these were made ({@code statistics}); per model its {@code dynamics} over the clean rollouts (PC1's share and
 * the median and largest L_max with their intervals). NaN is written as {@code null}, an undefined interval too;
 * a model not driven under a condition has {@code "closed_loop": null}.
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
        Evidence evidence = audit.evidence();
        ObjectNode statistics = root.putObject("statistics");
        number(statistics, "level", evidence.level());
        statistics.put("resamples", evidence.resamples());
        statistics.put("comparison_resamples", evidence.comparisonResamples());
        statistics.put("blocks", evidence.blocks());
        statistics.put("seed", evidence.seed());
        statistics.put("intervals", "percentile block bootstrap of the frames' mean and median; exact Poisson"
                + " (Garwood) interval of the crash rate");
        statistics.put("correction", evidence.correction());
        if (evidence.byGroup()) {
            statistics.put("groups", io.liquidlens.causal.GroupEvidence.RESAMPLING);
        }
        if (evidence.byReference()) {
            statistics.put("reference", evidence.reference());
        }
        if (ManyModels.applies(audit)) {
            ModelAxis axis = ModelAxis.of(audit.models());
            ObjectNode a = root.putObject("axis");
            a.put("source", axis.kind().name().toLowerCase(java.util.Locale.ROOT));
            a.put("label", axis.kind().label());
            ArrayNode values = a.putArray("values");
            axis.values().forEach(values::add);
        }
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
            model(models.addObject(), m, evidence, GroupMetrics.groupOf(audit, m.name()));
        }
        if (evidence.byGroup()) {
            GroupMetrics.json(root, audit);
        }
        ArrayNode comparisons = root.putArray("comparisons");
        for (Evidence.Comparison c : evidence.comparisons()) {
            ObjectNode n = comparisons.addObject();
            n.put("metric", c.metric());
            n.put("condition", c.condition());
            n.put("model_a", c.modelA());
            n.put("model_b", c.modelB());
            if (evidence.byGroup()) {
                n.put("level", "group");
            }
            number(n, "difference", c.difference());
            interval(n, "ci", c.interval());
            number(n, "p_value", c.pValue());
            number(n, "p_adjusted", c.pAdjusted());
            n.put("significant", c.significant(evidence.level()));
            n.put("test", c.test());
            n.put("correction", evidence.correction());
            evidence.groups().bootstrapCheck(c.metric(), c.condition(), c.modelA(), c.modelB()).ifPresent(check -> {
                number(n, "p_value_bootstrap", check.pValue());
                n.put("test_bootstrap", check.test());
            });
        }
        root.set("provenance", audit.provenance().toJson());
        return root;
    }

    private static void model(ObjectNode o, ModelAudit m, Evidence evidence, java.util.Optional<String> group) {
        o.put("name", m.name());
        o.put("description", m.description());
        group.ifPresent(g -> o.put("group", g));
        if (!m.inputRoles().isEmpty()) {
            ObjectNode roles = o.putObject("input_roles");
            m.inputRoles().forEach((input, role) -> roles.put(input, role.text()));
        }
        ArrayNode conditions = o.putArray("conditions");
        for (ConditionResult r : m.conditions()) {
            ObjectNode c = conditions.addObject();
            c.put("condition", r.condition().name());
            ObjectNode frames = c.putObject("frames");
            ArrayNode steps = frames.putArray("steps");
            r.frames().steps().forEach(steps::add);
            ArrayNode episodes = frames.putArray("episodes");
            r.frames().episodes().forEach(episodes::add);
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
                    if (Evidence.STATISTICS.containsKey(stat)) {
                        interval(summary, name + "_" + stat + "_ci",
                                evidence.interval(m.name(), r.condition().name(), name, stat));
                    }
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
                var rate = evidence.crashRate(m.name(), r.condition().name());
                if (rate.isPresent()) {
                    number(d, Evidence.CRASH_RATE, rate.get().rate());
                    interval(d, Evidence.CRASH_RATE + "_ci", rate.get().interval());
                }
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
        StateSummary d = m.dynamics();
        if (d != null) {
            ObjectNode n = o.putObject("dynamics");
            n.put("steps", d.steps());
            n.put("pca_neurons", d.pcaNeurons());
            d.figures().forEach((name, value) -> {
                number(n, name, value.value());
                interval(n, name + "_ci", value.interval());
            });
            n.put("resampling", d.resampling());
        }
    }

    static void number(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }

    /** An interval as {@code [low, high]}, or null when it is undefined (nothing to measure). */
    static void interval(ObjectNode o, String name, Interval ci) {
        if (!ci.isDefined()) {
            o.putNull(name);
        } else {
            o.putArray(name).add(ci.low()).add(ci.high());
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
