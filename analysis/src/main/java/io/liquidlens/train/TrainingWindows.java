package io.liquidlens.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The subsequences a data set is cut into for truncated backpropagation through time: windows of a fixed
 * length at a stride of that length in each episode, the last one aligned to the episode's end so no step
 * is lost; shuffled per epoch from the seed.
 */
public final class TrainingWindows {
    private TrainingWindows() {
    }

    /**
     * One subsequence.
     *
     * @param episode index of the episode in the data set
     * @param start   first step
     * @param length  number of steps
     */
    public record Window(int episode, int start, int length) {
    }

    /** Windows over episodes of the given lengths (episodes shorter than {@code length} give one short window). */
    public static List<Window> of(int[] episodeLengths, int length) {
        List<Window> out = new ArrayList<>();
        for (int e = 0; e < episodeLengths.length; e++) {
            int t = episodeLengths[e];
            if (t <= length) {
                if (t > 0) {
                    out.add(new Window(e, 0, t));
                }
                continue;
            }
            int start = 0;
            for (; start + length <= t; start += length) {
                out.add(new Window(e, start, length));
            }
            if (start < t) {
                out.add(new Window(e, t - length, length));
            }
        }
        return List.copyOf(out);
    }

    /** The windows of one epoch in shuffled order, cut into batches (the last may be smaller). */
    public static List<List<Window>> batches(List<Window> windows, int batchSize, long seed, int epoch) {
        List<Window> order = new ArrayList<>(windows);
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Window tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        List<List<Window>> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i += batchSize) {
            out.add(List.copyOf(order.subList(i, Math.min(order.size(), i + batchSize))));
        }
        return out;
    }
}
