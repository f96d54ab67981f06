package io.liquidlens.causal;

import io.liquidlens.io.Rollout;
import java.util.ArrayList;
import java.util.List;

/** Which recorded frames a report measures: spread evenly, so that every part of the road is in the sample. */
final class FrameSelection {

    private FrameSelection() {
    }

    /**
     * {@code count} (rollout, step) pairs spread evenly over the rollouts' steps taken end to end, each step at
     * most once (all steps when there are fewer).
     */
    static List<int[]> evenly(List<Rollout> rollouts, int count) {
        long total = rollouts.stream().mapToLong(Rollout::steps).sum();
        List<int[]> out = new ArrayList<>();
        for (int k : spread((int) Math.min(total, Integer.MAX_VALUE), count)) {
            int r = 0;
            long g = k;
            while (g >= rollouts.get(r).steps()) {
                g -= rollouts.get(r).steps();
                r++;
            }
            out.add(new int[] {r, (int) g});
        }
        return out;
    }

    /** {@code count} indices of {@code 0 .. n-1} spread evenly (the middles of equal parts), or all of them. */
    static List<Integer> spread(int n, int count) {
        int k = Math.min(n, count);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add((int) ((2L * i + 1) * n / (2L * k)));
        }
        return out;
    }
}
