package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.dynamics.StateSummary;
import io.liquidlens.stats.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's tables: key figures, the summary per model and condition, comparisons, interventions. */
final class Tables {
    private Tables() {
    }

    /**
     * One row per model and condition: SSIM median with its interval and quartiles, mean deviation and shares with
     * their intervals, closed-loop crashes and their rate.
     */
    static Table summary(CausalAudit audit) {
        Evidence e = audit.evidence();
        List<List<String>> rows = new ArrayList<>();
        for (ModelAudit m : audit.models()) {
            for (ConditionResult r : m.conditions()) {
                String c = r.condition().name();
                Summary ssim = Summary.of(r.frames().ssim());
                ClosedLoopResult drive = r.closedLoop();
                rows.add(List.of(m.name(), c, Integer.toString(r.frames().steps().size()),
                        withInterval(ssim.median(), e.interval(m.name(), c, "ssim", "median")),
                        number(ssim.q1()) + " - " + number(ssim.q3()),
                        withInterval(Summary.of(r.frames().deviation()).mean(),
                                e.interval(m.name(), c, "deviation", "mean")),
                        withInterval(Summary.of(r.frames().distractorShare()).mean(),
                                e.interval(m.name(), c, "distractor_share", "mean")) + " ("
                                + number(Summary.of(r.frames().distractorArea()).mean()) + ")",
                        withInterval(Summary.of(r.frames().taskShare()).mean(),
                                e.interval(m.name(), c, "task_share", "mean")) + " ("
                                + number(Summary.of(r.frames().taskArea()).mean()) + ")",
                        drive == null ? "not driven" : drive.crashes() + " / " + drive.episodes() + " x "
                                + drive.steps(),
                        crashRate(e, m.name(), c),
                        drive == null ? "n/a" : number(drive.meanAbsD())));
            }
        }
        return new Table("Summary per model and condition, with 95% intervals", List.of("model", "condition", "steps",
                "SSIM median", "SSIM q1 - q3", "mean deviation", "distractor share (area)", "task share (area)",
                "crashes / episodes x steps", "crashes / 1000 steps", "mean |d|"), rows);
    }

    /**
     * The summary's key figures, each with its interval: the table the report opens with; by group (with the range
     * of the members' values) when some group has several members.
     */
    static Table keyFigures(CausalAudit audit) {
        Evidence e = audit.evidence();
        if (e.byGroup()) {
            return GroupTables.keyFigures(audit);
        }
        List<List<String>> rows = new ArrayList<>();
        for (ModelAudit m : audit.models()) {
            for (ConditionResult r : m.conditions()) {
                String c = r.condition().name();
                rows.add(List.of(m.name(), c,
                        withInterval(Summary.of(r.frames().ssim()).median(), e.interval(m.name(), c, "ssim", "median")),
                        withInterval(Summary.of(r.frames().deviation()).median(),
                                e.interval(m.name(), c, "deviation", "median")),
                        withInterval(Summary.of(r.frames().distractorShare()).median(),
                                e.interval(m.name(), c, "distractor_share", "median")),
                        crashRate(e, m.name(), c)));
            }
        }
        return new Table("Key figures: medians over the measured frames, crash rates, 95% intervals",
                List.of("model", "condition", "SSIM", "deviation", "distractor share", "crashes / 1000 steps"), rows);
    }

    /** Every paired comparison with its interval and p-values. */
    static Table comparisons(CausalAudit audit) {
        Evidence e = audit.evidence();
        List<List<String>> rows = new ArrayList<>();
        for (Evidence.Comparison c : e.comparisons()) {
            List<String> row = new ArrayList<>(List.of(c.metric(), condition(c), c.modelA(), c.modelB(),
                    c.interval().isDefined() ? withInterval(c.difference(), c.interval()) : number(c.difference()),
                    number(c.pValue()), number(c.pAdjusted()), c.significant(e.level()) ? "yes" : "no"));
            if (e.byGroup()) {
                row.add(e.groups().bootstrapCheck(c.metric(), c.condition(), c.modelA(), c.modelB())
                        .map(check -> number(check.pValue())).orElse("n/a"));
            }
            rows.add(row);
        }
        String unit = e.byGroup() ? "group" : "model";
        List<String> header = new ArrayList<>(List.of("metric", "condition", unit + " a", unit + " b", "difference",
                "p", "p adjusted", "significant"));
        if (e.byGroup()) {
            header.add("bootstrap p (two-stage, a check)");
        }
        return new Table((e.byGroup() ? "Group comparisons" : "Paired comparisons") + " (a minus b; "
                + e.correction() + ")", header, rows);
    }

    /** A comparison's condition for reading: a dynamics figure's (none) is of the clean rollouts. */
    static String condition(Evidence.Comparison c) {
        return c.condition().isEmpty() ? "clean rollouts" : c.condition();
    }

    private static String crashRate(Evidence e, String model, String condition) {
        return e.crashRate(model, condition).map(r -> withInterval(r.rate(), r.interval())).orElse("n/a");
    }

    /** A number with its interval, e.g. {@code 0.9100 [0.8800, 0.9300]}; the number alone when there is none. */
    static String withInterval(double v, Interval ci) {
        return ci.isDefined() ? number(v) + " [" + number(ci.low()) + ", " + number(ci.high()) + "]" : number(v);
    }

    /**
     * The tables the report opens with: the key figures ({@link #keyFigures}), or for many models one compact table
     * per figure ({@link ManyModelTables}).
     */
    static List<Table> opening(CausalAudit audit) {
        return ManyModels.applies(audit) ? ManyModelTables.keyFigures(audit) : List.of(keyFigures(audit));
    }

    /** One row per intervention, per model in rank order. */
    static Table interventions(CausalAudit audit) {
        return interventions(audit, audit.models());
    }

    /** As {@link #interventions(CausalAudit)} for {@code models} only, the title saying so when not all. */
    static Table interventions(CausalAudit audit, List<ModelAudit> models) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelAudit m : models) {
            for (int i = 0; i < m.interventions().size(); i++) {
                InterventionEffect e = m.interventions().get(i);
                rows.add(List.of(m.name(), Integer.toString(i + 1), e.target(), e.action(),
                        number(e.meanAbsChange()), number(e.maxAbsChange())));
            }
        }
        String some = models.size() == audit.models().size() ? "" : " (" + models.size() + " of "
                + audit.models().size() + " models: " + String.join(", ", models.stream().map(ModelAudit::name)
                .toList()) + "; every model's in metrics.csv)";
        return new Table("Interventions ranked by mean effect on " + audit.outputName() + some, List.of("model", "rank",
                "target", "action", "mean |change|", "max |change|"), rows);
    }

    /** One row per model whose dynamics were measured: PC1's share and its neurons' smoothness, with intervals. */
    static Table dynamics(CausalAudit audit) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelAudit m : audit.models()) {
            StateSummary d = m.dynamics();
            if (d != null) {
                rows.add(List.of(m.name(), Integer.toString(d.steps()), Integer.toString(d.pcaNeurons()),
                        withInterval(d.pc1Share(), d.pc1ShareCi()), withInterval(d.lmaxMedian(), d.lmaxMedianCi()),
                        withInterval(d.lmaxMax(), d.lmaxMaxCi())));
            }
        }
        return new Table("Dynamics over the clean rollouts: PC1's share of the state variance and the neurons' L_max,"
                + " 95% intervals", List.of("model", "steps", "PCA neurons", "PC1 share", "median L_max",
                "max L_max"), rows);
    }

    /** A number for reading: four significant digits, {@code n/a} for NaN. */
    static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
