package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.GroupEvidence;
import io.liquidlens.causal.ModelGroup;
import java.util.ArrayList;
import java.util.List;

/** The report's tables by group: key figures with the members' range, and the spread between and within seeds. */
final class GroupTables {
    private GroupTables() {
    }

    /** A group's name with its size, e.g. {@code ncp (5 seeds)}. */
    static String label(ModelGroup g) {
        return g.name() + " (" + g.members().size() + (g.members().size() == 1 ? " seed)" : " seeds)");
    }

    /** One row per group and condition: the medians' group values with their intervals and the members' range. */
    static Table keyFigures(CausalAudit audit) {
        GroupEvidence e = audit.evidence().groups();
        List<List<String>> rows = new ArrayList<>();
        for (ModelGroup g : e.groups()) {
            for (Condition c : audit.conditions()) {
                rows.add(List.of(label(g), c.name(), median(e, g, c, "ssim"), median(e, g, c, "deviation"),
                        median(e, g, c, "distractor_share"), crashRate(e, g, c)));
            }
        }
        return new Table("Key figures by group: the mean over seeds of each seed's median over the measured frames,"
                + " with its 95% two-stage interval [members and frames] and the seeds' range (min - max)",
                List.of("group", "condition", "SSIM", "deviation", "distractor share", "crashes / 1000 steps"), rows);
    }

    /** Per group, condition and compared series: the group's median, the seeds' spread and the frames' spread. */
    static Table spread(CausalAudit audit) {
        GroupEvidence e = audit.evidence().groups();
        List<List<String>> rows = new ArrayList<>();
        for (ModelGroup g : e.groups()) {
            for (Condition c : audit.conditions()) {
                for (String metric : Evidence.COMPARED) {
                    e.summary(g.name(), c.name(), metric, "median").filter(s -> Double.isFinite(s.value()))
                            .ifPresent(s -> rows.add(List.of(label(g), c.name(), metric,
                                    Tables.withInterval(s.value(), s.interval()),
                                    Tables.number(s.memberMin()) + " - " + Tables.number(s.memberMax()),
                                    Tables.number(s.memberSd()), Tables.number(s.withinWidth()))));
                }
            }
        }
        return new Table("Groups: medians between seeds and within frames (the seeds' spread beside the width of a"
                + " seed's own 95% frame interval, about four of its standard errors: which noise dominates)",
                List.of("group", "condition", "metric",
                "mean of seeds' medians [95%]", "seeds min - max", "seeds SD", "mean width of a seed's interval"),
                rows);
    }

    /**
     * One row per group whose every member has a dynamics summary: each figure's mean over seeds with its interval
     * and the seeds' range.
     */
    static Table dynamics(CausalAudit audit) {
        GroupEvidence e = audit.evidence().groups();
        List<List<String>> rows = new ArrayList<>();
        for (ModelGroup g : e.groups()) {
            if (e.dynamics(g.name(), "pc1_share").isPresent()) {
                List<String> row = new ArrayList<>(List.of(label(g)));
                for (String figure : List.of("pc1_share", "lmax_median", "lmax_max")) {
                    row.add(e.dynamics(g.name(), figure).map(s -> Tables.withInterval(s.value(), s.interval())
                            + range(s.memberMin(), s.memberMax(), g)).orElse("n/a"));
                }
                rows.add(row);
            }
        }
        return new Table("Dynamics by group over the clean rollouts: the mean over seeds of each seed's figure, with"
                + " its 95% interval over seeds (a group of one: its own, over steps) and the seeds' range"
                + " (min - max); the groups' comparisons are in the group comparisons' table",
                List.of("group", "PC1 share", "median L_max", "max L_max"), rows);
    }

    private static String median(GroupEvidence e, ModelGroup g, Condition c, String metric) {
        return e.summary(g.name(), c.name(), metric, "median").map(s -> Tables.withInterval(s.value(), s.interval())
                + range(s.memberMin(), s.memberMax(), g)).orElse("n/a");
    }

    private static String crashRate(GroupEvidence e, ModelGroup g, Condition c) {
        return e.crashRate(g.name(), c.name()).map(r -> Tables.withInterval(r.rate(), r.interval())
                + range(r.members().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                r.members().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN), g)).orElse("n/a");
    }

    private static String range(double min, double max, ModelGroup g) {
        return g.isGroup() && Double.isFinite(min) ? " (" + Tables.number(min) + " - " + Tables.number(max) + ")"
                : "";
    }
}
