package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ClosedLoopResult;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.InterventionEffect;
import io.liquidlens.causal.ModelAudit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's tables: the summary per model and condition, and the intervention ranking. */
final class Tables {
    private Tables() {
    }

    /** One row per model and condition: SSIM quartiles, mean deviation, mean shares, closed-loop crashes. */
    static Table summary(CausalAudit audit) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelAudit m : audit.models()) {
            for (ConditionResult r : m.conditions()) {
                Summary ssim = Summary.of(r.frames().ssim());
                ClosedLoopResult c = r.closedLoop();
                rows.add(List.of(m.name(), r.condition().name(), Integer.toString(r.frames().steps().size()),
                        number(ssim.median()), number(ssim.q1()) + " - " + number(ssim.q3()),
                        number(Summary.of(r.frames().deviation()).mean()),
                        number(Summary.of(r.frames().distractorShare()).mean()) + " ("
                                + number(Summary.of(r.frames().distractorArea()).mean()) + ")",
                        number(Summary.of(r.frames().taskShare()).mean()) + " ("
                                + number(Summary.of(r.frames().taskArea()).mean()) + ")",
                        c == null ? "not driven" : c.crashes() + " / " + c.episodes() + " x " + c.steps(),
                        c == null ? "n/a" : number(c.meanAbsD())));
            }
        }
        return new Table("Summary per model and condition", List.of("model", "condition", "steps", "SSIM median",
                "SSIM q1 - q3", "mean deviation", "distractor share (area)", "task share (area)", "crashes / episodes x steps",
                "mean |d|"), rows);
    }

    /** One row per intervention, per model in rank order. */
    static Table interventions(CausalAudit audit) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelAudit m : audit.models()) {
            for (int i = 0; i < m.interventions().size(); i++) {
                InterventionEffect e = m.interventions().get(i);
                rows.add(List.of(m.name(), Integer.toString(i + 1), e.target(), e.action(),
                        number(e.meanAbsChange()), number(e.maxAbsChange())));
            }
        }
        return new Table("Interventions ranked by mean effect on " + audit.outputName(), List.of("model", "rank",
                "target", "action", "mean |change|", "max |change|"), rows);
    }

    /** A number for reading: four significant digits, {@code n/a} for NaN. */
    static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4g", v);
    }
}
