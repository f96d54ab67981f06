package io.liquidlens.causal;

import io.liquidlens.dynamics.StateSummaries;
import io.liquidlens.dynamics.StateSummary;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Measures a causality report: every model under every condition on the same recorded frames (saliency SSIM,
 * output deviation, saliency on distractor and task pixels), closed-loop driving under each condition, and the
 * ranking of decision neurons by clamping. Perturbed rollouts are made once per condition and shared by all
 * models, so every model sees exactly the same disturbed frames; only one condition's are held at a time. Work is
 * spread over all cores.
 */
public final class CausalAuditor {

    /** A model with the short name a report gives it. */
    public record Subject(String name, LoadedModel model) {
    }

    /** A problem with one of the rollouts (by its index in the list given), e.g. a condition it cannot take. */
    public static final class RolloutException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int index;

        RolloutException(int index, String message, Throwable cause) {
            super(message, cause);
            this.index = index;
        }

        /** The rollout's index in the list given to {@link #run}. */
        public int index() {
            return index;
        }
    }

    private final List<Rollout> rollouts;
    private final List<Condition> conditions;
    private final AuditOptions options;
    private final ProgressListener listener;
    private final List<int[]> frames;
    private final AtomicLong done = new AtomicLong();
    private final Distributed distributed;
    private long total;

    /**
     * Frame measures, closed-loop drives and intervention rankings made by work units on {@code engine} from the
     * files {@code plan} names, instead of in this process from the models and rollouts in memory.
     */
    record Distributed(FramePlan plan, WorkEngine engine) {
    }

    private CausalAuditor(List<Rollout> rollouts, List<Condition> conditions, AuditOptions options,
                          ProgressListener listener, Distributed distributed) {
        this.rollouts = List.copyOf(rollouts);
        this.conditions = List.copyOf(conditions);
        this.options = options;
        this.listener = listener;
        this.distributed = distributed;
        this.frames = FrameSelection.evenly(rollouts, options.frames());
    }

    /**
     * Measures {@code models} on {@code rollouts} under {@code conditions}.
     *
     * @param provenance how the inputs were given (files and their digests, options), carried into the audit
     * @throws IllegalArgumentException    when a model cannot read the rollouts, the method does not apply, or a
     *                                     condition cannot be applied to the rollouts
     * @throws CancellationException       when the listener asks to stop
     */
    public static CausalAudit run(List<Subject> models, List<Rollout> rollouts, List<Condition> conditions,
                                  AuditOptions options, Provenance provenance, ProgressListener listener) {
        return run(models, List.of(), rollouts, conditions, options, provenance, listener);
    }

    /**
     * Measures {@code models} on {@code rollouts} under {@code conditions}, summarising and comparing them by
     * {@code groups} when some group has more than one member (see {@link Evidence#of(List, List, long)}).
     *
     * @param groups     the groups of the models, by their subjects' names (empty: every model stands alone)
     * @param provenance how the inputs were given (files and their digests, options), carried into the audit
     * @throws IllegalArgumentException    when a model cannot read the rollouts, the method does not apply, or a
     *                                     condition cannot be applied to the rollouts
     * @throws CancellationException       when the listener asks to stop
     */
    public static CausalAudit run(List<Subject> models, List<ModelGroup> groups, List<Rollout> rollouts,
                                  List<Condition> conditions, AuditOptions options, Provenance provenance,
                                  ProgressListener listener) {
        return run(models, groups, rollouts, conditions, options, provenance, listener, null, null);
    }

    /** As {@link #run(List, List, List, List, AuditOptions, Provenance, ProgressListener)}, frames measured by
     * {@code distributed}'s units when it is not null, models compared as {@link Evidence#of(List, List, long,
     * String)} says for {@code reference}. */
    static CausalAudit run(List<Subject> models, List<ModelGroup> groups, List<Rollout> rollouts,
                           List<Condition> conditions, AuditOptions options, Provenance provenance,
                           ProgressListener listener, Distributed distributed, String reference) {
        if (models.isEmpty() || rollouts.isEmpty() || conditions.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one model, one rollout and one condition");
        }
        CausalAuditor auditor = new CausalAuditor(rollouts, conditions, options, listener, distributed);
        auditor.stopIfCancelled();
        auditor.total = models.stream().mapToLong(auditor::units).sum();
        List<ModelRun> runs = new ArrayList<>();
        for (Subject s : models) {
            runs.add(auditor.start(s));
        }
        if (distributed != null) {
            auditor.measureByUnits(runs);
        } else {
            // one condition's perturbed rollouts at a time, shared by every model: each is a copy of every frame (a
            // camera recording of 20,000 frames: 740 MB as float32), so holding all conditions at once did not fit
            for (Condition c : conditions) {
                Disturbed disturbed = Disturbed.of(c, rollouts);
                for (ModelRun run : runs) {
                    auditor.measure(run, c, disturbed);
                }
            }
        }
        auditor.drive(runs);
        List<List<InterventionEffect>> ranked = auditor.rankByUnits(runs);
        List<ModelAudit> audits = new ArrayList<>();
        for (int m = 0; m < runs.size(); m++) {
            audits.add(auditor.finish(runs.get(m), ranked == null ? null : ranked.get(m)));
        }
        listener.progress(auditor.total, auditor.total);
        LiquidModel first = models.get(0).model().network();
        String outputName = outputName(models.get(0).model(), options.output());
        String method = options.method().describe(first.head().isPresent(), options.seed());
        return new CausalAudit(method, options.output(), outputName, conditions, audits,
                Evidence.of(audits, groups, options.seed(), reference), provenance);
    }

    /**
     * Progress counts work units: a saliency frame is one; a closed-loop episode step costs about a quarter of
     * one (a camera render and a forward pass against a map, a second map and an SSIM), so that the estimate of
     * the time left holds whichever part dominates.
     */
    private long episodeUnits() {
        return Math.max(1, options.episodeSteps() / 4);
    }

    private long units(Subject subject) {
        boolean camera = subject.model().network().head().isPresent();
        long driven = camera ? conditions.stream().filter(Condition::drivable).count() : 0;
        long maps = distributed == null ? 1L + conditions.size() : conditions.size();
        return frames.size() * maps + driven * options.episodes() * episodeUnits()
                + (options.interventions() ? 1 : 0);
    }

    /** One model's audit while the conditions are measured: its clean run and maps, and the results so far. */
    private record ModelRun(Subject subject, LiquidModel net, FrameSaliency saliency, List<Replay> clean,
                            List<float[]> cleanOut, SaliencyMap[] cleanMaps, List<ConditionResult> results,
                            List<SaliencyOverlay> overlays, StateSummary dynamics) {
    }

    /** Checks the model, runs it on the clean rollouts and makes its clean maps. */
    private ModelRun start(Subject subject) {
        LiquidModel net = subject.model().network();
        if (options.output() >= net.outputSize()) {
            throw new IllegalArgumentException(subject.name() + ": output " + options.output() + " is not one of the"
                    + " model's " + net.outputSize() + " outputs");
        }
        FrameSaliency saliency = FrameSaliency.of(subject.model(), options.method(), options.output(), options.seed());
        long steps = rollouts.stream().mapToLong(Rollout::steps).sum();
        // the states are kept only when the dynamics summary will read them (at least 2 steps, not too many)
        boolean keep = steps >= 2 && steps * net.stateSize() <= StateSummaries.MAX_STATE_VALUES;
        // in process the clean replay serves the frame measures, the rankings and the dynamics summary; with work
        // units (which replay for themselves) it runs here only for the summary, so both ways give the same numbers
        List<Replay> clean = distributed == null || keep
                ? rollouts.stream().map(r -> Replay.of(net, r)).toList() : List.of();
        List<float[]> cleanStates = clean.stream().map(r -> keep ? new float[r.steps() * net.stateSize()] : null)
                .toList();
        List<float[]> cleanOut = IntStream.range(0, clean.size())
                .mapToObj(i -> clean.get(i).run(net, cleanStates.get(i))).toList();
        StateSummary dynamics = keep ? dynamics(net, cleanStates) : null;
        SaliencyMap[] cleanMaps = new SaliencyMap[frames.size()];
        if (distributed == null) {
            saliency.prepare(rollouts, frames);
            IntStream.range(0, frames.size()).parallel().forEach(k -> {
                int[] f = frames.get(k);
                cleanMaps[k] = saliency.map(rollouts.get(f[0]), f[1]);
                tick(1);
            });
        }
        return new ModelRun(subject, net, saliency, clean, cleanOut, cleanMaps, new ArrayList<>(), new ArrayList<>(),
                dynamics);
    }

    /**
     * PC1's share and the neurons' smoothness over the clean rollouts, from the states of the clean replay already
     * run; with the report's seed and level, so they are read like its other intervals. Left out (null) for a
     * single step, which has no variance and no change, and for more state values than it reads.
     */
    private StateSummary dynamics(LiquidModel net, List<float[]> states) {
        // Stream.toList keeps the nulls of rollouts without timespans
        List<float[]> timespans = rollouts.stream()
                .map(r -> r.timespans() == null ? null : r.timespans().toFloatArray()).toList();
        return StateSummaries.of(net, states, timespans, options.seed(), Evidence.LEVEL);
    }

    /** Measures {@code run}'s model under {@code condition} on its perturbed rollouts; {@link #drive} adds the rest. */
    private void measure(ModelRun run, Condition condition, Disturbed disturbed) {
        FrameMetrics metrics = frameMetrics(run.subject().model(), run.saliency(), disturbed, run.cleanOut(),
                run.cleanMaps(), run.overlays(), condition);
        run.results().add(new ConditionResult(condition, metrics, null));
    }

    /** Report frames per work unit: a model and condition's frames in this many blocks, so that cores share them. */
    private static final int BLOCKS = 8;

    /**
     * Measures every model under every condition through work units on the engine, all in one pass so that the
     * executors share all of them, condition by condition so that a process holds few perturbed rollouts at once;
     * the results are put back in report order, so they do not depend on where or when each unit ran.
     */
    private void measureByUnits(List<ModelRun> runs) {
        int n = frames.size();
        int block = Math.max(1, (n + BLOCKS - 1) / BLOCKS);
        List<FrameUnit> units = new ArrayList<>();
        for (int c = 0; c < conditions.size(); c++) {
            for (int m = 0; m < runs.size(); m++) {
                for (int from = 0; from < n; from += block) {
                    units.add(new FrameUnit(distributed.plan(), m, c, from, Math.min(n, from + block)));
                }
            }
        }
        List<FrameBlock> blocks = distributed.engine().map(units, FrameUnit::measure, i -> tick(units.get(i).size()));
        for (FrameBlock b : blocks) {
            if (b.failure() != null) {
                throw b.failedRollout() >= 0 ? new RolloutException(b.failedRollout(), b.failure(), null)
                        : new IllegalArgumentException(b.failure());
            }
        }
        List<Integer> steps = frames.stream().map(f -> globalStep(f[0], f[1])).toList();
        List<Integer> episodes = frames.stream().map(f -> f[0]).toList();
        int u = 0;
        for (Condition condition : conditions) {
            for (ModelRun run : runs) {
                double[][] values = new double[FrameBlock.SERIES][n];
                List<FrameBlock.Overlay> overlays = new ArrayList<>();
                for (int from = 0; from < n; from += block, u++) {
                    FrameBlock b = blocks.get(u);
                    for (int s = 0; s < FrameBlock.SERIES; s++) {
                        System.arraycopy(b.values()[s], 0, values[s], from, b.values()[s].length);
                    }
                    overlays.addAll(b.overlays());
                }
                for (FrameBlock.Overlay o : overlays) {
                    int r = frames.get(o.frame())[0];
                    int t = frames.get(o.frame())[1];
                    run.overlays().add(new SaliencyOverlay(condition.name(), globalStep(r, t), frame(rollouts.get(r), t),
                            new SaliencyMap(o.height(), o.width(), o.cleanMap()), NdArray.ofFloats(o.shape(),
                            o.perturbedFrame()), new SaliencyMap(o.height(), o.width(), o.map())));
                }
                FrameMetrics metrics = new FrameMetrics(steps, episodes, boxed(values[0]), boxed(values[1]),
                        boxed(values[2]), boxed(values[3]), boxed(values[4]), boxed(values[5]), boxed(values[6]));
                run.results().add(new ConditionResult(condition, metrics, null));
            }
        }
    }

    /**
     * Drives every model under every drivable condition in closed loop. All of them at once, so the cores share
     * every episode of every model and condition: driven one model and condition after another, a core idled
     * at the end of each while the other finished its last episode. Each episode is seeded on its own, so the
     * results are the same either way.
     */
    private void drive(List<ModelRun> runs) {
        if (options.episodes() == 0) {
            return;
        }
        record Drive(ModelRun run, int model, int index) {
        }
        List<Drive> drives = new ArrayList<>();
        for (int m = 0; m < runs.size(); m++) {
            ModelRun run = runs.get(m);
            for (int i = 0; i < run.results().size(); i++) {
                if (run.net().head().isPresent() && run.results().get(i).condition().drivable()) {
                    drives.add(new Drive(run, m, i));
                }
            }
        }
        List<ClosedLoopResult> driven;
        if (distributed == null) {
            driven = drives.parallelStream().map(d -> ClosedLoop.drive(d.run().subject().model(),
                    d.run().results().get(d.index()).condition(), options.episodes(), options.episodeSteps(),
                    options.seed(), () -> tick(episodeUnits()))).toList();
        } else {
            // a model and condition's episodes are one unit: the process that runs it drives them on its cores
            List<DriveUnit> units = drives.stream().map(d -> new DriveUnit(distributed.plan(), d.model(), d.index(),
                    options.episodes(), options.episodeSteps())).toList();
            driven = distributed.engine().map(units, DriveUnit::drive, i -> tick(options.episodes() * episodeUnits()));
        }
        for (int k = 0; k < drives.size(); k++) {
            List<ConditionResult> results = drives.get(k).run().results();
            ConditionResult r = results.get(drives.get(k).index());
            results.set(drives.get(k).index(), new ConditionResult(r.condition(), r.frames(), driven.get(k)));
        }
    }

    /** Each model's intervention ranking as a work unit, or null when they are made here (or not at all). */
    private List<List<InterventionEffect>> rankByUnits(List<ModelRun> runs) {
        if (distributed == null || !options.interventions()) {
            return null;
        }
        List<RankUnit> units = IntStream.range(0, runs.size()).mapToObj(m -> new RankUnit(distributed.plan(), m))
                .toList();
        return distributed.engine().map(units, RankUnit::rank, i -> tick(1)).stream().map(RankUnit.Ranking::effects)
                .toList();
    }

    /** Ranks the decision neurons (unless {@code ranked} already holds them) and closes the model's audit. */
    private ModelAudit finish(ModelRun run, List<InterventionEffect> ranked) {
        List<InterventionEffect> effects = ranked != null ? ranked : List.of();
        if (ranked == null && options.interventions()) {
            effects = InterventionRanking.rankReplays(run.net(), run.clean(), options.output());
            tick(1);
        }
        LoadedModel model = run.subject().model();
        var roles = model.network().head().isPresent() ? java.util.Map.<String, io.liquidlens.io.InputRole>of()
                : model.manifest().inputs().resolvedRoles();
        return new ModelAudit(run.subject().name(), describe(run.net()), run.results(), effects, run.overlays(),
                roles, run.dynamics(), epochsDone(model));
    }

    /** provenance.training.epochs_done of the model's model.json (written by liquidlens train), or -1. */
    static int epochsDone(LoadedModel model) {
        var provenance = model.manifest().provenance();
        var epochs = provenance == null ? null : provenance.path("training").path("epochs_done");
        return epochs != null && epochs.canConvertToInt() && epochs.asInt() >= 0 ? epochs.asInt() : -1;
    }

    private FrameMetrics frameMetrics(LoadedModel model, FrameSaliency saliency, Disturbed disturbed,
                                      List<float[]> cleanOut, SaliencyMap[] cleanMaps, List<SaliencyOverlay> overlays,
                                      Condition condition) {
        LiquidModel net = model.network();
        int m = net.outputSize();
        List<float[]> out = disturbed.rollouts().stream().map(p -> Replay.of(net, p.rollout()).run(net, null)).toList();
        int n = frames.size();
        double[] ssim = new double[n];
        double[] deviation = new double[n];
        double[] onDistractor = new double[n];
        double[] onTask = new double[n];
        double[] distractorArea = new double[n];
        double[] taskArea = new double[n];
        double[] onSpurious = new double[n];
        SaliencyMap[] maps = new SaliencyMap[n];
        saliency.prepare(disturbed.rollouts().stream().map(PerturbedRollout::rollout).toList(), frames);
        FrameLabels channels = ChannelLabels.of(model);
        FrameLabels spurious = ChannelLabels.spuriousOf(model);
        List<FrameLabels> labels = IntStream.range(0, rollouts.size()).mapToObj(r -> disturbed.labels().get(r) != null
                ? disturbed.labels().get(r) : channels).toList();
        IntStream.range(0, n).parallel().forEach(k -> {
            int r = frames.get(k)[0];
            int t = frames.get(k)[1];
            Rollout rollout = disturbed.rollouts().get(r).rollout();
            maps[k] = saliency.map(rollout, t);
            int at = t * m + options.output();
            FrameMeasure f = FrameMeasure.of(cleanMaps[k], maps[k], cleanOut.get(r)[at], out.get(r)[at],
                    labels.get(r), spurious, t);
            ssim[k] = f.ssim();
            deviation[k] = f.deviation();
            onDistractor[k] = f.distractor();
            onTask[k] = f.task();
            distractorArea[k] = f.distractorArea();
            taskArea[k] = f.taskArea();
            onSpurious[k] = f.spurious();
            tick(1);
        });
        if (net.head().isPresent()) {
            for (int k : FrameSelection.spread(n, options.overlays())) {
                int r = frames.get(k)[0];
                int t = frames.get(k)[1];
                overlays.add(new SaliencyOverlay(condition.name(), globalStep(r, t), frame(rollouts.get(r), t),
                        cleanMaps[k], frame(disturbed.rollouts().get(r).rollout(), t), maps[k]));
            }
        }
        List<Integer> steps = frames.stream().map(f -> globalStep(f[0], f[1])).toList();
        List<Integer> episodes = frames.stream().map(f -> f[0]).toList();
        return new FrameMetrics(steps, episodes, boxed(ssim), boxed(deviation), boxed(onDistractor), boxed(onTask),
                boxed(distractorArea), boxed(taskArea), boxed(onSpurious));
    }

    /**
     * One condition's perturbed rollouts with their label maps (null where a rollout has none), made once and read
     * by every model, then dropped before the next condition's; uint8 maps are read in place.
     */
    record Disturbed(List<PerturbedRollout> rollouts, List<FrameLabels> labels) {
        static Disturbed of(Condition c, List<Rollout> clean) {
            List<PerturbedRollout> p = IntStream.range(0, clean.size()).mapToObj(r -> perturb(c, clean, r)).toList();
            List<FrameLabels> labels = new ArrayList<>();
            for (PerturbedRollout r : p) {
                labels.add(r.rollout().labels() == null ? null : FrameLabels.of(r.rollout().labels()));
            }
            return new Disturbed(p, labels);
        }
    }

    private static PerturbedRollout perturb(Condition c, List<Rollout> rollouts, int r) {
        try {
            return c.perturbation().apply(rollouts.get(r));
        } catch (IllegalArgumentException e) {
            throw new RolloutException(r, "'" + c.name() + "': " + e.getMessage(), e);
        }
    }

    private void stopIfCancelled() {
        if (listener.isCancelled()) {
            throw new CancellationException("report cancelled");
        }
    }

    private void tick(long units) {
        stopIfCancelled();
        listener.progress(done.addAndGet(units), total);
    }

    private int globalStep(int rollout, int step) {
        int before = 0;
        for (int r = 0; r < rollout; r++) {
            before += rollouts.get(r).steps();
        }
        return before + step;
    }

    static NdArray frame(Rollout r, int t) {
        int[] shape = r.inputs().shape();
        int size = shape[1] * shape[2] * shape[3];
        float[] values = new float[size];
        System.arraycopy(r.inputs().floatsView(), t * size, values, 0, size);
        return NdArray.ofFloats(new int[] {shape[1], shape[2], shape[3]}, values);
    }

    private static List<Double> boxed(double[] v) {
        return java.util.Arrays.stream(v).boxed().toList();
    }

    private static String describe(LiquidModel net) {
        String cell = switch (net.cellKind()) {
            case LTC -> "LTC";
            case CFC -> "CfC";
            case WIRED_CFC -> "wired CfC";
            case LSTM -> "LSTM";
            case GRU -> "GRU";
            case RNN -> "RNN";
            case CTRNN -> "CT-RNN";
        };
        String wiring = net.wiring().map(Wiring::kind).map(k -> ", " + k + " wiring").orElse("");
        String head = net.head().isPresent() ? ", conv head" : "";
        return cell + wiring + ", " + net.stateSize() + " neurons" + head;
    }

    private static String outputName(LoadedModel model, int output) {
        var names = model.manifest().outputs();
        return output < names.size() ? names.get(output) : "output " + output;
    }
}
