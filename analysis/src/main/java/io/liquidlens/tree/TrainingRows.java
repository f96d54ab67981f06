package io.liquidlens.tree;

/**
 * Which training rows a tree learns from when there are more than it may use. J48 grows faster than linearly in its
 * rows (a million steps took over half an hour and 5 GB), and neighbouring steps of a recording are nearly the same,
 * so a tree learns little more from every step than from evenly spaced ones. Evenly spaced rows (not random ones)
 * keep every episode and every stretch of it in proportion, and need no seed. Only learning is capped: fidelity is
 * always measured on every row.
 */
public final class TrainingRows {
    /** How the rows are chosen, as tree.json says it. */
    public static final String EVENLY_SPACED = "evenly spaced over the training rows in episode and step order";
    /** What tree.json says when every row was used. */
    public static final String ALL = "every training row";

    private TrainingRows() {
    }

    /**
     * {@code rows} itself when it holds at most {@code max} rows; otherwise {@code max} of them, evenly spaced: the
     * {@code floor(i * rows.length / max)}-th for i = 0 .. max - 1 (the first row always, the order kept).
     *
     * @throws IllegalArgumentException when {@code max} is below 1
     */
    public static int[] capped(int[] rows, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max rows must be 1 or more, got " + max);
        }
        if (rows.length <= max) {
            return rows;
        }
        int[] out = new int[max];
        for (int i = 0; i < max; i++) {
            out[i] = rows[(int) ((long) i * rows.length / max)];
        }
        return out;
    }

    /** How {@code available} rows were chosen from when at most {@code max} are used. */
    public static String choice(int available, int max) {
        return available <= max ? ALL : EVENLY_SPACED;
    }
}
