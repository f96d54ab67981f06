package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.Condition;
import io.liquidlens.causal.GroupEvidence;
import io.liquidlens.causal.ModelGroup;
import io.liquidlens.stats.Interval;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Figures (b) to (d) by group, when some group has several members: one bar per group with its interval (two-stage
 * for frame measures, over members for crash rates) and each member's value as a small dot on it.
 */
final class GroupFigures {
    private static final String DOTS = "dots: the group's members";

    private GroupFigures() {
    }

    /** (b) by group: the members' mean crashes per 1000 steps. */
    static GroupedBars crashes(CausalAudit audit) {
        GroupEvidence e = audit.evidence().groups();
        return bars(audit, "Crashes in closed loop by group", "mean over the group's members of crashes per 1000"
                + " held-out steps; n/a = not driven", "crashes / 1000 steps", (g, c) -> e.crashRate(g.name(), c)
                .map(r -> new Bar(r.rate(), r.interval(), r.members())));
    }

    /** (d) by group: the members' mean output deviation. */
    static GroupedBars deviation(CausalAudit audit) {
        return bars(audit, "Output deviation under the condition by group", "mean over the group's members of each"
                + " one's mean |y_perturbed - y_clean| of " + audit.outputName(), "mean |y_perturbed - y_clean|",
                (g, c) -> summary(audit, g, c, "deviation"));
    }

    /** (c) by group: the members' mean shares on distractor and on task pixels. */
    static GroupedBars shares(CausalAudit audit) {
        List<ModelGroup> groups = audit.evidence().groups().groups();
        List<String> series = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            series.add(GroupTables.label(groups.get(i)) + " distractors");
            series.add(GroupTables.label(groups.get(i)) + " task");
            colours.add(Figure.colour(i).darker());
            colours.add(light(Figure.colour(i)));
        }
        Table table = new Table(series, colours, audit.conditions().size());
        for (int k = 0; k < audit.conditions().size(); k++) {
            String c = audit.conditions().get(k).name();
            for (int i = 0; i < groups.size(); i++) {
                table.put(k, 2 * i, summary(audit, groups.get(i), c, "distractor_share"));
                table.put(k, 2 * i + 1, summary(audit, groups.get(i), c, "task_share"));
            }
        }
        return table.figure(audit, "Where the saliency lies by group", "mean over the group's members of each one's"
                + " mean share of the map on distractor (dark) and task (light) pixels", "share of saliency");
    }

    /** A group's bar: its value, interval and members' values. */
    private record Bar(double value, Interval interval, List<Double> members) {
    }

    private static Optional<Bar> summary(CausalAudit audit, ModelGroup g, String condition, String metric) {
        return audit.evidence().groups().summary(g.name(), condition, metric, "mean")
                .map(s -> new Bar(s.value(), s.interval(), s.members()));
    }

    private static GroupedBars bars(CausalAudit audit, String title, String caption, String yLabel,
                                    BiFunction<ModelGroup, String, Optional<Bar>> bar) {
        List<ModelGroup> groups = audit.evidence().groups().groups();
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            colours.add(Figure.colour(i));
        }
        Table table = new Table(groups.stream().map(GroupTables::label).toList(), colours, audit.conditions().size());
        for (int k = 0; k < audit.conditions().size(); k++) {
            for (int i = 0; i < groups.size(); i++) {
                table.put(k, i, bar.apply(groups.get(i), audit.conditions().get(k).name()));
            }
        }
        return table.figure(audit, title, caption, yLabel);
    }

    /** The bars' numbers laid out as {@link GroupedBars} takes them: per condition, per series. */
    private static final class Table {
        private final List<String> series;
        private final List<Color> colours;
        private final double[][] values;
        private final double[][] low;
        private final double[][] high;
        private final double[][][] dots;

        Table(List<String> series, List<Color> colours, int conditions) {
            this.series = series;
            this.colours = colours;
            values = filled(conditions, series.size());
            low = filled(conditions, series.size());
            high = filled(conditions, series.size());
            dots = new double[conditions][series.size()][];
        }

        void put(int condition, int s, Optional<Bar> bar) {
            bar.ifPresent(b -> {
                values[condition][s] = b.value();
                low[condition][s] = b.interval().low();
                high[condition][s] = b.interval().high();
                dots[condition][s] = b.members().stream().mapToDouble(Double::doubleValue).toArray();
            });
        }

        GroupedBars figure(CausalAudit audit, String title, String caption, String yLabel) {
            List<String> conditions = audit.conditions().stream().map(Condition::name).toList();
            return new GroupedBars(title, caption, conditions, series, colours, values, low, high, yLabel, false)
                    .dots(dots);
        }

        private static double[][] filled(int rows, int columns) {
            double[][] a = new double[rows][columns];
            for (double[] row : a) {
                java.util.Arrays.fill(row, Double.NaN);
            }
            return a;
        }
    }

    /** The note under a group figure: what its intervals and dots are. */
    static String note(CausalAudit audit, boolean crashes) {
        return (crashes ? "error bars: 95% percentile bootstrap over members" : "error bars: 95% two-stage bootstrap"
                + " (members, then " + audit.evidence().blocks() + "), seed " + audit.evidence().seed()) + "; " + DOTS;
    }

    private static Color light(Color c) {
        return new Color((c.getRed() + 2 * 255) / 3, (c.getGreen() + 2 * 255) / 3, (c.getBlue() + 2 * 255) / 3);
    }
}
