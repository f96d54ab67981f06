package io.liquidlens.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Training tables built in tests, where the true rule is known. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /**
     * {@code episodes x steps} rows of four features on a grid of 0.05 in [-1, 1]; the class is left (2) iff
     * f1 > 0.3 and f3 <= -0.1, else right (0); {@code noise} is the share of rows whose class is drawn at random.
     */
    public static TreeDataset rule(int episodes, int steps, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = episodes * steps;
        List<String> names = List.of("command 0 (id 1)", "command 1 (id 2)", "command 2 (id 3)", "command 3 (id 4)");
        double[] v = new double[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < 4; f++) {
                v[i * 4 + f] = (rng.nextInt(41) - 20) * 0.05;
            }
            boolean left = v[i * 4 + 1] > 0.3 + 1e-9 && v[i * 4 + 3] <= -0.1 + 1e-9;
            labels[i] = left ? 2 : 0;
            if (rng.nextDouble() < noise) {
                labels[i] = rng.nextInt(3);
            }
        }
        return table(names, v, labels, episodes, steps);
    }

    /**
     * A table of {@code episodes x steps} rows of {@code names.size()} features {@code v} (row-major) with classes
     * right (0) / straight (1) / left (2) in {@code labels}; each row's decision is its class - 1.
     */
    public static TreeDataset table(List<String> names, double[] v, int[] labels, int episodes, int steps) {
        int n = episodes * steps;
        double[] d = new double[n];
        int[] ep = new int[n];
        int[] step = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = labels[i] - 1;
            ep[i] = i / steps;
            step[i] = i % steps;
        }
        List<TreeDataset.EpisodeInfo> info = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            info.add(new TreeDataset.EpisodeInfo("episode-" + e + ".npz", steps, "recorded"));
        }
        LabelBins bins = new LabelBins(List.of("right", "straight", "left"), new double[] {-0.5, 0.5}, "test");
        return new TreeDataset(names, v, d, labels, bins, ep, info, step);
    }

    /** All row indices of {@code data}. */
    public static int[] all(TreeDataset data) {
        int[] r = new int[data.rows()];
        for (int i = 0; i < r.length; i++) {
            r[i] = i;
        }
        return r;
    }
}
