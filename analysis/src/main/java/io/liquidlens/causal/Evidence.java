package io.liquidlens.causal;

import io.liquidlens.stats.BlockBootstrap;
import io.liquidlens.stats.Blocks;
import io.liquidlens.stats.Holm;
import io.liquidlens.stats.Interval;
import io.liquidlens.stats.PoissonComparison;
import io.liquidlens.stats.PoissonInterval;
import io.liquidlens.stats.Statistic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How sure an audit's numbers are (docs/ANALYSES.md#statistics): a 95% block-bootstrap interval for the mean and
 * the median of every per-frame series, exact Poisson intervals for closed-loop crash rates, and paired comparisons
 * of every two models under every condition with Holm's correction over all of them. Frames of one recorded episode
 * are correlated, so the bootstrap resamples blocks of them ({@link Blocks}), the same blocks for every model.
 * With more than {@link #MAX_ALL_PAIRS} models (every checkpoint of a training run), or a reference asked for, each
 * model is compared with one reference model instead of with every other, Holm's correction within each metric and
 * condition: the comparisons, and the replicates each needs, grow with the number of models, not with its square
 * (docs/ANALYSES.md#many-checkpoints).
 *
 * @param level       the intervals' coverage
 * @param resamples   bootstrap replicates per interval
 * @param comparisonResamples bootstrap replicates per paired comparison: enough that the smallest p-value the
 *                    bootstrap can give survives the correction (see {@link #comparisonResamples(int)})
 * @param seed        the bootstrap's seed (the report's seed)
 * @param blocks      what the bootstrap resampled, in words
 * @param intervals   one per model, condition, series and statistic (mean, median)
 * @param crashRates  one per model and condition driven in closed loop
 * @param comparisons every paired comparison, with p-values adjusted over all of them: of models, or of groups
 *                    when some group has more than one member
 * @param groups      the groups' summaries ({@link GroupEvidence#NONE} when every model stands alone)
 * @param reference   the model every other was compared with (model a the other, b the reference), or empty
 *                    when every two models (or groups) were compared
 */
public record Evidence(double level, int resamples, int comparisonResamples, long seed, String blocks,
                       List<SummaryInterval> intervals, List<CrashRate> crashRates, List<Comparison> comparisons,
                       GroupEvidence groups, String reference) {
    /** The coverage of every interval. */
    public static final double LEVEL = 0.95;
    /** The statistics given an interval, by the names reports give them. */
    public static final Map<String, Statistic> STATISTICS = Map.of("mean", Statistic.MEAN, "median", Statistic.MEDIAN);
    /** The series compared between models (the areas are the frames', the same for every model). */
    public static final List<String> COMPARED = List.of("ssim", "deviation", "distractor_share", "task_share",
            "spurious_share");
    /** The closed-loop rate's name. */
    public static final String CRASH_RATE = "crashes_per_1000_steps";
    /** How a series' comparison is made. */
    public static final String PAIRED_TEST = "paired block bootstrap of the difference of medians";
    /** How crash rates are compared: the bootstrap does not apply to counts of whole drives. */
    public static final String CRASH_TEST = "exact conditional binomial test of a's share of the combined crashes"
            + " given the exposures";

    /**
     * The most models compared every two with every two: above it, each is compared with a reference. At 8 models
     * every pair is 28 comparisons per metric and condition, already 560 in a camera report of four conditions.
     */
    public static final int MAX_ALL_PAIRS = 8;

    public Evidence {
        intervals = List.copyOf(intervals);
        crashRates = List.copyOf(crashRates);
        comparisons = List.copyOf(comparisons);
        java.util.Objects.requireNonNull(groups, "groups");
        java.util.Objects.requireNonNull(reference, "reference");
        if (!reference.isEmpty() && groups.present()) {
            throw new IllegalArgumentException("groups are compared every two with every two, not with a reference");
        }
    }

    /** The evidence of models, or of groups, compared every two with every two. */
    public Evidence(double level, int resamples, int comparisonResamples, long seed, String blocks,
                    List<SummaryInterval> intervals, List<CrashRate> crashRates, List<Comparison> comparisons,
                    GroupEvidence groups) {
        this(level, resamples, comparisonResamples, seed, blocks, intervals, crashRates, comparisons, groups, "");
    }

    /** The evidence of models that stand alone. */
    public Evidence(double level, int resamples, int comparisonResamples, long seed, String blocks,
                    List<SummaryInterval> intervals, List<CrashRate> crashRates, List<Comparison> comparisons) {
        this(level, resamples, comparisonResamples, seed, blocks, intervals, crashRates, comparisons,
                GroupEvidence.NONE);
    }

    /** True when the comparisons are of groups, not of models. */
    public boolean byGroup() {
        return groups.present();
    }

    /** True when each model was compared with {@link #reference} only. */
    public boolean byReference() {
        return !reference.isEmpty();
    }

    /** The interval of one statistic of one series. */
    public record SummaryInterval(String model, String condition, String metric, String statistic,
                                  Interval interval) {
    }

    /**
     * Crashes per 1000 closed-loop steps with their exact interval.
     *
     * @param rate     crashes over all episodes, per 1000 steps
     * @param interval the exact Poisson interval of the rate
     */
    public record CrashRate(String model, String condition, double rate, Interval interval) {
    }

    /**
     * Model a against model b on one metric under one condition.
     *
     * @param difference a minus b (of the medians, or of the crash rates)
     * @param interval   the difference's interval (undefined for crash rates, whose test gives none)
     * @param pValue     two-sided, as the test gives it
     * @param pAdjusted  after Holm's correction over every comparison of the audit
     * @param test       how the comparison was made
     */
    public record Comparison(String metric, String condition, String modelA, String modelB, double difference,
                             Interval interval, double pValue, double pAdjusted, String test) {

        /** True when the difference is significant at the audit's level after the correction. */
        public boolean significant(double level) {
            return pAdjusted <= 1 - level;
        }
    }

    /** The evidence of {@code models}, every bootstrap seeded from {@code seed}. */
    public static Evidence of(List<ModelAudit> models, long seed) {
        return of(models, List.of(), seed);
    }

    /**
     * The evidence of {@code models} in {@code groups} (every model in at most one; empty or all of one member:
     * every model stands alone and every two are compared); when some group has more than one member, groups are
     * summarised and every two groups compared instead of every two models.
     */
    public static Evidence of(List<ModelAudit> models, List<ModelGroup> groups, long seed) {
        return of(models, groups, seed, null);
    }

    /**
     * As {@link #of(List, List, long)}, models that stand alone compared each with {@code reference} (a model's
     * name) instead of every two; null for the default: the first model when there are more than
     * {@link #MAX_ALL_PAIRS}, else every two.
     *
     * @throws IllegalArgumentException when {@code reference} names no model, or some group has several members
     */
    public static Evidence of(List<ModelAudit> models, List<ModelGroup> groups, long seed, String reference) {
        boolean grouped = groups.stream().anyMatch(ModelGroup::isGroup);
        if (reference != null && (grouped || models.stream().noneMatch(m -> m.name().equals(reference)))) {
            throw new IllegalArgumentException(grouped ? "a reference model applies to models that stand alone;"
                    + " this report compares groups" : "the reference '" + reference + "' is none of the models "
                    + models.stream().map(ModelAudit::name).toList());
        }
        String against = reference != null ? reference
                : !grouped && models.size() > MAX_ALL_PAIRS ? models.get(0).name() : "";
        int resamples = BlockBootstrap.DEFAULT_RESAMPLES;
        List<CrashRate> rates = new ArrayList<>();
        String described = "";
        record Measured(ModelAudit model, ConditionResult result) {
        }
        List<Measured> measured = new ArrayList<>();
        for (ModelAudit m : models) {
            for (ConditionResult r : m.conditions()) {
                measured.add(new Measured(m, r));
                described = Blocks.of(r.frames().episodeOfFrame()).describe();
                r.drive().filter(d -> d.episodes() > 0).ifPresent(d -> rates.add(new CrashRate(m.name(),
                        r.condition().name(), d.crashes() / exposure(d),
                        PoissonInterval.rate(d.crashes(), exposure(d), LEVEL))));
            }
        }
        // each interval seeds its own draws, so spreading them over the cores leaves every number as it was
        List<SummaryInterval> intervals = measured.parallelStream()
                .flatMap(x -> intervals(x.model().name(), x.result(), seed).stream()).toList();
        if (grouped) {
            GroupEvidence.Compared compared = GroupEvidence.comparisons(models, groups, seed);
            GroupEvidence summaries = GroupEvidence.of(models, groups, intervals, seed).withChecks(compared.checks());
            // the dynamics' comparisons come last and draw no frame replicates: the series' keep their numbers
            List<Comparison> raw = new ArrayList<>(compared.comparisons());
            raw.addAll(GroupDynamics.comparisons(models, groups, seed));
            return new Evidence(LEVEL, resamples, comparisonResamples(compared.comparisons().size()), seed,
                    described, intervals, rates, adjustedPerQuestion(raw), summaries);
        }
        List<Pair> pairs = pairs(models, against);
        // against a reference each metric and condition is one question (which models differ from it?) and its
        // own family, so the replicates grow with the models, not with models x metrics x conditions
        int comparisonResamples = comparisonResamples(against.isEmpty() ? pairs.size() : largestQuestion(pairs));
        List<Comparison> raw = pairs.parallelStream().map(pair -> pair.test(seed, comparisonResamples)).toList();
        List<Comparison> comparisons = against.isEmpty() ? adjusted(raw) : adjustedPerQuestion(raw);
        return new Evidence(LEVEL, resamples, comparisonResamples, seed, described, intervals, rates, comparisons,
                GroupEvidence.NONE, against);
    }

    /**
     * Replicates per paired comparison when {@code comparisons} are made. A bootstrap p-value is never below
     * 2 / (replicates + 1), and Holm's correction multiplies the smallest by the number of comparisons, so with a
     * fixed 2,000 replicates no difference among 120 comparisons could ever be significant, however large. 60 per
     * comparison put that floor at a third of the level's 5%; at least the default, at most the bootstrap's cap.
     */
    static int comparisonResamples(int comparisons) {
        long wanted = Math.max(BlockBootstrap.DEFAULT_RESAMPLES, 60L * comparisons);
        return (int) Math.min(BlockBootstrap.MAX_RESAMPLES, wanted);
    }

    private static List<SummaryInterval> intervals(String model, ConditionResult r, long seed) {
        BlockBootstrap bootstrap = bootstrap(r.frames(), seed);
        List<SummaryInterval> out = new ArrayList<>();
        for (var e : r.frames().series().entrySet()) {
            double[] values = values(e.getValue());
            for (String stat : List.of("mean", "median")) {
                out.add(new SummaryInterval(model, r.condition().name(), e.getKey(), stat,
                        bootstrap.interval(values, STATISTICS.get(stat), LEVEL)));
            }
        }
        return out;
    }

    /** The interval of {@code statistic} ("mean" or "median") of a series, undefined when there is none. */
    public Interval interval(String model, String condition, String metric, String statistic) {
        return intervals.stream().filter(i -> i.model().equals(model) && i.condition().equals(condition)
                        && i.metric().equals(metric) && i.statistic().equals(statistic)).findFirst()
                .map(SummaryInterval::interval).orElse(Interval.undefined(level));
    }

    /** The crash rate of a model under a condition, when it was driven. */
    public Optional<CrashRate> crashRate(String model, String condition) {
        return crashRates.stream().filter(c -> c.model().equals(model) && c.condition().equals(condition))
                .findFirst();
    }

    /** How the p-values were corrected, in words. */
    public String correction() {
        if (byGroup()) {
            long questions = comparisons.stream().map(c -> c.metric() + '\u0000' + c.condition()).distinct().count();
            return "Holm's step-down within each metric and condition (one question about the groups: every pair of"
                    + " groups on it), " + questions + " questions, " + comparisons.size() + " comparisons";
        }
        if (byReference()) {
            long questions = comparisons.stream().map(c -> c.metric() + '\u0000' + c.condition()).distinct().count();
            return "Holm's step-down within each metric and condition (one question: which models differ from the"
                    + " reference " + reference + " on it), " + questions + " questions, " + comparisons.size()
                    + " comparisons";
        }
        return "Holm's step-down over all " + comparisons.size() + " comparisons of the report";
    }

    /** One comparison still to make: model a against model b on a metric under a condition. */
    private record Pair(String metric, String condition, String modelA, String modelB, ConditionResult a,
                        ConditionResult b) {

        Comparison test(long seed, int resamples) {
            if (metric.equals(CRASH_RATE)) {
                ClosedLoopResult da = a.closedLoop();
                ClosedLoopResult db = b.closedLoop();
                double p = PoissonComparison.pValue(da.crashes(), exposure(da), db.crashes(), exposure(db));
                return new Comparison(metric, condition, modelA, modelB,
                        da.crashes() / exposure(da) - db.crashes() / exposure(db), Interval.undefined(LEVEL), p,
                        Double.NaN, CRASH_TEST);
            }
            BlockBootstrap bootstrap = new BlockBootstrap(Blocks.of(a.frames().episodeOfFrame()), resamples, seed);
            BlockBootstrap.Paired p = bootstrap.compare(values(a.frames().series().get(metric)),
                    values(b.frames().series().get(metric)), Statistic.MEDIAN, LEVEL);
            return new Comparison(metric, condition, modelA, modelB, p.difference(), p.interval(), p.pValue(),
                    Double.NaN, PAIRED_TEST);
        }

        /** False when there is nothing to compare: no paired values, or a model not driven. */
        boolean defined() {
            if (metric.equals(CRASH_RATE)) {
                return a.closedLoop() != null && b.closedLoop() != null && a.closedLoop().episodes() > 0
                        && b.closedLoop().episodes() > 0;
            }
            List<Double> xs = a.frames().series().get(metric);
            List<Double> ys = b.frames().series().get(metric);
            if (xs == null || ys == null) {
                return false;
            }
            double[] x = values(xs);
            double[] y = values(ys);
            for (int i = 0; i < x.length && i < y.length; i++) {
                if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Every comparison to make, in report order: per metric, condition and pair of models, crash rates last; with a
     * {@code reference} (a model's name; empty: none) the pairs are each other model (a) with it (b), in model
     * order.
     */
    private static List<Pair> pairs(List<ModelAudit> models, String reference) {
        List<Pair> out = new ArrayList<>();
        if (models.isEmpty()) {
            return out;
        }
        List<String> conditions = models.get(0).conditions().stream().map(r -> r.condition().name()).toList();
        List<String> metrics = new ArrayList<>(COMPARED);
        metrics.add(CRASH_RATE);
        for (String metric : metrics) {
            for (String condition : conditions) {
                for (int[] ij : indexPairs(models, reference)) {
                    Optional<ConditionResult> a = result(models.get(ij[0]), condition);
                    Optional<ConditionResult> b = result(models.get(ij[1]), condition);
                    if (a.isPresent() && b.isPresent()) {
                        Pair pair = new Pair(metric, condition, models.get(ij[0]).name(), models.get(ij[1]).name(),
                                a.get(), b.get());
                        if (pair.defined()) {
                            out.add(pair);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The most comparisons of one metric under one condition. */
    private static int largestQuestion(List<Pair> pairs) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        pairs.forEach(p -> sizes.merge(p.metric() + '\u0000' + p.condition(), 1, Integer::sum));
        return sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The pairs of model indices compared: every two in order, or each other model with the reference. */
    private static List<int[]> indexPairs(List<ModelAudit> models, String reference) {
        List<int[]> out = new ArrayList<>();
        int ref = reference.isEmpty() ? -1
                : models.stream().map(ModelAudit::name).toList().indexOf(reference);
        for (int i = 0; i < models.size(); i++) {
            if (ref >= 0 && i != ref) {
                out.add(new int[] {i, ref});
            }
            for (int j = i + 1; ref < 0 && j < models.size(); j++) {
                out.add(new int[] {i, j});
            }
        }
        return out;
    }

    /**
     * Holm within each metric and condition. Groups are compared by permuting seeds, whose smallest p-value is
     * coarse (2 / 252 for five seeds against five): over every comparison of a report no difference could ever be
     * significant, so each question (one metric under one condition, every pair of groups) is its own family, as
     * a paper would test it. Models compared with a reference are corrected the same way, each question being
     * which models differ from the reference.
     */
    private static List<Comparison> adjustedPerQuestion(List<Comparison> raw) {
        return adjustedWithin(raw, c -> c.metric() + '\u0000' + c.condition());
    }

    /** Holm over every comparison of the audit. */
    private static List<Comparison> adjusted(List<Comparison> raw) {
        return adjustedWithin(raw, c -> "");
    }

    /** Holm's correction within each family of comparisons, a family being those with the same key. */
    private static List<Comparison> adjustedWithin(List<Comparison> raw,
                                                   Function<Comparison, String> family) {
        Map<String, List<Integer>> families = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            families.computeIfAbsent(family.apply(raw.get(i)), k -> new ArrayList<>()).add(i);
        }
        double[] adjusted = new double[raw.size()];
        for (List<Integer> members : families.values()) {
            double[] p = Holm.adjust(members.stream().mapToDouble(i -> raw.get(i).pValue()).toArray());
            for (int k = 0; k < p.length; k++) {
                adjusted[members.get(k)] = p[k];
            }
        }
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Comparison c = raw.get(i);
            out.add(new Comparison(c.metric(), c.condition(), c.modelA(), c.modelB(), c.difference(), c.interval(),
                    c.pValue(), adjusted[i], c.test()));
        }
        return out;
    }

    private static Optional<ConditionResult> result(ModelAudit m, String condition) {
        return m.conditions().stream().filter(r -> r.condition().name().equals(condition)).findFirst();
    }

    private static BlockBootstrap bootstrap(FrameMetrics frames, long seed) {
        return BlockBootstrap.of(Blocks.of(frames.episodeOfFrame()), seed);
    }

    /** Thousands of steps driven: crashes over it are crashes per 1000 steps. */
    static double exposure(ClosedLoopResult d) {
        return (double) d.episodes() * d.steps() / 1000;
    }

    private static double[] values(List<Double> series) {
        return series.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
