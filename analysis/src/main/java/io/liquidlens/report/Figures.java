package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ConditionResult;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.stats.Interval;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;

/** The report's figures, (a) to (f), each drawn once for both the HTML and the PDF. */
final class Figures {
    private Figures() {
    }

    /**
     * The figures in report order; (b) to (d) by group when some group has several members; lines against the
     * models' axis when there are many models ({@link ManyModels}).
     */
    static List<Figure> of(CausalAudit audit) {
        if (ManyModels.applies(audit)) {
            return ManyModels.figures(audit);
        }
        String resampled = resampled(audit);
        if (audit.evidence().byGroup()) {
            return List.of(new SsimBoxPlot(audit).note("black bar: 95% interval of the median; " + resampled
                            + "; one box per member"),
                    GroupFigures.crashes(audit).note(GroupFigures.note(audit, true)),
                    GroupFigures.shares(audit).note(GroupFigures.note(audit, false)),
                    GroupFigures.deviation(audit).note(GroupFigures.note(audit, false)),
                    new OverlayFigure(audit), new InterventionBars(audit));
        }
        return List.of(new SsimBoxPlot(audit).note("black bar: 95% interval of the median; " + resampled),
                crashes(audit).note("error bars: exact 95% Poisson interval of the expected count"),
                shares(audit).note("error bars: 95% interval of the mean; " + resampled),
                deviation(audit).note("error bars: 95% interval of the mean; " + resampled),
                new OverlayFigure(audit), new InterventionBars(audit));
    }

    /** What the frames' intervals resampled, for a caption. */
    static String resampled(CausalAudit audit) {
        return "bootstrap over " + audit.evidence().blocks() + ", seed " + audit.evidence().seed();
    }

    /** (b), after the NCP paper's Fig. 4a: closed-loop crashes per condition, one bar per model. */
    static GroupedBars crashes(CausalAudit audit) {
        return perModel(audit, "Crashes in closed loop", "steps that ended outside the lane, over all held-out"
                + " episodes; n/a = not driven", "crashes", r -> r.closedLoop() == null ? Double.NaN
                : r.closedLoop().crashes(), (m, r) -> crashCounts(audit, m, r), true);
    }

    /** The interval of a drive's rate as counts over its steps, the scale of figure (b). */
    private static Interval crashCounts(CausalAudit audit, ModelAudit m, ConditionResult r) {
        if (r.closedLoop() == null) {
            return Interval.undefined(audit.evidence().level());
        }
        double thousands = (double) r.closedLoop().episodes() * r.closedLoop().steps() / 1000;
        return audit.evidence().crashRate(m.name(), r.condition().name())
                .map(c -> new Interval(c.interval().low() * thousands, c.interval().high() * thousands,
                        c.interval().level())).orElse(Interval.undefined(audit.evidence().level()));
    }

    /** (d): the mean |y_perturbed - y_clean| of the explained output per condition. */
    static GroupedBars deviation(CausalAudit audit) {
        return perModel(audit, "Output deviation under the condition", "mean over the measured steps of"
                + " |y_perturbed - y_clean| of " + audit.outputName(), "mean |y_perturbed - y_clean|",
                r -> Summary.of(r.frames().deviation()).mean(), (m, r) -> audit.evidence().interval(m.name(),
                        r.condition().name(), "deviation", "mean"), false);
    }

    /**
     * (c): the perturbed map's mean share on distractor pixels and on road and lane pixels, beside the share of
     * the frame those pixels cover (grey: what an evenly spread map would put there, the same for every model).
     */
    static GroupedBars shares(CausalAudit audit) {
        List<String> series = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < audit.models().size(); i++) {
            String name = audit.models().get(i).name();
            series.add(name + " distractors");
            series.add(name + " task");
            colours.add(colour(i).darker());
            colours.add(light(colour(i)));
        }
        series.add("area of distractor pixels");
        series.add("area of task pixels");
        colours.add(Color.DARK_GRAY);
        colours.add(Color.LIGHT_GRAY);
        int groups = audit.conditions().size();
        int models = audit.models().size();
        double[][] v = new double[groups][series.size()];
        double[][] low = nans(groups, series.size());
        double[][] high = nans(groups, series.size());
        for (int k = 0; k < groups; k++) {
            v[k][2 * models] = Double.NaN;
            v[k][2 * models + 1] = Double.NaN;
            for (int i = 0; i < models; i++) {
                String condition = audit.conditions().get(k).name();
                ConditionResult r = result(audit.models().get(i), condition);
                v[k][2 * i] = r == null ? Double.NaN : Summary.of(r.frames().distractorShare()).mean();
                v[k][2 * i + 1] = r == null ? Double.NaN : Summary.of(r.frames().taskShare()).mean();
                String name = audit.models().get(i).name();
                Interval d = audit.evidence().interval(name, condition, "distractor_share", "mean");
                Interval t = audit.evidence().interval(name, condition, "task_share", "mean");
                low[k][2 * i] = d.low();
                high[k][2 * i] = d.high();
                low[k][2 * i + 1] = t.low();
                high[k][2 * i + 1] = t.high();
                if (r != null && Double.isNaN(v[k][2 * models])) {
                    v[k][2 * models] = Summary.of(r.frames().distractorArea()).mean();
                    v[k][2 * models + 1] = Summary.of(r.frames().taskArea()).mean();
                }
            }
        }
        return new GroupedBars("Where the saliency lies", "share of the map on distractor (dark) and road pixels"
                + " (light); grey: the share of the frame they cover", names(audit), series, colours, v, low, high,
                "share of saliency", false);
    }

    private static GroupedBars perModel(CausalAudit audit, String title, String caption, String yLabel,
                                        ToDoubleFunction<ConditionResult> value,
                                        BiFunction<ModelAudit, ConditionResult, Interval> interval, boolean counts) {
        int groups = audit.conditions().size();
        int models = audit.models().size();
        double[][] v = new double[groups][models];
        double[][] low = nans(groups, models);
        double[][] high = nans(groups, models);
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < models; i++) {
            colours.add(colour(i));
            for (int k = 0; k < groups; k++) {
                ConditionResult r = result(audit.models().get(i), audit.conditions().get(k).name());
                v[k][i] = r == null ? Double.NaN : value.applyAsDouble(r);
                if (r != null) {
                    Interval ci = interval.apply(audit.models().get(i), r);
                    low[k][i] = ci.low();
                    high[k][i] = ci.high();
                }
            }
        }
        return new GroupedBars(title, caption, names(audit), audit.models().stream().map(ModelAudit::name).toList(),
                colours, v, low, high, yLabel, counts);
    }

    private static double[][] nans(int rows, int columns) {
        double[][] a = new double[rows][columns];
        for (double[] row : a) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        return a;
    }

    /** The model's result under the condition named {@code condition}, or null when it was not measured. */
    static ConditionResult result(ModelAudit m, String condition) {
        return m.conditions().stream().filter(r -> r.condition().name().equals(condition)).findFirst().orElse(null);
    }

    private static List<String> names(CausalAudit audit) {
        return audit.conditions().stream().map(c -> c.name()).toList();
    }

    private static Color colour(int i) {
        return Figure.colour(i);
    }

    private static Color light(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }
}
