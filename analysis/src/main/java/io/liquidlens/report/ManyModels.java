package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.Evidence;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.stats.Interval;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The figures of a report of many models (every checkpoint of a training run): one bar per model and condition
 * stops being readable past a handful of models, so figures (a) to (d) become a line per condition against the
 * models' axis ({@link ModelAxis}) with the 95% intervals as bands, and the overlays and the intervention ranking
 * show three models: the first, the middle and the last on the axis (docs/FORMATS.md#causality-report-folder).
 */
final class ManyModels {
    private ManyModels() {
    }

    /**
     * True for a report of more than {@link Evidence#MAX_ALL_PAIRS} models that stand alone; a report of groups of
     * seeds keeps its own figures whatever its size.
     */
    static boolean applies(CausalAudit audit) {
        return audit.models().size() > Evidence.MAX_ALL_PAIRS && !audit.evidence().byGroup();
    }

    /** The figures in report order, a chart without any value (no SSIM of vectors, no drives) left out. */
    static List<Figure> figures(CausalAudit audit) {
        ModelAxis axis = ModelAxis.of(audit.models());
        String resampled = "95% interval of the median; " + Figures.resampled(audit);
        Evidence e = audit.evidence();
        List<LineChart> charts = List.of(
                chart(audit, axis, "SSIM of clean and perturbed saliency maps", "median over the measured frames",
                        "median SSIM", seriesMedian(e, "ssim"), resampled),
                chart(audit, axis, "Crashes in closed loop", "crashes per 1000 held-out steps; a gap: not driven",
                        "crashes / 1000 steps", (m, r) -> e.crashRate(m.name(), r.condition().name())
                                .map(c -> new Estimate(c.rate(), c.interval()))
                                .orElse(new Estimate(Double.NaN, Interval.undefined(e.level()))),
                        "exact 95% Poisson interval"),
                chart(audit, axis, "Saliency on distractors", "median over the measured frames of the map's share on"
                        + " distractor pixels (or inputs)", "median distractor share",
                        seriesMedian(e, "distractor_share"), resampled),
                chart(audit, axis, "Output deviation under the condition", "median over the measured frames of"
                        + " |y_perturbed - y_clean| of " + audit.outputName(), "median |y_perturbed - y_clean|",
                        seriesMedian(e, "deviation"), resampled));
        List<Figure> out = new ArrayList<>(charts.stream().filter(LineChart::hasValues).toList());
        List<ModelAudit> shown = shown(audit, axis);
        String which = shownNote(audit, axis, shown);
        out.add(new OverlayFigure(shown).note(which));
        out.add(new InterventionBars(shown).note(which));
        return out;
    }

    /** The first, middle and last model on the axis (fewer when they coincide), in axis order. */
    static List<ModelAudit> shown(CausalAudit audit, ModelAxis axis) {
        List<Integer> order = axis.order();
        LinkedHashSet<Integer> picked = new LinkedHashSet<>(List.of(order.get(0), order.get((order.size() - 1) / 2),
                order.get(order.size() - 1)));
        return picked.stream().map(audit.models()::get).toList();
    }

    /**
     * The caption note of a figure of {@link #shown} models: which, with their axis values when the line holds
     * them, else their names alone, shortened to the figure's width if need be.
     */
    private static String shownNote(CausalAudit audit, ModelAxis axis, List<ModelAudit> shown) {
        String head = shown.size() + " of " + audit.models().size() + " models shown, the first, middle and last on"
                + " the axis: ";
        List<String> withValues = new ArrayList<>();
        for (ModelAudit m : shown) {
            withValues.add(m.name() + " (" + axis.kind().column() + " " + axis.text(audit.models().indexOf(m)) + ")");
        }
        double room = LegendChart.WIDTH - Figure.LEFT - 10;
        String full = head + String.join(", ", withValues);
        if (io.liquidlens.drawing.Fonts.width(Figure.SMALL, full) <= room) {
            return full;
        }
        return Figure.fit(head + String.join(", ", shown.stream().map(ModelAudit::name).toList()), Figure.SMALL, room);
    }

    /** A value with its interval. */
    record Estimate(double value, Interval interval) {
    }

    /** The median of a series with its interval, from the evidence. */
    private static BiFunction<ModelAudit, ConditionResult, Estimate> seriesMedian(Evidence e, String metric) {
        return (m, r) -> new Estimate(Summary.of(r.frames().series().getOrDefault(metric, List.of())).median(),
                e.interval(m.name(), r.condition().name(), metric, "median"));
    }

    private static LineChart chart(CausalAudit audit, ModelAxis axis, String title, String caption, String yLabel,
                                   BiFunction<ModelAudit, ConditionResult, Estimate> estimate, String intervals) {
        int n = audit.models().size();
        int conditions = audit.conditions().size();
        double[][] v = new double[conditions][n];
        double[][] low = new double[conditions][n];
        double[][] high = new double[conditions][n];
        for (int k = 0; k < conditions; k++) {
            for (int i = 0; i < n; i++) {
                ConditionResult r = Figures.result(audit.models().get(i), audit.conditions().get(k).name());
                Estimate est = r == null ? new Estimate(Double.NaN, Interval.undefined(audit.evidence().level()))
                        : estimate.apply(audit.models().get(i), r);
                v[k][i] = est.value();
                low[k][i] = est.interval().isDefined() ? est.interval().low() : Double.NaN;
                high[k][i] = est.interval().isDefined() ? est.interval().high() : Double.NaN;
            }
        }
        double[] x = axis.values().stream().mapToDouble(Double::doubleValue).toArray();
        LineChart chart = new LineChart(title + " by model", caption + "; a line per condition",
                axis.kind().label(), x, axis.order(), audit.conditions().stream().map(c -> c.name()).toList(), v,
                low, high, yLabel);
        chart.note("band: " + intervals + "; " + n + " models");
        return chart;
    }
}
