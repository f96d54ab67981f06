package io.liquidlens.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.GroupEvidence;
import io.liquidlens.causal.ModelGroup;
import java.util.List;
import java.util.Optional;

/**
 * The groups' numbers in {@code metrics.json} ({@code groups}) and {@code metrics.csv} (rows {@code section=group}),
 * written only when some group has more than one member: each group's value of every series' mean and median with
 * its two-stage interval, the members' values with their spread, and the mean width of the members' own intervals;
 * and the same for each dynamics figure (one value a member), in {@code groups[].dynamics} and rows
 * {@code section=group} with an empty condition after every other row.
 */
final class GroupMetrics {
    private GroupMetrics() {
    }

    /** The group of {@code model}, when the audit has groups. */
    static Optional<String> groupOf(CausalAudit audit, String model) {
        if (!audit.evidence().byGroup()) {
            return Optional.empty();
        }
        return audit.evidence().groups().groups().stream().filter(g -> g.members().contains(model))
                .map(ModelGroup::name).findFirst();
    }

    /** The {@code groups} array of {@code metrics.json}. */
    static void json(ObjectNode root, CausalAudit audit) {
        GroupEvidence evidence = audit.evidence().groups();
        ArrayNode groups = root.putArray("groups");
        for (ModelGroup g : evidence.groups()) {
            ObjectNode o = groups.addObject();
            o.put("name", g.name());
            ArrayNode members = o.putArray("members");
            g.members().forEach(members::add);
            ArrayNode conditions = o.putArray("conditions");
            for (Condition c : audit.conditions()) {
                ObjectNode n = conditions.addObject();
                n.put("condition", c.name());
                ObjectNode summary = n.putObject("summary");
                evidence.summaries().stream().filter(s -> s.group().equals(g.name())
                        && s.condition().equals(c.name())).forEach(s -> summary(summary, s));
                var rate = evidence.crashRate(g.name(), c.name());
                if (rate.isEmpty()) {
                    n.putNull("closed_loop");
                } else {
                    ObjectNode d = n.putObject("closed_loop");
                    String name = io.liquidlens.causal.Evidence.CRASH_RATE;
                    MetricsJson.number(d, name, rate.get().rate());
                    MetricsJson.interval(d, name + "_ci", rate.get().interval());
                    numbers(d.putArray(name + "_members"), rate.get().members());
                }
            }
            List<GroupEvidence.GroupSummary> dynamics = evidence.dynamics().stream()
                    .filter(s -> s.group().equals(g.name())).toList();
            if (dynamics.isEmpty()) {
                o.putNull("dynamics");
            } else {
                ObjectNode d = o.putObject("dynamics");
                dynamics.forEach(s -> summary(d, s));
            }
        }
    }

    private static void summary(ObjectNode o, GroupEvidence.GroupSummary s) {
        String key = s.key();
        MetricsJson.number(o, key, s.value());
        MetricsJson.interval(o, key + "_ci", s.interval());
        numbers(o.putArray(key + "_members"), s.members());
        MetricsJson.number(o, key + "_member_sd", s.memberSd());
        if (Double.isNaN(s.memberMin())) {
            o.putNull(key + "_member_range");
        } else {
            o.putArray(key + "_member_range").add(s.memberMin()).add(s.memberMax());
        }
        MetricsJson.number(o, key + "_within_ci_width", s.withinWidth());
    }

    private static void numbers(ArrayNode a, List<Double> values) {
        for (double v : values) {
            if (Double.isNaN(v)) {
                a.addNull();
            } else {
                a.add(v);
            }
        }
    }

    /** The rows {@code section=group} of {@code metrics.csv}, per group and condition. */
    static void rows(List<MetricRow> rows, CausalAudit audit) {
        GroupEvidence evidence = audit.evidence().groups();
        for (ModelGroup g : evidence.groups()) {
            for (Condition c : audit.conditions()) {
                for (GroupEvidence.GroupSummary s : evidence.summaries()) {
                    if (s.group().equals(g.name()) && s.condition().equals(c.name())) {
                        summaryRows(rows, s, c.name(), c.kind(), c.level());
                    }
                }
                evidence.crashRate(g.name(), c.name()).ifPresent(r -> rows.add(new MetricRow(g.name(), "group",
                        c.name(), c.kind(), c.level(), -1, io.liquidlens.causal.Evidence.CRASH_RATE, r.rate(),
                        r.interval().low(), r.interval().high())));
            }
        }
    }

    /**
     * The rows {@code section=group} of the dynamics figures, per group: condition, kind and level empty, as the
     * models' rows {@code section=dynamics} they summarise.
     */
    static void dynamicsRows(List<MetricRow> rows, CausalAudit audit) {
        audit.evidence().groups().dynamics().forEach(s -> summaryRows(rows, s, "", "", Double.NaN));
    }

    /** A group summary's value with its interval, then its spread between and within members. */
    private static void summaryRows(List<MetricRow> rows, GroupEvidence.GroupSummary s, String condition,
                                    String kind, double level) {
        String key = s.key();
        rows.add(new MetricRow(s.group(), "group", condition, kind, level, -1, key, s.value(), s.interval().low(),
                s.interval().high()));
        rows.add(new MetricRow(s.group(), "group", condition, kind, level, -1, key + "_member_sd", s.memberSd()));
        rows.add(new MetricRow(s.group(), "group", condition, kind, level, -1, key + "_member_min", s.memberMin()));
        rows.add(new MetricRow(s.group(), "group", condition, kind, level, -1, key + "_member_max", s.memberMax()));
        rows.add(new MetricRow(s.group(), "group", condition, kind, level, -1, key + "_within_ci_width",
                s.withinWidth()));
    }
}
