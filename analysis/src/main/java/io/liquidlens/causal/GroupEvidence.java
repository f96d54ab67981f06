package io.liquidlens.causal;

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
 * How sure a group's numbers are (docs/ANALYSES.md#statistics): for every group, condition and series, the mean
 * over members of each member's mean and median with a two-stage bootstrap interval (members, then frame blocks
 * shared by all), beside the spread between members and the members' own frame intervals, so a reader sees which
 * noise dominates; and the mean crash rate of the members with a bootstrap interval over members.
 *
 * @param groups     the groups, in the order given
 * @param summaries  one per group, condition, series and statistic
 * @param crashRates one per group and condition where every member was driven
 * @param dynamics   one per group whose every member has a dynamics summary, and figure ({@link GroupDynamics});
 *                   condition and statistic empty
 * @param bootstrapChecks per compared series, condition and two groups, the two-stage bootstrap's p-value
 */
public record GroupEvidence(List<ModelGroup> groups, List<GroupSummary> summaries, List<GroupCrashRate> crashRates,
                            List<GroupSummary> dynamics, List<BootstrapCheck> bootstrapChecks) {
    /** No groups: every model stands alone. */
    public static final GroupEvidence NONE = new GroupEvidence(List.of(), List.of(), List.of(), List.of(),
            List.of());
    /** How two groups' series are compared. */
    public static final String GROUP_TEST = "exact permutation test of the members' medians (the difference of the"
            + " groups' mean medians and its interval: two-stage bootstrap, members within each group, shared frame"
            + " blocks)";
    /** The bootstrap check's test. */
    public static final String BOOTSTRAP_CHECK = "two-stage bootstrap (members within each group, shared frame"
            + " blocks) of the difference of the groups' mean medians";
    /** How group intervals are made, in words. */
    public static final String RESAMPLING = "two-stage percentile bootstrap: each replicate draws each group's"
            + " members with replacement, then one draw of frame blocks shared by every member and group, and"
            + " averages the drawn members' statistics over the drawn frames; crash rates: percentile bootstrap over"
            + " members; group comparisons of crash rates: permutation test of the members' rates; "
            + GroupDynamics.METHOD;

    public GroupEvidence {
        groups = List.copyOf(groups);
        summaries = List.copyOf(summaries);
        crashRates = List.copyOf(crashRates);
        dynamics = List.copyOf(dynamics);
        bootstrapChecks = List.copyOf(bootstrapChecks);
    }

    /**
     * The two-stage bootstrap's own p-value of a group comparison of a series, kept beside the comparison's
     * permutation test of the members' medians: the bootstrap also counts the frames' noise, but with few seeds it
     * is too liberal (like any bootstrap of a handful of values; docs/ANALYSES.md#statistics gives its simulated
     * false-positive rate), so it is a check, not the test.
     *
     * @param pValue two-sided, uncorrected
     * @param test   how it was made
     */
    public record BootstrapCheck(String metric, String condition, String groupA, String groupB, double pValue,
                                 String test) {
    }

    /** The bootstrap check of a group comparison of a series. */
    public Optional<BootstrapCheck> bootstrapCheck(String metric, String condition, String groupA, String groupB) {
        return bootstrapChecks.stream().filter(c -> c.metric().equals(metric) && c.condition().equals(condition)
                && c.groupA().equals(groupA) && c.groupB().equals(groupB)).findFirst();
    }

    /** The same evidence with the comparisons' bootstrap checks. */
    GroupEvidence withChecks(List<BootstrapCheck> checks) {
        return new GroupEvidence(groups, summaries, crashRates, dynamics, checks);
    }

    /**
     * A group's statistic of one series under one condition.
     *
     * @param condition   the condition, empty for a dynamics figure (of the clean rollouts)
     * @param metric      the series, or the dynamics figure
     * @param statistic   {@code mean} or {@code median} over the frames, empty for a dynamics figure (one value a
     *                    member)
     * @param value       the mean over members of each member's statistic over the frames
     * @param interval    its two-stage bootstrap interval
     * @param members     each member's statistic, in member order
     * @param memberSd    the members' sample standard deviation (NaN for one member): the between-seed spread
     * @param withinWidth the mean width of the members' own block-bootstrap intervals: the within-frame spread
     */
    public record GroupSummary(String group, String condition, String metric, String statistic, double value,
                               Interval interval, List<Double> members, double memberSd, double withinWidth) {

        public GroupSummary {
            members = List.copyOf(members);
        }

        /** The name its rows and keys go by, e.g. {@code ssim_median}, or {@code pc1_share} for a dynamics figure. */
        public String key() {
            return statistic.isEmpty() ? metric : metric + "_" + statistic;
        }

        /** The smallest member value (NaN when no member has one). */
        public double memberMin() {
            return members.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).min().orElse(Double.NaN);
        }

        /** The largest member value (NaN when no member has one). */
        public double memberMax() {
            return members.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max().orElse(Double.NaN);
        }
    }

    /**
     * A group's crashes per 1000 steps under one condition.
     *
     * @param rate     the mean of the members' rates
     * @param interval its percentile bootstrap interval over members
     * @param members  each member's rate, in member order
     */
    public record GroupCrashRate(String group, String condition, double rate, Interval interval,
                                 List<Double> members) {

        public GroupCrashRate {
            members = List.copyOf(members);
        }
    }

    /** True when some group has more than one member: then groups, not models, are compared. */
    public boolean present() {
        return groups.stream().anyMatch(ModelGroup::isGroup);
    }

    /** The summary of one group's statistic of a series, when there is one. */
    public Optional<GroupSummary> summary(String group, String condition, String metric, String statistic) {
        return summaries.stream().filter(s -> s.group().equals(group) && s.condition().equals(condition)
                && s.metric().equals(metric) && s.statistic().equals(statistic)).findFirst();
    }

    /** A group's summary of a dynamics figure (e.g. {@code pc1_share}), when every member has one. */
    public Optional<GroupSummary> dynamics(String group, String figure) {
        return dynamics.stream().filter(s -> s.group().equals(group) && s.metric().equals(figure)).findFirst();
    }

    /** The crash rate of a group under a condition, when every member was driven. */
    public Optional<GroupCrashRate> crashRate(String group, String condition) {
        return crashRates.stream().filter(c -> c.group().equals(group) && c.condition().equals(condition))
                .findFirst();
    }

    /**
     * The groups' evidence, every bootstrap seeded from {@code seed}; {@code memberIntervals} are the members' own
     * frame intervals (for the within-frame spread).
     */
    static GroupEvidence of(List<ModelAudit> models, List<ModelGroup> groups,
                            List<Evidence.SummaryInterval> memberIntervals, long seed) {
        Members members = new Members(models);
        record Job(ModelGroup group, String condition, String metric, String statistic) {
        }
        List<Job> jobs = new ArrayList<>();
        List<GroupCrashRate> rates = new ArrayList<>();
        for (ModelGroup g : groups) {
            for (String condition : members.conditions()) {
                for (String metric : members.result(g.members().get(0), condition).frames().series().keySet()) {
                    for (String statistic : List.of("mean", "median")) {
                        jobs.add(new Job(g, condition, metric, statistic));
                    }
                }
                members.crashRates(g, condition).ifPresent(r -> rates.add(crashRate(g, condition, r, seed)));
            }
        }
        Map<String, Interval> own = new LinkedHashMap<>();
        for (Evidence.SummaryInterval i : memberIntervals) {
            own.put(key(i.model(), i.condition(), i.metric(), i.statistic()), i.interval());
        }
        // each summary seeds its own draws, so spreading them over the cores leaves every number as it was
        List<GroupSummary> summaries = jobs.parallelStream().map(j -> {
            double[][] series = members.series(j.group(), j.condition(), j.metric());
            Statistic statistic = Evidence.STATISTICS.get(j.statistic());
            double[] each = new double[series.length];
            double widths = 0;
            int counted = 0;
            for (int m = 0; m < series.length; m++) {
                each[m] = statistic.of(series[m]);
                Interval ci = own.getOrDefault(key(j.group().members().get(m), j.condition(), j.metric(),
                        j.statistic()), Interval.undefined(Evidence.LEVEL));
                if (ci.isDefined()) {
                    widths += ci.high() - ci.low();
                    counted++;
                }
            }
            TwoStageBootstrap bootstrap = new TwoStageBootstrap(members.blocks(j.condition()),
                    BlockBootstrap.DEFAULT_RESAMPLES, seed);
            return new GroupSummary(j.group().name(), j.condition(), j.metric(), j.statistic(),
                    TwoStageBootstrap.value(series, statistic), bootstrap.interval(series, statistic, Evidence.LEVEL),
                    boxed(each), sd(each), counted == 0 ? Double.NaN : widths / counted);
        }).toList();
        return new GroupEvidence(groups, summaries, rates, GroupDynamics.summaries(models, groups, seed), List.of());
    }

    /** The comparisons of two groups with the bootstrap checks of those on series. */
    record Compared(List<Evidence.Comparison> comparisons, List<BootstrapCheck> checks) {
    }

    /** Every comparison of two groups, per metric, condition and pair in report order, crash rates last. */
    static Compared comparisons(List<ModelAudit> models, List<ModelGroup> groups, long seed) {
        Members members = new Members(models);
        List<GroupPair> pairs = new ArrayList<>();
        List<String> metrics = new ArrayList<>(Evidence.COMPARED);
        metrics.add(Evidence.CRASH_RATE);
        for (String metric : metrics) {
            for (String condition : members.conditions()) {
                for (int i = 0; i < groups.size(); i++) {
                    for (int j = i + 1; j < groups.size(); j++) {
                        GroupPair pair = new GroupPair(metric, condition, groups.get(i), groups.get(j));
                        if (pair.defined(members)) {
                            pairs.add(pair);
                        }
                    }
                }
            }
        }
        int resamples = Evidence.comparisonResamples(pairs.size());
        List<Tested> tested = pairs.parallelStream().map(p -> p.test(members, seed, resamples)).toList();
        return new Compared(tested.stream().map(Tested::comparison).toList(),
                tested.stream().map(Tested::check).filter(java.util.Objects::nonNull).toList());
    }

    /** A comparison with its bootstrap check (null for crash rates). */
    private record Tested(Evidence.Comparison comparison, BootstrapCheck check) {
    }

    /** Group a against group b on a metric under a condition. */
    private record GroupPair(String metric, String condition, ModelGroup a, ModelGroup b) {

        boolean defined(Members members) {
            if (metric.equals(Evidence.CRASH_RATE)) {
                return members.crashRates(a, condition).isPresent() && members.crashRates(b, condition).isPresent();
            }
            double[][] x = members.series(a, condition, metric);
            double[][] y = members.series(b, condition, metric);
            for (int i = 0; i < x[0].length; i++) {
                boolean all = true;
                for (double[][] group : new double[][][] {x, y}) {
                    for (double[] member : group) {
                        all &= Double.isFinite(member[i]);
                    }
                }
                if (all) {
                    return true;
                }
            }
            return false;
        }

        Tested test(Members members, long seed, int resamples) {
            if (metric.equals(Evidence.CRASH_RATE)) {
                PermutationTest.Result r = PermutationTest.meanDifference(members.crashRates(a, condition)
                        .orElseThrow(), members.crashRates(b, condition).orElseThrow(), seed);
                return new Tested(new Evidence.Comparison(metric, condition, a.name(), b.name(), r.difference(),
                        Interval.undefined(Evidence.LEVEL), r.pValue(), Double.NaN, r.describe()
                        + " of the members' crash rates"), null);
            }
            double[][] x = members.series(a, condition, metric);
            double[][] y = members.series(b, condition, metric);
            TwoStageBootstrap bootstrap = new TwoStageBootstrap(members.blocks(condition), resamples, seed);
            BlockBootstrap.Paired p = bootstrap.compare(x, y, Statistic.MEDIAN, Evidence.LEVEL);
            BootstrapCheck check = new BootstrapCheck(metric, condition, a.name(), b.name(), p.pValue(),
                    BOOTSTRAP_CHECK);
            double[] ma = medians(x);
            double[] mb = medians(y);
            if (ma == null || mb == null) {
                // a member without values: the seeds cannot be permuted, the bootstrap is all there is
                return new Tested(new Evidence.Comparison(metric, condition, a.name(), b.name(), p.difference(),
                        p.interval(), p.pValue(), Double.NaN, BOOTSTRAP_CHECK), check);
            }
            PermutationTest.Result r = PermutationTest.meanDifference(ma, mb, seed);
            String test = "exact permutation test of the members' medians (" + r.describe() + "; the difference"
                    + " of the groups' mean medians and its interval: two-stage bootstrap, members within each"
                    + " group, shared frame blocks)";
            return new Tested(new Evidence.Comparison(metric, condition, a.name(), b.name(), p.difference(),
                    p.interval(), r.pValue(), Double.NaN, test), check);
        }

        /** Each member's median over its frames, or null when a member has none. */
        private static double[] medians(double[][] series) {
            double[] out = new double[series.length];
            for (int m = 0; m < out.length; m++) {
                out[m] = Statistic.MEDIAN.of(series[m]);
                if (!Double.isFinite(out[m])) {
                    return null;
                }
            }
            return out;
        }
    }

    private static GroupCrashRate crashRate(ModelGroup g, String condition, double[] rates, long seed) {
        return new GroupCrashRate(g.name(), condition, Statistic.MEAN.of(rates), overMembers(rates, seed),
                boxed(rates));
    }

    /** The interval of the mean of one value a member: a percentile bootstrap over members. */
    static Interval overMembers(double[] values, long seed) {
        return BlockBootstrap.of(Blocks.independent(values.length), seed).interval(values, Statistic.MEAN,
                Evidence.LEVEL);
    }

    /** The members' measures by name. */
    private static final class Members {
        private final Map<String, ModelAudit> byName = new LinkedHashMap<>();
        private final List<String> conditions;

        Members(List<ModelAudit> models) {
            models.forEach(m -> byName.put(m.name(), m));
            conditions = models.get(0).conditions().stream().map(r -> r.condition().name()).toList();
        }

        List<String> conditions() {
            return conditions;
        }

        ConditionResult result(String member, String condition) {
            ModelAudit m = byName.get(member);
            if (m == null) {
                throw new IllegalArgumentException("no model named '" + member + "'");
            }
            return m.conditions().stream().filter(r -> r.condition().name().equals(condition)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(member + " was not measured under '" + condition
                            + "'"));
        }

        /** Every model was measured on the same frames: the first one's blocks are everyone's. */
        Blocks blocks(String condition) {
            return Blocks.of(result(byName.keySet().iterator().next(), condition).frames().episodeOfFrame());
        }

        /** The members' values of a series, one row per member; NaN throughout for a member without it. */
        double[][] series(ModelGroup g, String condition, String metric) {
            double[][] out = new double[g.members().size()][];
            for (int m = 0; m < out.length; m++) {
                FrameMetrics frames = result(g.members().get(m), condition).frames();
                List<Double> values = frames.series().get(metric);
                if (values == null) {
                    out[m] = new double[frames.steps().size()];
                    java.util.Arrays.fill(out[m], Double.NaN);
                } else {
                    out[m] = values.stream().mapToDouble(Double::doubleValue).toArray();
                }
            }
            return out;
        }

        /** The members' crashes per 1000 steps, when every member was driven. */
        Optional<double[]> crashRates(ModelGroup g, String condition) {
            double[] out = new double[g.members().size()];
            for (int m = 0; m < out.length; m++) {
                ClosedLoopResult d = result(g.members().get(m), condition).closedLoop();
                if (d == null || d.episodes() == 0) {
                    return Optional.empty();
                }
                out[m] = d.crashes() / Evidence.exposure(d);
            }
            return Optional.of(out);
        }
    }

    private static String key(String model, String condition, String metric, String statistic) {
        return model + '\u0000' + condition + '\u0000' + metric + '\u0000' + statistic;
    }

    static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>();
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    static double sd(double[] v) {
        double[] finite = java.util.Arrays.stream(v).filter(Double::isFinite).toArray();
        if (finite.length < 2) {
            return Double.NaN;
        }
        double mean = Statistic.MEAN.of(finite);
        double sum = 0;
        for (double x : finite) {
            sum += (x - mean) * (x - mean);
        }
        return Math.sqrt(sum / (finite.length - 1));
    }
}
