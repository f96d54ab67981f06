package io.liquidlens.app.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * Traces over one time axis as a JFreeChart dataset that reads the values where they are (the activity's arrays,
 * the rollout's actions): nothing is copied. A trace of more than {@code 2 * buckets} steps is drawn from its
 * extremes: the steps are cut into {@code buckets} runs of equal length and each run shows its lowest and its
 * highest step, in the order they occur. With at least one run per pixel column this draws the same picture as
 * every step would (a spike of one step still reaches its height), but a million steps cost 8,192 points instead
 * of a million per trace, which is what makes a long recording drawable in a frame.
 *
 * <p>The runs' extremes are found once, when the dataset is made (one pass over each trace); afterwards the
 * dataset only remembers which steps they are. Datasets are never changed: new traces make a new dataset.
 */
final class TraceDataset extends AbstractXYDataset {
    /** Runs per trace: at least one per pixel column of a chart up to 4,096 pixels wide. */
    static final int BUCKETS = 4096;

    /** One named trace: its value at each step. */
    record Trace(String name, IntToDoubleFunction value) {
    }

    private final int from;
    private final int steps;
    private final List<Trace> traces;
    /** Per trace the steps drawn, or null when every step is drawn. */
    private final List<int[]> drawn;

    /** A dataset of {@code traces} over {@code steps} steps, each reduced to {@code buckets} runs when longer. */
    TraceDataset(int steps, List<Trace> traces, int buckets) {
        this(0, steps, traces, buckets);
    }

    /**
     * A dataset of {@code traces} over the steps {@code from..to-1} (a window of a longer recording), each reduced
     * to {@code buckets} runs when longer.
     */
    TraceDataset(int from, int to, List<Trace> traces, int buckets) {
        if (from < 0 || to < from || buckets < 1) {
            throw new IllegalArgumentException("steps " + from + ".." + to + ", buckets " + buckets);
        }
        this.from = from;
        this.steps = to - from;
        this.traces = List.copyOf(traces);
        List<int[]> d = new ArrayList<>();
        for (Trace t : this.traces) {
            d.add(steps > 2 * buckets ? extremes(s -> t.value().applyAsDouble(from + s), steps, buckets) : null);
        }
        this.drawn = d;
    }

    /** {@link #TraceDataset(int, List, int)} with {@link #BUCKETS} runs. */
    TraceDataset(int steps, List<Trace> traces) {
        this(steps, traces, BUCKETS);
    }

    /** The steps {@code from..to-1} of {@code traces} with {@link #BUCKETS} runs. */
    TraceDataset(int from, int to, List<Trace> traces) {
        this(from, to, traces, BUCKETS);
    }

    /**
     * For each of {@code buckets} equal runs of the steps, its lowest and highest step in the order they occur (a
     * run whose values are all NaN gives its first step twice, which draws as a gap).
     */
    static int[] extremes(IntToDoubleFunction value, int steps, int buckets) {
        int[] out = new int[2 * buckets];
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * steps / buckets);
            int to = (int) ((long) (b + 1) * steps / buckets);
            int lo = from;
            int hi = from;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int t = from; t < to; t++) {
                double v = value.applyAsDouble(t);
                if (v < min) {
                    min = v;
                    lo = t;
                }
                if (v > max) {
                    max = v;
                    hi = t;
                }
            }
            out[2 * b] = Math.min(lo, hi);
            out[2 * b + 1] = Math.max(lo, hi);
        }
        return out;
    }

    /** Trace {@code series}'s value at {@code step} (every step, not only the drawn ones). */
    double valueAt(int series, int step) {
        return traces.get(series).value().applyAsDouble(step);
    }

    /** True when trace {@code series} is drawn from its runs' extremes rather than every step. */
    boolean reduced(int series) {
        return drawn.get(series) != null;
    }

    /** True when the traces are drawn from their runs' extremes (all are, or none). */
    boolean reduced() {
        return !drawn.isEmpty() && drawn.get(0) != null;
    }

    /** Steps always ascend within a trace, so a renderer may skip what lies outside the step range. */
    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public int getSeriesCount() {
        return traces.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        return traces.get(series).name();
    }

    @Override
    public int getItemCount(int series) {
        int[] d = drawn.get(series);
        return d == null ? steps : d.length;
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return step(series, item);
    }

    @Override
    public double getYValue(int series, int item) {
        return traces.get(series).value().applyAsDouble(step(series, item));
    }

    private int step(int series, int item) {
        int[] d = drawn.get(series);
        return from + (d == null ? item : d[item]);
    }
}
