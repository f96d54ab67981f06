package io.liquidlens.dynamics;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.wiring.NeuronRole;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/** The one entry point of the dynamics analyses: a model's activity over rollouts, read as the NCP paper reads it. */
public final class Dynamics {

    private Dynamics() {
    }

    /**
     * Runs {@code model} over every rollout from the zero state and measures its dynamics.
     *
     * @param model      the model
     * @param modelLabel the model as the user named it
     * @param rollouts   at least one, with at least 2 steps in all (PCA needs two)
     * @param options    how
     * @param listener   progress and cancel
     * @throws IllegalArgumentException         when a rollout does not fit the model or there are too few steps
     * @throws java.util.concurrent.CancellationException when the listener cancels
     */
    public static DynamicsResult analyse(LiquidModel model, String modelLabel, List<LabelledRollout> rollouts,
                                         DynamicsOptions options, ProgressListener listener) {
        return analyse(model, modelLabel, rollouts, null, options, listener);
    }

    /**
     * Measures the dynamics of {@code model} from its activities over the rollouts, already simulated from the zero
     * state (the workbench has them): the same result as {@link #analyse(LiquidModel, String, List, DynamicsOptions,
     * ProgressListener)} without simulating again.
     *
     * @param activities one per rollout, in their order: the model's own, without interventions
     * @throws IllegalArgumentException when an activity does not match its rollout or the model, or as the other
     */
    public static DynamicsResult analyseSimulated(LiquidModel model, String modelLabel, List<LabelledRollout> rollouts,
                                                  List<Activity> activities, DynamicsOptions options,
                                                  ProgressListener listener) {
        if (activities.size() != rollouts.size()) {
            throw new IllegalArgumentException(activities.size() + " activities for " + rollouts.size() + " rollouts");
        }
        for (int i = 0; i < rollouts.size(); i++) {
            Activity a = activities.get(i);
            LabelledRollout r = rollouts.get(i);
            if (a.steps() != r.rollout().steps() || a.neurons() != model.stateSize()) {
                throw new IllegalArgumentException(r.label() + ": its activity has " + a.steps() + " steps of "
                        + a.neurons() + " neurons; the rollout has " + r.rollout().steps() + " steps and the model "
                        + model.stateSize() + " neurons");
            }
        }
        return analyse(model, modelLabel, rollouts, activities, options, listener);
    }

    /** Both entry points: {@code simulated} null means the model is run over the rollouts here. */
    private static DynamicsResult analyse(LiquidModel model, String modelLabel, List<LabelledRollout> rollouts,
                                          List<Activity> simulated, DynamicsOptions options,
                                          ProgressListener listener) {
        if (rollouts.isEmpty()) {
            throw new IllegalArgumentException("no rollouts to analyse");
        }
        long steps = rollouts.stream().mapToLong(r -> r.rollout().steps()).sum();
        if (steps < 2) {
            throw new IllegalArgumentException("the rollouts have " + steps + " step(s) in all; the dynamics need"
                    + " at least 2");
        }
        long total = steps * (1 + options.noiseTrials());
        List<Activity> activities = simulated != null ? List.copyOf(simulated)
                : simulate(model, rollouts, listener, total);
        List<float[]> timespans = new ArrayList<>();
        for (LabelledRollout r : rollouts) {
            NdArray ts = r.rollout().timespans();
            timespans.add(ts == null ? null : ts.toFloatArray());
        }
        long done = steps;
        NeuronRole[] roles = rolesById(model);
        List<String> notes = new ArrayList<>();
        int[] columns = pcaColumns(model, roles, options, notes);
        String tooLarge = PcaFit.sizeRefusal(steps, columns.length);
        if (tooLarge != null) {
            throw new IllegalArgumentException(tooLarge);
        }
        // the matrix PCA reads is a double per step and neuron, twice the states' own float32 size
        io.liquidlens.MemoryBudget.require("PCA of " + columns.length + " neurons over " + steps + " steps",
                io.liquidlens.MemoryBudget.product(steps, columns.length, 8));
        Pca pca = PcaFit.fit(stateMatrix(activities, columns, (int) steps), (int) steps, columns);
        List<NeuronDynamics> neurons = neurons(NeuronNames.of(model), activities, timespans, rollouts, notes);
        Sensitivity sensitivity = SensitivityRun.measure(model, activities, timespans, options,
                scaled(listener, done, total));
        listener.progress(total, total);
        List<RolloutDynamics> perRollout = new ArrayList<>();
        List<RecordedStates.Mismatch> mismatches = new ArrayList<>();
        for (int r = 0; r < rollouts.size(); r++) {
            perRollout.add(rolloutDynamics(rollouts.get(r), activities.get(r), pca, notes));
            RecordedStates.compare(model, rollouts.get(r), activities.get(r)).ifPresent(mismatches::add);
        }
        RecordedStates.note(mismatches, rollouts.size()).ifPresent(notes::add);
        return new DynamicsResult(modelLabel, model.cellKind().toString(), options, "simulated", pca, neurons,
                sensitivity, perRollout, notes);
    }

    /**
     * The model over every rollout, the rollouts side by side on all cores (each is its own sequence from the zero
     * state, so the order does not change a number); progress is reported as each rollout finishes.
     */
    private static List<Activity> simulate(LiquidModel model, List<LabelledRollout> rollouts,
                                           ProgressListener listener, long total) {
        for (LabelledRollout r : rollouts) {
            if (r.rollout().featuresPerStep() != model.frameSize()) {
                throw new IllegalArgumentException(r.label() + ": the rollout has " + r.rollout().featuresPerStep()
                        + " values per step but the model takes " + model.frameSize());
            }
        }
        Activity[] activities = new Activity[rollouts.size()];
        AtomicLong done = new AtomicLong();
        ProgressListener cancelOnly = new ProgressListener() {
            @Override
            public void progress(long stepsDone, long of) {
            }

            @Override
            public boolean isCancelled() {
                return listener.isCancelled();
            }
        };
        IntStream.range(0, activities.length).parallel().forEach(i -> {
            Rollout rollout = rollouts.get(i).rollout();
            activities[i] = Activities.simulate(model, rollout, cancelOnly);
            listener.progress(done.addAndGet(rollout.steps()), total);
        });
        return Arrays.asList(activities);
    }

    /** Each neuron's role, indexed by wiring id (a model without a wiring: the roles its states are given). */
    static NeuronRole[] rolesById(LiquidModel model) {
        int[] ids = model.stateNeuronIds();
        NeuronRole[] roles = new NeuronRole[ids.length];
        for (int p = 0; p < ids.length; p++) {
            roles[ids[p]] = model.stateRole(p);
        }
        return roles;
    }

    /**
     * The neurons PCA reads: all but the motor neurons of a wired model (they are its outputs), unless asked to
     * keep them. A model without a wiring has no neuron that is an output (its readout is a projection), so all.
     */
    static int[] pcaColumns(LiquidModel model, NeuronRole[] roles, DynamicsOptions options,
                                    List<String> notes) {
        boolean dropMotor = !options.includeMotor() && model.wiring().isPresent();
        int[] kept = IntStream.range(0, roles.length)
                .filter(i -> !dropMotor || roles[i] != NeuronRole.MOTOR).toArray();
        if (kept.length == 0) {
            notes.add("every neuron is a motor neuron, so PCA keeps them all");
            return IntStream.range(0, roles.length).toArray();
        }
        return kept;
    }

    private static double[] stateMatrix(List<Activity> activities, int[] columns, int rows) {
        double[] x = new double[rows * columns.length];
        int row = 0;
        for (Activity a : activities) {
            for (int t = 0; t < a.steps(); t++, row++) {
                for (int c = 0; c < columns.length; c++) {
                    x[row * columns.length + c] = a.state(t, columns[c]);
                }
            }
        }
        return x;
    }

    private static List<NeuronDynamics> neurons(NeuronNames names, List<Activity> activities,
                                                List<float[]> timespans, List<LabelledRollout> rollouts,
                                                List<String> notes) {
        List<String> world = sharedWorldColumns(rollouts, notes);
        double[] output = activities.get(0).outputs() == 0 ? new double[0]
                : concat(activities, Activity::outputSeries, 0);
        Map<String, double[]> worldSeries = new LinkedHashMap<>();
        for (String column : world) {
            worldSeries.put(column, worldColumn(rollouts, column));
        }
        List<NeuronDynamics> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] state = concat(activities, Activity::stateSeries, i);
            Map<String, Correlation> corrWorld = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> w : worldSeries.entrySet()) {
                corrWorld.put(w.getKey(), SeriesStats.correlation(state, w.getValue()));
            }
            double[] tau = concat(activities, Activity::tauSeries, i);
            Arrays.sort(tau);
            out.add(new NeuronDynamics(i, names.name(i), names.label(i),
                    output.length == 0 ? new Correlation(Double.NaN, Double.NaN)
                            : SeriesStats.correlation(state, output),
                    corrWorld, lmax(activities, timespans, i), SeriesStats.percentile(tau, 0.1),
                    SeriesStats.percentile(tau, 0.5), SeriesStats.percentile(tau, 0.9)));
        }
        return out;
    }

    /** The largest L_max of any rollout (a rate is never taken across two rollouts); NaN when none has 2 steps. */
    private static double lmax(List<Activity> activities, List<float[]> timespans, int neuron) {
        double best = Double.NaN;
        for (int r = 0; r < activities.size(); r++) {
            float[] series = activities.get(r).stateSeries(neuron);
            double[] x = new double[series.length];
            for (int t = 0; t < x.length; t++) {
                x[t] = series[t];
            }
            double rate = SeriesStats.lmax(x, timespans.get(r));
            if (Double.isNaN(best) || rate > best) {
                best = rate;
            }
        }
        return best;
    }

    /** World columns every rollout records, in the first rollout's order. */
    private static List<String> sharedWorldColumns(List<LabelledRollout> rollouts, List<String> notes) {
        List<String> shared = new ArrayList<>(rollouts.get(0).rollout().worldNames());
        for (LabelledRollout r : rollouts) {
            if (r.rollout().world() == null) {
                notes.add(r.label() + " records no world columns, so no neuron is correlated with the world");
                return List.of();
            }
            shared.retainAll(r.rollout().worldNames());
        }
        return shared;
    }

    private static double[] worldColumn(List<LabelledRollout> rollouts, String column) {
        int total = rollouts.stream().mapToInt(r -> r.rollout().steps()).sum();
        double[] out = new double[total];
        int at = 0;
        for (LabelledRollout r : rollouts) {
            float[] col = column(r.rollout(), column);
            for (float v : col) {
                out[at++] = v;
            }
        }
        return out;
    }

    /** The world column {@code name} of {@code rollout}, or null when it has none. */
    static float[] column(Rollout rollout, String name) {
        int k = rollout.worldNames().indexOf(name);
        if (k < 0 || rollout.world() == null) {
            return null;
        }
        float[] world = rollout.world().toFloatArray();
        int width = rollout.worldNames().size();
        float[] c = new float[rollout.steps()];
        for (int t = 0; t < c.length; t++) {
            c[t] = world[t * width + k];
        }
        return c;
    }

    private static RolloutDynamics rolloutDynamics(LabelledRollout r, Activity a, Pca pca, List<String> notes) {
        float[] pc1 = new float[a.steps()];
        float[] pc2 = new float[a.steps()];
        boolean second = pca.explainedVarianceRatio().length > 1;
        for (int t = 0; t < a.steps(); t++) {
            float[] state = a.statesAt(t);
            pc1[t] = (float) pca.project(state, 0);
            pc2[t] = second ? (float) pca.project(state, 1) : 0f;
        }
        float[] x = column(r.rollout(), "x");
        float[] y = column(r.rollout(), "y");
        if (x == null || y == null) {
            notes.add(r.label() + " has no world column" + (x == null && y == null ? "s x, y" : x == null ? " x"
                    : " y") + ", so its drive cannot be drawn on the map");
        }
        return new RolloutDynamics(r.label(), a, pc1, pc2, x, y);
    }

    private interface Series {
        float[] of(Activity a, int index);
    }

    private static double[] concat(List<Activity> activities, Series series, int index) {
        int total = 0;
        for (Activity a : activities) {
            total += a.steps();
        }
        double[] out = new double[total];
        int at = 0;
        for (Activity a : activities) {
            for (float v : series.of(a, index)) {
                out[at++] = v;
            }
        }
        return out;
    }

    /** A listener that reports this part's progress as a slice of the whole. */
    private static ProgressListener scaled(ProgressListener listener, long offset, long total) {
        return new ProgressListener() {
            @Override
            public void progress(long done, long of) {
                listener.progress(offset + done, total);
            }

            @Override
            public boolean isCancelled() {
                return listener.isCancelled();
            }
        };
    }
}
