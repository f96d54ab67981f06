package io.liquidlens.dynamics;

import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.StepBuffers;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ProgressListener;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs the cell again on seeded noisy copies of each rollout's input features and compares the states (see
 * {@link Sensitivity}). The noise is added to the cell's inputs, after a perception head: the head is a fixed
 * function of one frame, and what the question is about is the recurrent state's answer.
 */
final class SensitivityRun {

    private SensitivityRun() {
    }

    static Sensitivity measure(LiquidModel model, List<Activity> activities, List<float[]> timespans,
                               DynamicsOptions options, ProgressListener listener) {
        if (options.noiseTrials() == 0) {
            return new Sensitivity(options.noise(), 0, options.seed(), Double.NaN, Double.NaN);
        }
        int trials = options.noiseTrials();
        long steps = activities.stream().mapToLong(Activity::steps).sum();
        // a ratio per step and noisy copy, and their sorted copy for the median
        io.liquidlens.MemoryBudget.require("the sensitivity's " + trials + " noisy copies of " + steps + " steps",
                io.liquidlens.MemoryBudget.product(steps, trials, 16));
        double[] spread = featureSpread(activities);
        int jobs = activities.size() * trials;
        double[][] ratios = new double[jobs][];
        AtomicLong done = new AtomicLong();
        long total = activities.stream().mapToLong(Activity::steps).sum() * trials;
        // every noisy copy is its own sequence with its own seeded noise: on all cores, the same numbers in any order
        IntStream.range(0, jobs).parallel().forEach(j -> {
            if (listener.isCancelled()) {
                return;
            }
            int r = j / trials;
            Random noise = new Random(mix(options.seed(), r, j % trials));
            ratios[j] = run(model, activities.get(r), timespans.get(r), spread, options.noise(), noise);
            listener.progress(done.addAndGet(activities.get(r).steps()), total);
        });
        if (listener.isCancelled()) {
            throw new CancellationException("cancelled while measuring the sensitivity");
        }
        double[] used = Arrays.stream(ratios).flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Sensitivity(options.noise(), trials, options.seed(),
                used.length == 0 ? Double.NaN : used[used.length - 1], SeriesStats.percentile(used, 0.5));
    }

    /** One noisy copy of one rollout: the ratio at each step whose input history has changed. */
    private static double[] run(LiquidModel model, Activity clean, float[] dt, double[] spread, double noise,
                                Random rng) {
        double[] ratios = new double[clean.steps()];
        int at = 0;
        int n = model.stateSize();
        int s = clean.features();
        int[] ids = model.stateNeuronIds();
        float[] h = new float[n];
        float[] c = new float[n];
        float[] out = new float[model.outputSize()];
        float[] tau = new float[n];
        float[] u = new float[s];
        StepBuffers buf = model.newBuffers();
        double inputChange = 0;
        for (int t = 0; t < clean.steps(); t++) {
            for (int f = 0; f < s; f++) {
                float clean1 = clean.input(t, f);
                u[f] = (float) (clean1 + rng.nextGaussian() * noise * spread[f]);
                double d = (double) u[f] - clean1;
                inputChange += d * d;
            }
            model.stepFeatures(u, 0, dt == null ? 1f : dt[t], h, c, out, 0, tau, 0, buf);
            double stateChange = 0;
            for (int p = 0; p < n; p++) {
                double d = (double) h[p] - clean.state(t, ids[p]);
                stateChange += d * d;
            }
            if (inputChange > 0) {
                ratios[at++] = Math.sqrt(stateChange / inputChange);
            }
        }
        return Arrays.copyOf(ratios, at);
    }

    /** Each input feature's standard deviation over every step of every rollout. */
    private static double[] featureSpread(List<Activity> activities) {
        int s = activities.get(0).features();
        double[] sum = new double[s];
        double[] sq = new double[s];
        long count = 0;
        for (Activity a : activities) {
            for (int t = 0; t < a.steps(); t++) {
                for (int f = 0; f < s; f++) {
                    double v = a.input(t, f);
                    sum[f] += v;
                    sq[f] += v * v;
                }
            }
            count += a.steps();
        }
        double[] sd = new double[s];
        for (int f = 0; f < s; f++) {
            double mean = sum[f] / count;
            sd[f] = Math.sqrt(Math.max(0, sq[f] / count - mean * mean));
        }
        return sd;
    }

    /** The seed of one noisy copy: every (rollout, copy) pair its own stream. */
    static long mix(long seed, int rollout, int trial) {
        return seed * 0x9E3779B97F4A7C15L + rollout * 1_000_003L + trial;
    }
}
