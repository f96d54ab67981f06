package io.liquidlens.tree;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.model.StepBuffers;
import io.liquidlens.sim.Activities;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Builds the training table of a tree from a model and a data set of rollouts, one episode per file.
 *
 * <p>States: a rollout's recorded {@code states} (T, N) when it has them (in the model's state order, as
 * {@code record} writes them), else the model simulated on its inputs from the zero state. The network's
 * decision is the model's output at each step, read off those states ({@link LiquidModel#readout}); the expert's
 * is the world column {@code expert_action}. Files are read one at a time, so a data set of camera rollouts never
 * has to fit in memory at once; the classes are chosen from the decisions of all of them.
 */
public final class TreeDatasets {
    /** The world column that holds the expert's action (docs/FORMATS.md#rollouts-written-by-record). */
    public static final String EXPERT_ACTION = "expert_action";

    private TreeDatasets() {
    }

    /**
     * The table for {@code files} (each an episode).
     *
     * @throws LiquidLensException naming the file when a rollout does not fit the model or lacks what the label
     *                             needs, or naming the option when a neuron does not exist
     */
    public static TreeDataset build(LiquidModel model, List<Path> files, FeatureSet featureSet, LabelSpec label,
                                    TreeProgress progress) {
        if (files.isEmpty()) {
            throw new LiquidLensException("no rollouts given");
        }
        NeuronNames names = NeuronNames.of(model);
        if (model.wiring().isEmpty() && !names.isBaseline()) {
            throw new LiquidLensException("the model has no wiring (a dense CfC), so its neurons have no roles to pick "
                    + "features by");
        }
        List<FeatureSet.Feature> features;
        try {
            features = featureSet.resolve(names);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException("--neurons: " + e.getMessage(), e);
        }
        if (label.output() >= model.outputSize()) {
            throw new LiquidLensException("--output " + label.output() + ": the model has " + model.outputSize()
                    + " output(s), numbered from 0");
        }
        int w = features.size();
        List<double[]> values = new ArrayList<>();
        List<double[]> decisions = new ArrayList<>();
        List<int[]> steps = new ArrayList<>();
        List<TreeDataset.EpisodeInfo> info = new ArrayList<>();
        for (int e = 0; e < files.size(); e++) {
            Path file = files.get(e);
            progress.progress("reading rollouts", e, files.size());
            Episode ep = episode(model, file, label);
            int first = featureSet.rates() ? 1 : 0;
            int rows = Math.max(0, ep.steps - first);
            double[] v = new double[rows * w];
            double[] d = new double[rows];
            int[] st = new int[rows];
            for (int t = first; t < ep.steps; t++) {
                int r = t - first;
                for (int f = 0; f < w; f++) {
                    FeatureSet.Feature feat = features.get(f);
                    double x = ep.state[t * ep.n + feat.neuron()];
                    if (feat.rate()) {
                        if (!(ep.dt[t] > 0)) {
                            throw new LiquidLensException(file, "timespans must be > 0 for rates of change, got "
                                    + ep.dt[t] + " at step " + t);
                        }
                        double prev = ep.state[(t - 1) * ep.n + feat.neuron()];
                        x = (x - prev) / ep.dt[t];
                    }
                    v[r * w + f] = x;
                }
                d[r] = ep.decision[t];
                st[r] = t;
            }
            values.add(v);
            decisions.add(d);
            steps.add(st);
            info.add(new TreeDataset.EpisodeInfo(file.toString(), ep.steps, ep.recorded ? "recorded" : "simulated"));
        }
        progress.progress("reading rollouts", files.size(), files.size());
        double[] allDecisions = concat(decisions);
        if (allDecisions.length == 0) {
            throw new LiquidLensException(files.get(0) + (files.size() > 1 ? " and the others" : "")
                    + ": no steps to learn from" + (featureSet.rates() ? " (with rates the first step of each episode"
                    + " has none)" : ""));
        }
        LabelBins bins = LabelBins.choose(label, allDecisions);
        int[] labels = new int[allDecisions.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = bins.classOf(allDecisions[i]);
        }
        int[] episodes = new int[labels.length];
        int at = 0;
        for (int e = 0; e < steps.size(); e++) {
            Arrays.fill(episodes, at, at + steps.get(e).length, e);
            at += steps.get(e).length;
        }
        int[] allSteps = new int[labels.length];
        at = 0;
        for (int[] s : steps) {
            System.arraycopy(s, 0, allSteps, at, s.length);
            at += s.length;
        }
        return new TreeDataset(features.stream().map(FeatureSet.Feature::name).toList(), concat(values), allDecisions,
                labels, bins, episodes, info, allSteps);
    }

    /** One episode's states (T, N) by wiring id, elapsed times and decisions. */
    record Episode(int steps, int n, double[] state, double[] dt, double[] decision, boolean recorded) {
    }

    private static Episode episode(LiquidModel model, Path file, LabelSpec label) {
        // the pixel labels, positions and extras play no part in a tree: a long camera recording is read without them
        return episode(model, file, Rollouts.read(file, Set.of("timespans", "states", "world")), label);
    }

    /** The episode of rollout {@code r}, read from {@code file} (named in errors). */
    static Episode episode(LiquidModel model, Path file, Rollout r, LabelSpec label) {
        int t = r.steps();
        if (r.isImage() != model.head().isPresent()) {
            throw new LiquidLensException(file, r.isImage() ? "holds image inputs but the model takes vectors"
                    : "holds vector inputs but the model takes image frames");
        }
        if (r.featuresPerStep() != model.frameSize()) {
            throw new LiquidLensException(file, "has " + r.featuresPerStep() + " input values per step but the model"
                    + " takes " + model.frameSize());
        }
        int n = model.stateSize();
        int m = model.outputSize();
        int[] ids = model.stateNeuronIds();
        double[] state = new double[t * n];
        double[] network = new double[t];
        boolean recorded = r.states() != null;
        if (recorded) {
            if (r.states().dim(1) != n) {
                throw new LiquidLensException(file, "has states of " + r.states().dim(1) + " neurons per step but the"
                        + " model has " + n + " (a trace of another model?)");
            }
            float[] s = r.states().toFloatArray();
            float[] out = new float[m];
            StepBuffers buf = model.newBuffers();
            for (int k = 0; k < t; k++) {
                for (int p = 0; p < n; p++) {
                    state[k * n + ids[p]] = s[k * n + p];
                }
                model.readout(s, k * n, out, 0, buf);
                network[k] = out[label.output()];
            }
        } else {
            Activity a;
            try {
                a = Activities.simulate(model, r, ProgressListener.NONE);
            } catch (IllegalArgumentException e) {
                throw new LiquidLensException(file, e.getMessage(), e);
            }
            for (int k = 0; k < t; k++) {
                for (int i = 0; i < n; i++) {
                    state[k * n + i] = a.state(k, i);
                }
                network[k] = a.output(k, label.output());
            }
        }
        double[] decision = network;
        if (label.source() == LabelSource.EXPERT) {
            int col = r.worldNames().indexOf(EXPERT_ACTION);
            if (col < 0) {
                throw new LiquidLensException(file, "has no world column \"" + EXPERT_ACTION + "\", needed for the"
                        + " expert's label (world columns: " + (r.worldNames().isEmpty() ? "none" : r.worldNames()) + ")");
            }
            decision = new double[t];
            int k2 = r.world().dim(1);
            double[] world = r.world().toDoubleArray();
            for (int k = 0; k < t; k++) {
                decision[k] = world[k * k2 + col];
            }
        }
        double[] dt = new double[t];
        double[] ts = r.timespans() == null ? null : r.timespans().toDoubleArray();
        for (int k = 0; k < t; k++) {
            dt[k] = ts == null ? 1.0 : ts[k];
        }
        return new Episode(t, n, state, dt, decision, recorded);
    }

    /** The arrays end to end (one column of every episode, in episode order). */
    static double[] concat(List<double[]> parts) {
        int len = parts.stream().mapToInt(a -> a.length).sum();
        double[] out = new double[len];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
