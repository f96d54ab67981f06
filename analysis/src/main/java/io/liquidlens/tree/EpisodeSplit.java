package io.liquidlens.tree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How the steps are split for honest fidelity: never by random step, since neighbouring steps are nearly the
 * same. Rows are grouped by episode; a data set of a single episode is cut into contiguous blocks of steps
 * instead (then neighbouring blocks still share a little at their borders, which tree.json says). Held-out groups
 * and folds are drawn from the seed.
 *
 * @param groupOf    the group of each row
 * @param groupNames one name per group (the episode's, or {@code steps A-B} of a block)
 * @param byBlocks   true when the groups are blocks of one episode
 * @param heldOut    the held-out groups, ascending
 * @param foldOf     the cross-validation fold of each group
 * @param folds      the number of folds used (at most the number of groups)
 */
public record EpisodeSplit(int[] groupOf, List<String> groupNames, boolean byBlocks, int[] heldOut, int[] foldOf,
                           int folds) {

    /** Copies. */
    public EpisodeSplit {
        groupOf = groupOf.clone();
        groupNames = List.copyOf(groupNames);
        heldOut = heldOut.clone();
        foldOf = foldOf.clone();
    }

    @Override
    public int[] heldOut() {
        return heldOut.clone();
    }

    /** Splits {@code data} as {@code options} say. */
    public static EpisodeSplit of(TreeDataset data, TreeOptions options) {
        return of(data, options.heldOut(), options.folds(), options.seed());
    }

    /**
     * Splits {@code data} with {@code heldOut} of the episodes held out and {@code folds} folds, drawn from
     * {@code seed} (the neuron level shares this split with the policy level).
     */
    public static EpisodeSplit of(TreeDataset data, double heldOut, int folds, long seed) {
        int rows = data.rows();
        int episodes = data.episodeInfo().size();
        int[] groupOf;
        List<String> names = new ArrayList<>();
        boolean blocks = episodes < 2;
        if (!blocks) {
            groupOf = data.episodes().clone();
            names.addAll(data.episodeNames());
        } else {
            int count = Math.min(rows, Math.max(folds, (int) Math.ceil(1 / heldOut)));
            if (count < 2) {
                throw new IllegalArgumentException("one episode of " + rows + " usable step(s): too few to hold any out");
            }
            groupOf = new int[rows];
            for (int b = 0; b < count; b++) {
                int from = (int) ((long) b * rows / count);
                int to = (int) ((long) (b + 1) * rows / count);
                Arrays.fill(groupOf, from, to, b);
                names.add(data.episodeNames().get(0) + " steps " + data.step()[from] + "-" + data.step()[to - 1]);
            }
        }
        int groups = names.size();
        SplittableRandom rng = new SplittableRandom(seed);
        int[] order = shuffled(groups, rng);
        int heldCount = (int) Math.max(1, Math.min(groups - 1, Math.round(heldOut * groups)));
        int[] held = Arrays.copyOf(order, heldCount);
        Arrays.sort(held);
        int usedFolds = Math.min(folds, groups);
        int[] foldOrder = shuffled(groups, rng);
        int[] foldOf = new int[groups];
        for (int i = 0; i < groups; i++) {
            foldOf[foldOrder[i]] = i % usedFolds;
        }
        return new EpisodeSplit(groupOf, names, blocks, held, foldOf, usedFolds);
    }

    private static int[] shuffled(int n, SplittableRandom rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** True when group {@code g} is held out. */
    public boolean isHeldOut(int g) {
        return Arrays.binarySearch(heldOut, g) >= 0;
    }

    /** The rows for training (false) or of the held-out groups (true), in order. */
    public int[] rows(boolean held) {
        return select(r -> isHeldOut(groupOf[r]) == held);
    }

    /** The rows of fold {@code k} (test) or of every other fold (train). */
    public int[] foldRows(int k, boolean test) {
        return select(r -> (foldOf[groupOf[r]] == k) == test);
    }

    /** The group of each of {@code rows}. */
    public int[] groupsOf(int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = groupOf[rows[i]];
        }
        return out;
    }

    /** The names of the held-out groups. */
    public List<String> heldOutNames() {
        return Arrays.stream(heldOut).mapToObj(groupNames::get).toList();
    }

    private int[] select(java.util.function.IntPredicate keep) {
        int[] out = new int[groupOf.length];
        int n = 0;
        for (int r = 0; r < groupOf.length; r++) {
            if (keep.test(r)) {
                out[n++] = r;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
