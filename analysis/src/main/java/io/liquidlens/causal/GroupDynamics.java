package io.liquidlens.causal;

import io.liquidlens.dynamics.StateSummary;
import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Interval;
import io.liquidlens.stats.PermutationTest;
import io.liquidlens.stats.Statistic;
import io.liquidlens.stats.TwoStageBootstrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The groups' dynamics figures (PC1's share, the median and largest L_max; docs/ANALYSES.md#statistics). A
 * dynamics summary is one number per network over the clean rollouts, not a series over frames, so a group's value
 * is the mean of its members' values with a percentile bootstrap over members, as a group's crash rate (a group of
 * one keeps its member's own interval over steps, as a group of one keeps its frame interval), and two groups are
 * compared as their series are: the exact permutation test of the members' values, Holm within each figure.
 */
final class GroupDynamics {
    /** How a group's dynamics figure and two groups' difference are made, in words. */
    static final String METHOD = "dynamics figures (one value per seed over the clean rollouts): the mean of the"
            + " members' values with a percentile bootstrap over members (a group of one: its own interval over"
            + " steps); group comparisons: exact permutation test of the members' values, the difference's interval"
            + " from resampling the members within each group";

    private GroupDynamics() {
    }

    /**
     * Per group (every member summarised) and figure, in group and figure order: the members' mean with its
     * interval; condition and statistic are empty (the figures are of the clean rollouts, one value a member).
     */
    static List<GroupEvidence.GroupSummary> summaries(List<ModelAudit> models, List<ModelGroup> groups, long seed) {
        List<GroupEvidence.GroupSummary> out = new ArrayList<>();
        for (ModelGroup g : groups) {
            figures(models, g).ifPresent(figures -> figures.forEach((name, members) -> {
                double[] values = members.stream().mapToDouble(StateSummary.Figure::value).toArray();
                Interval interval = members.size() == 1 ? members.get(0).interval()
                        : GroupEvidence.overMembers(values, seed);
                double widths = 0;
                int counted = 0;
                for (StateSummary.Figure f : members) {
                    if (f.interval().isDefined()) {
                        widths += f.interval().high() - f.interval().low();
                        counted++;
                    }
                }
                out.add(new GroupEvidence.GroupSummary(g.name(), "", name, "", Statistic.MEAN.of(values), interval,
                        GroupEvidence.boxed(values), GroupEvidence.sd(values),
                        counted == 0 ? Double.NaN : widths / counted));
            }));
        }
        return out;
    }

    /**
     * Every two groups on every figure, in figure then pair order, where every member of both has a value; the
     * condition is empty. p-values are uncorrected: the caller corrects within each figure.
     */
    static List<Evidence.Comparison> comparisons(List<ModelAudit> models, List<ModelGroup> groups, long seed) {
        Map<ModelGroup, Map<String, double[]>> byGroup = new LinkedHashMap<>();
        for (ModelGroup g : groups) {
            figures(models, g).ifPresent(figures -> {
                Map<String, double[]> values = new LinkedHashMap<>();
                figures.forEach((name, f) -> values.put(name,
                        f.stream().mapToDouble(StateSummary.Figure::value).toArray()));
                byGroup.put(g, values);
            });
        }
        List<Evidence.Comparison> out = new ArrayList<>();
        List<String> names = byGroup.values().stream().findFirst().map(m -> List.copyOf(m.keySet()))
                .orElse(List.of());
        TwoStageBootstrap overMembers = new TwoStageBootstrap(Blocks.independent(1),
                BlockBootstrap.DEFAULT_RESAMPLES, seed);
        for (String name : names) {
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    double[] a = valuesOf(byGroup, groups.get(i), name);
                    double[] b = valuesOf(byGroup, groups.get(j), name);
                    if (a == null || b == null) {
                        continue;
                    }
                    PermutationTest.Result r = PermutationTest.meanDifference(a, b, seed);
                    // one "frame" a member: the two-stage bootstrap then resamples the members alone
                    BlockBootstrap.Paired p = overMembers.compare(column(a), column(b), Statistic.MEAN, Evidence.LEVEL);
                    out.add(new Evidence.Comparison(name, "", groups.get(i).name(), groups.get(j).name(),
                            r.difference(), p.interval(), r.pValue(), Double.NaN, r.describe()
                            + " of the members' " + name + " (interval: the members resampled within each group)"));
                }
            }
        }
        return out;
    }

    /** A group's values of a figure, or null when it has no summary or some member no finite value. */
    private static double[] valuesOf(Map<ModelGroup, Map<String, double[]>> byGroup, ModelGroup g, String name) {
        double[] v = byGroup.containsKey(g) ? byGroup.get(g).get(name) : null;
        return v == null || java.util.Arrays.stream(v).anyMatch(x -> !Double.isFinite(x)) ? null : v;
    }

    private static double[][] column(double[] v) {
        double[][] out = new double[v.length][];
        for (int m = 0; m < v.length; m++) {
            out[m] = new double[] {v[m]};
        }
        return out;
    }

    /** Each figure's members' values, in member order, when every member of {@code g} has a dynamics summary. */
    private static Optional<Map<String, List<StateSummary.Figure>>> figures(List<ModelAudit> models, ModelGroup g) {
        Map<String, List<StateSummary.Figure>> out = new LinkedHashMap<>();
        for (String member : g.members()) {
            StateSummary d = models.stream().filter(m -> m.name().equals(member)).findFirst()
                    .map(ModelAudit::dynamics).orElse(null);
            if (d == null) {
                return Optional.empty();
            }
            d.figures().forEach((name, f) -> out.computeIfAbsent(name, k -> new ArrayList<>()).add(f));
        }
        return Optional.of(out);
    }
}
