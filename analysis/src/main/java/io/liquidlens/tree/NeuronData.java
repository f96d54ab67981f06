package io.liquidlens.tree;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.NeuronNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The steps of the neuron level: per step the chosen world columns (what the trees split on) and every chosen
 * neuron's state (what they explain), with the episode each step came from. States are the rollout's recorded
 * ones, else simulated, as at the policy level ({@link TreeDatasets}). The arrays are owned and must not change.
 *
 * @param worldNames   the world columns, in the order asked for
 * @param world        (rows, world columns) row-major
 * @param neuronNames  the chosen neurons' names ({@code command 3 (id 4)})
 * @param neuronLabels their labels ({@code C3})
 * @param response     (rows, neurons) row-major: each neuron's state
 * @param episodes     the episode index per row
 * @param episodeInfo  one entry per episode
 * @param step         the step within its episode of each row
 */
public record NeuronData(List<String> worldNames, double[] world, List<String> neuronNames, List<String> neuronLabels,
                         double[] response, int[] episodes, List<TreeDataset.EpisodeInfo> episodeInfo, int[] step) {

    /** Copies the lists. */
    public NeuronData {
        worldNames = List.copyOf(worldNames);
        neuronNames = List.copyOf(neuronNames);
        neuronLabels = List.copyOf(neuronLabels);
        episodeInfo = List.copyOf(episodeInfo);
    }

    /** Number of steps. */
    public int rows() {
        return episodes.length;
    }

    /** Neuron {@code k}'s state at every step. */
    public double[] responseOf(int k) {
        int n = neuronNames.size();
        double[] v = new double[rows()];
        for (int r = 0; r < v.length; r++) {
            v[r] = response[r * n + k];
        }
        return v;
    }

    /** The training table of neuron {@code k}'s tree: the world columns, labelled with its response's classes. */
    public TreeDataset forNeuron(int k, int bins) {
        double[] v = responseOf(k);
        LabelBins b = LabelBins.levels(v, bins, "the state of " + neuronNames.get(k));
        int[] labels = new int[v.length];
        for (int r = 0; r < v.length; r++) {
            labels[r] = b.classOf(v[r]);
        }
        return new TreeDataset(worldNames, world, v, labels, b, episodes, episodeInfo, step);
    }

    /**
     * Reads {@code files} (each an episode) for {@code model}.
     *
     * @throws LiquidLensException naming the file when a rollout has no {@code world} or lacks a column (with the
     *                             columns it has), or naming the option when a neuron does not exist
     */
    public static NeuronData read(LiquidModel model, List<Path> files, NeuronTreeOptions options,
                                  TreeProgress progress) {
        if (files.isEmpty()) {
            throw new LiquidLensException("no rollouts given");
        }
        NeuronNames names = NeuronNames.of(model);
        if (model.wiring().isEmpty() && !names.isBaseline()) {
            throw new LiquidLensException("the model has no wiring (a dense CfC), so its neurons have no roles to pick "
                    + "them by");
        }
        List<FeatureSet.Feature> neurons;
        try {
            neurons = options.neurons().resolve(names);
        } catch (IllegalArgumentException e) {
            throw new LiquidLensException("--neurons: " + e.getMessage(), e);
        }
        int w = options.world().size();
        int n = neurons.size();
        List<double[]> worlds = new ArrayList<>();
        List<double[]> responses = new ArrayList<>();
        List<TreeDataset.EpisodeInfo> info = new ArrayList<>();
        int rows = 0;
        for (int e = 0; e < files.size(); e++) {
            Path file = files.get(e);
            progress.progress("reading rollouts", e, files.size());
            Rollout r = Rollouts.read(file, Set.of("timespans", "states", "world"));
            int[] cols = worldColumns(file, r, options.world());
            TreeDatasets.Episode ep = TreeDatasets.episode(model, file, r, LabelSpec.defaults());
            int t = ep.steps();
            int k = r.world().dim(1);
            double[] all = r.world().toDoubleArray();
            double[] wv = new double[t * w];
            double[] rv = new double[t * n];
            for (int s = 0; s < t; s++) {
                for (int c = 0; c < w; c++) {
                    double x = all[s * k + cols[c]];
                    if (!Double.isFinite(x)) {
                        throw new LiquidLensException(file, "world column \"" + options.world().get(c) + "\" is "
                                + x + " at step " + s + "; the trees need finite values");
                    }
                    wv[s * w + c] = x;
                }
                for (int i = 0; i < n; i++) {
                    rv[s * n + i] = ep.state()[s * ep.n() + neurons.get(i).neuron()];
                }
            }
            worlds.add(wv);
            responses.add(rv);
            info.add(new TreeDataset.EpisodeInfo(file.toString(), t, ep.recorded() ? "recorded" : "simulated"));
            rows += t;
        }
        progress.progress("reading rollouts", files.size(), files.size());
        if (rows == 0) {
            throw new LiquidLensException(files.get(0) + (files.size() > 1 ? " and the others" : "")
                    + ": no steps to learn from");
        }
        int[] episodes = new int[rows];
        int[] step = new int[rows];
        int at = 0;
        for (int e = 0; e < info.size(); e++) {
            int t = info.get(e).steps();
            Arrays.fill(episodes, at, at + t, e);
            for (int s = 0; s < t; s++) {
                step[at + s] = s;
            }
            at += t;
        }
        return new NeuronData(options.world(), TreeDatasets.concat(worlds),
                neurons.stream().map(FeatureSet.Feature::name).toList(),
                neurons.stream().map(f -> names.label(f.neuron())).toList(), TreeDatasets.concat(responses),
                episodes, info, step);
    }

    private static int[] worldColumns(Path file, Rollout r, List<String> wanted) {
        if (r.world() == null) {
            throw new LiquidLensException(file, "has no world array (the ground truth the neuron-level trees split"
                    + " on; record writes it with world_names)");
        }
        int[] cols = new int[wanted.size()];
        for (int c = 0; c < cols.length; c++) {
            cols[c] = r.worldNames().indexOf(wanted.get(c));
            if (cols[c] < 0) {
                throw new LiquidLensException(file, "has no world column \"" + wanted.get(c) + "\" (asked for by"
                        + " --world; its columns: " + String.join(", ", r.worldNames()) + ")");
            }
        }
        return cols;
    }
}
