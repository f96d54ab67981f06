package io.liquidlens.tree;

import java.util.List;

/** Which tree an extraction reports. */
public enum TreeChoice {
    /** The tree of the J48 options as given (their minimum leaf size). */
    EXACT,
    /**
     * The smallest tree of the sweep whose held-out fidelity lies within the 95% interval of the best one's: a
     * tree that is as faithful as the best, as far as the held-out episodes can tell, with fewer leaves to read.
     */
    SMALLEST_WITHIN_BEST;

    /**
     * The index of the most faithful point on the held-out episodes; on a tie the one with fewer leaves, then the
     * first.
     *
     * @throws IllegalArgumentException when there are no points
     */
    public static int best(List<SweepPoint> points) {
        requirePoints(points);
        int best = 0;
        for (int i = 1; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            SweepPoint b = points.get(best);
            if (p.fidelity() > b.fidelity() || p.fidelity() == b.fidelity() && p.leaves() < b.leaves()) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The index of the point with the fewest leaves among the best ({@link #best}) and those whose held-out fidelity
     * lies within its interval; on a tie the more faithful, then the first. The best itself always qualifies, so an
     * undefined interval (no held-out steps) picks it.
     *
     * @throws IllegalArgumentException when there are no points
     */
    public static int smallestWithinBest(List<SweepPoint> points) {
        int best = best(points);
        var interval = points.get(best).fidelityInterval();
        int chosen = best;
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            SweepPoint c = points.get(chosen);
            boolean within = i == best || interval.contains(p.fidelity());
            if (within && (p.leaves() < c.leaves() || p.leaves() == c.leaves() && p.fidelity() > c.fidelity()
                    || p.leaves() == c.leaves() && p.fidelity() == c.fidelity() && i < chosen)) {
                chosen = i;
            }
        }
        return chosen;
    }

    private static void requirePoints(List<SweepPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no sweep to choose a tree from");
        }
    }
}
