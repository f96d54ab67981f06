package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.FrameMetrics;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit as one tidy long table (one number a row), the content of {@code metrics.csv}; {@code metrics.json}
 * holds the same numbers nested.
 */
final class MetricsTable {
    /** The summary statistics written per series, in order. */
    static final List<String> STATISTICS = List.of("mean", "median", "q1", "q3");

    private MetricsTable() {
    }

    /** The per-step series of one condition result, by metric name, in the order written. */
    static Map<String, List<Double>> series(FrameMetrics f) {
        return f.series();
    }

    /** One statistic of a summary by its name in {@link #STATISTICS}. */
    static double statistic(Summary s, String name) {
        return switch (name) {
            case "mean" -> s.mean();
            case "median" -> s.median();
            case "q1" -> s.q1();
            case "q3" -> s.q3();
            default -> throw new IllegalArgumentException("no statistic " + name);
        };
    }

    /** The closed-loop numbers by metric name, in the order written. */
    static Map<String, Double> closedLoop(ClosedLoopResult c) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("episodes", (double) c.episodes());
        m.put("steps", (double) c.steps());
        m.put("crashes", (double) c.crashes());
        m.put("mean_abs_d", c.meanAbsD());
        m.put("max_abs_d", c.maxAbsD());
        return m;
    }

    /** How an intervention is named in the condition column. */
    static String interventionName(InterventionEffect e) {
        return e.target() + ": " + e.action();
    }

    /**
     * Every row: per model, its frames (steps, then summaries) and closed loop per condition, then interventions;
     * then, when some group has several members, the groups' rows; then the models' dynamics rows, and last the
     * groups' dynamics rows (so that every earlier row keeps its place).
     */
    static List<MetricRow> rows(CausalAudit audit) {
        List<MetricRow> rows = new ArrayList<>();
        Evidence evidence = audit.evidence();
        for (ModelAudit m : audit.models()) {
            for (ConditionResult r : m.conditions()) {
                frames(rows, m.name(), r, evidence);
            }
            for (ConditionResult r : m.conditions()) {
                if (r.closedLoop() != null) {
                    String c = r.condition().name();
                    closedLoop(r.closedLoop()).forEach((k, v) -> rows.add(new MetricRow(m.name(), "closed_loop", c,
                            r.condition().kind(), r.condition().level(), -1, k, v)));
                    evidence.crashRate(m.name(), c).ifPresent(rate -> rows.add(new MetricRow(m.name(),
                            "closed_loop", c, r.condition().kind(), r.condition().level(), -1, Evidence.CRASH_RATE,
                            rate.rate(), rate.interval().low(), rate.interval().high())));
                }
            }
            for (int i = 0; i < m.interventions().size(); i++) {
                InterventionEffect e = m.interventions().get(i);
                String c = interventionName(e);
                rows.add(new MetricRow(m.name(), "intervention", c, "", Double.NaN, -1, "rank", i + 1));
                rows.add(new MetricRow(m.name(), "intervention", c, "", Double.NaN, -1, "value", e.value()));
                rows.add(new MetricRow(m.name(), "intervention", c, "", Double.NaN, -1, "mean_abs_change",
                        e.meanAbsChange()));
                rows.add(new MetricRow(m.name(), "intervention", c, "", Double.NaN, -1, "max_abs_change",
                        e.maxAbsChange()));
            }
        }
        if (evidence.byGroup()) {
            GroupMetrics.rows(rows, audit);
        }
        // last, so that every earlier row keeps its place
        for (ModelAudit m : audit.models()) {
            if (m.dynamics() != null) {
                m.dynamics().figures().forEach((name, v) -> rows.add(new MetricRow(m.name(), "dynamics", "", "",
                        Double.NaN, -1, name, v.value(), v.interval().low(), v.interval().high())));
            }
        }
        if (evidence.byGroup()) {
            GroupMetrics.dynamicsRows(rows, audit);
        }
        return rows;
    }

    private static void frames(List<MetricRow> rows, String model, ConditionResult r, Evidence evidence) {
        String c = r.condition().name();
        String kind = r.condition().kind();
        double level = r.condition().level();
        FrameMetrics f = r.frames();
        Map<String, List<Double>> series = series(f);
        for (int i = 0; i < f.steps().size(); i++) {
            for (var e : series.entrySet()) {
                rows.add(new MetricRow(model, "frames", c, kind, level, f.steps().get(i), e.getKey(),
                        e.getValue().get(i)));
            }
        }
        for (var e : series.entrySet()) {
            Summary s = Summary.of(e.getValue());
            for (String stat : STATISTICS) {
                Interval ci = evidence.interval(model, c, e.getKey(), stat);
                rows.add(new MetricRow(model, "frames", c, kind, level, -1, e.getKey() + "_" + stat,
                        statistic(s, stat), ci.low(), ci.high()));
            }
        }
    }
}
