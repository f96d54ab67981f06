package io.liquidlens.tree;

import java.util.Arrays;
import java.util.List;

/**
 * The training table of a tree: one row per step, the chosen features, the decision and its class, and the
 * episode each step came from (so splits can keep neighbouring, correlated steps together). The arrays are owned
 * by the record and must not be changed.
 *
 * @param featureNames one name per column
 * @param values       (rows, features) row-major
 * @param decisions    the continuous decision per row (before binning)
 * @param labels       the class per row
 * @param bins         how decisions became classes
 * @param episodes     the episode index per row
 * @param episodeInfo  one entry per episode: its name (the file, as given), steps and where its states came from
 * @param step         the step within its episode of each row (rows can skip a step: see {@link FeatureSet#rates});
 *                     rows run by episode, then by step
 */
public record TreeDataset(List<String> featureNames, double[] values, double[] decisions, int[] labels, LabelBins bins,
                          int[] episodes, List<EpisodeInfo> episodeInfo, int[] step) {

    /** Checks sizes. */
    public TreeDataset {
        featureNames = List.copyOf(featureNames);
        episodeInfo = List.copyOf(episodeInfo);
        int n = labels.length;
        if (values.length != (long) n * featureNames.size() || decisions.length != n || episodes.length != n
                || step.length != n) {
            throw new IllegalArgumentException("inconsistent sizes: " + n + " labels, " + values.length + " values for "
                    + featureNames.size() + " features, " + decisions.length + " decisions, " + episodes.length
                    + " episode ids");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= bins.classNames().size()) {
                throw new IllegalArgumentException("row " + i + " has class " + labels[i]);
            }
            if (episodes[i] < 0 || episodes[i] >= episodeInfo.size()) {
                throw new IllegalArgumentException("row " + i + " has episode " + episodes[i]);
            }
            if (i > 0 && (episodes[i] < episodes[i - 1] || (episodes[i] == episodes[i - 1] && step[i] <= step[i - 1]))) {
                throw new IllegalArgumentException("row " + i + " (episode " + episodes[i] + ", step " + step[i]
                        + ") does not follow row " + (i - 1) + " (episode " + episodes[i - 1] + ", step " + step[i - 1]
                        + "): rows run by episode, then step");
            }
        }
    }

    /**
     * One episode of the data set.
     *
     * @param name   the rollout file, as given
     * @param steps  its steps (rows can be one fewer: see {@link FeatureSet#rates})
     * @param states {@code "recorded"} (the rollout's own states) or {@code "simulated"} (the model run on its inputs)
     */
    public record EpisodeInfo(String name, int steps, String states) {
    }

    /** The episodes' names. */
    public List<String> episodeNames() {
        return episodeInfo.stream().map(EpisodeInfo::name).toList();
    }

    /** Number of rows (steps). */
    public int rows() {
        return labels.length;
    }

    /** Number of feature columns. */
    public int features() {
        return featureNames.size();
    }

    /** The class names. */
    public List<String> classNames() {
        return bins.classNames();
    }

    /** Feature {@code f} of row {@code r}. */
    public double value(int r, int f) {
        return values[r * featureNames.size() + f];
    }

    /** Row {@code r}'s features (a copy). */
    public double[] row(int r) {
        int w = featureNames.size();
        return Arrays.copyOfRange(values, r * w, (r + 1) * w);
    }

    /**
     * The row of step {@code step} of episode {@code episode}, or -1 when that step has no row (e.g. an episode's
     * first step when the features include rates of change). Lets a viewer walk the tree with the row of the step
     * it shows.
     */
    public int rowOf(int episode, int step) {
        // rows run in (episode, step) order, so a binary search finds the row: a scrub over a recording of a
        // million steps must not walk them all
        int lo = 0;
        int hi = labels.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = episodes[mid] != episode ? Integer.compare(episodes[mid], episode) : Integer.compare(this.step[mid], step);
            if (c == 0) {
                return mid;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /** Rows per class. */
    public int[] classCounts() {
        int[] c = new int[bins.classNames().size()];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    /** Rows per episode. */
    public int[] episodeRows() {
        int[] c = new int[episodeInfo.size()];
        for (int e : episodes) {
            c[e]++;
        }
        return c;
    }
}
