package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.ModelAudit;
import java.util.ArrayList;
import java.util.List;

/**
 * The key figures of a report of many models, compactly: one table per figure (SSIM median, distractor share,
 * output deviation, crashes per 1000 steps), one row per model in axis order (its axis value, its name, then the
 * figure under each condition). They replace the summary's row per model and condition, which runs to hundreds of
 * rows; the intervals are in the charts' bands and in {@code metrics.csv}.
 */
final class ManyModelTables {
    private ManyModelTables() {
    }

    /** The compact tables, a figure that no model has (no SSIM of vectors, no drives, no labels) left out. */
    static List<Table> keyFigures(CausalAudit audit) {
        Evidence e = audit.evidence();
        ModelAxis axis = ModelAxis.of(audit.models());
        List<Table> out = new ArrayList<>();
        add(out, audit, axis, "SSIM median (clean vs perturbed saliency map)",
                (m, r) -> Summary.of(r.frames().ssim()).median());
        add(out, audit, axis, "Distractor share median (share of the map on distractors)",
                (m, r) -> Summary.of(r.frames().distractorShare()).median());
        add(out, audit, axis, "Output deviation median (|y_perturbed - y_clean| of " + audit.outputName() + ")",
                (m, r) -> Summary.of(r.frames().deviation()).median());
        add(out, audit, axis, "Crashes per 1000 closed-loop steps", (m, r) -> e.crashRate(m.name(),
                r.condition().name()).map(Evidence.CrashRate::rate).orElse(Double.NaN));
        return out;
    }

    /** A figure of a model under a condition. */
    private interface KeyFigure {
        double of(ModelAudit model, ConditionResult result);
    }

    private static void add(List<Table> out, CausalAudit audit, ModelAxis axis, String title, KeyFigure figure) {
        List<String> header = new ArrayList<>(List.of(axis.kind().column(), "model"));
        audit.conditions().forEach(c -> header.add(c.name()));
        List<List<String>> rows = new ArrayList<>();
        boolean any = false;
        for (int i : axis.order()) {
            ModelAudit m = audit.models().get(i);
            List<String> row = new ArrayList<>(List.of(axis.text(i), m.name()));
            for (var c : audit.conditions()) {
                ConditionResult r = Figures.result(m, c.name());
                double v = r == null ? Double.NaN : figure.of(m, r);
                any |= Double.isFinite(v);
                row.add(Tables.number(v));
            }
            rows.add(row);
        }
        if (any) {
            out.add(new Table(title + " by model and condition (" + axis.kind().column() + ": "
                    + axis.kind().source() + ")", header, rows));
        }
    }
}
