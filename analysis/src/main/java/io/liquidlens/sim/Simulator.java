package io.liquidlens.sim;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.CellKind;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LtcLanes;
import io.liquidlens.model.StepBuffers;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Runs a {@link LiquidModel} over a batch of sequences, as ncps's {@code forward(input, hx, timespans)}.
 *
 * <p>Each batch element is an independent sequence with its own elapsed times: ncps's batched
 * {@code timespans} are broken for B > 1 (docs/NCPS.md#timespans); we implement the intended per-sample dt.
 *
 * <p>The hot loop works on flat float arrays, allocates nothing per step and writes states and outputs
 * straight into the result arrays. Batches with enough work are split into chunks run on the common
 * fork-join pool; a single sequence runs on the calling thread.
 */
public final class Simulator {
    /** Below this many sample-steps a batch is not worth spreading over threads. */
    private static final long PARALLEL_MIN_STEPS = 512;
    private static final int REPORT_EVERY = 1024;
    /** Most sequences stepped side by side: enough to keep the sigmoids overlapped, few enough for the L1 cache. */
    private static final int MAX_LANES = 64;

    private final LiquidModel model;

    /** A simulator for {@code model}. */
    public Simulator(LiquidModel model) {
        this.model = model;
    }

    /** Runs with default options and no listener. */
    public SimulationResult run(SimulationInput input) {
        return run(input, SimulationOptions.defaults(), ProgressListener.NONE);
    }

    /**
     * Runs the batch.
     *
     * @throws IllegalArgumentException   for arrays of the wrong shape or non-finite / non-positive times
     * @throws CancellationException      when the listener asks to stop
     */
    public SimulationResult run(SimulationInput in, SimulationOptions options, ProgressListener listener) {
        boolean batchFirst = model.spec().cell().batchFirst();
        NdArray x = in.inputs();
        boolean frames = model.head().isPresent();
        int rank = frames ? 5 : 3;
        if (x.rank() != rank) {
            String layout = frames ? (batchFirst ? "(B, L, H, W, C)" : "(L, B, H, W, C)")
                    : (batchFirst ? "(B, L, S)" : "(L, B, S)");
            throw new IllegalArgumentException("inputs must be " + rank + "-D " + layout + ", got shape "
                    + Arrays.toString(x.shape()));
        }
        int b = batchFirst ? x.dim(0) : x.dim(1);
        int l = batchFirst ? x.dim(1) : x.dim(0);
        int s = x.size() / Math.max(1, b * l);
        if (s != model.frameSize() || (frames && !sameFrame(x, model))) {
            throw new IllegalArgumentException(frames
                    ? "frames of shape " + Arrays.toString(Arrays.copyOfRange(x.shape(), 2, 5)) + " do not fit the head's"
                    + " input " + model.head().get().spec().input()
                    : "inputs have " + s + " features per step, the model expects " + model.inputSize());
        }
        int n = model.stateSize();
        int m = model.outputSize();
        Layout layout = new Layout(batchFirst, b, l, s, n, m);
        float[] xs = finite(x, "inputs");
        float[] ts = timespans(in.timespans(), layout);
        float[] h0 = initial(in.hx0(), layout, "hx0");
        float[] c0 = initial(in.cx0(), layout, "cx0");
        if (c0 != null && !model.carriesCellState()) {
            throw new IllegalArgumentException("cx0 given but the model has no mixed memory and is no LSTM, so it carries no cell state");
        }

        float[] outs = new float[b * l * m];
        float[] states = new float[b * l * n];
        float[] tau = options.recordTau() ? new float[b * l * n] : null;
        float[] hx = new float[b * n];
        float[] cx = model.carriesCellState() ? new float[b * n] : null;
        Run run = new Run(layout, xs, ts, h0, c0, outs, states, tau, hx, cx, listener, new AtomicLong());

        long total = (long) b * l;
        if (options.parallel() && b > 1 && total >= PARALLEL_MIN_STEPS) {
            int cores = Runtime.getRuntime().availableProcessors();
            int chunks = Math.min(b, cores * 4);
            IntStream.range(0, chunks).parallel().forEach(k -> run.samples(k * b / chunks, (k + 1) * b / chunks));
        } else {
            run.samples(0, b);
        }
        listener.progress(total, total);
        return new SimulationResult(readout(outs, layout), NdArray.ofFloats(new int[] {b, l, m}, outs),
                NdArray.ofFloats(new int[] {b, l, n}, states), NdArray.ofFloats(new int[] {b, n}, hx),
                cx == null ? null : NdArray.ofFloats(new int[] {b, n}, cx),
                tau == null ? null : NdArray.ofFloats(new int[] {b, l, n}, tau));
    }

    private static boolean sameFrame(NdArray x, LiquidModel model) {
        var in = model.head().get().spec().input();
        return x.dim(2) == in.height() && x.dim(3) == in.width() && x.dim(4) == in.channels();
    }

    private NdArray readout(float[] outs, Layout y) {
        if (!model.spec().cell().returnSequences()) {
            float[] last = new float[y.b * y.m];
            for (int i = 0; i < y.b; i++) {
                System.arraycopy(outs, ((i * y.l) + y.l - 1) * y.m, last, i * y.m, y.m);
            }
            return NdArray.ofFloats(new int[] {y.b, y.m}, last);
        }
        if (y.batchFirst) {
            return NdArray.ofFloats(new int[] {y.b, y.l, y.m}, outs.clone());
        }
        float[] tm = new float[outs.length];
        for (int i = 0; i < y.b; i++) {
            for (int t = 0; t < y.l; t++) {
                System.arraycopy(outs, (i * y.l + t) * y.m, tm, (t * y.b + i) * y.m, y.m);
            }
        }
        return NdArray.ofFloats(new int[] {y.l, y.b, y.m}, tm);
    }

    private static float[] finite(NdArray a, String what) {
        float[] v = a.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " holds " + v[i] + " at flat index " + i);
            }
        }
        return v;
    }

    private float[] timespans(NdArray ts, Layout y) {
        if (ts == null) {
            return null;
        }
        int d0 = y.batchFirst ? y.b : y.l;
        int d1 = y.batchFirst ? y.l : y.b;
        boolean ok = ts.hasShape(d0, d1) || ts.hasShape(d0, d1, 1);
        if (!ok) {
            throw new IllegalArgumentException("timespans must have shape " + Arrays.toString(new int[] {d0, d1})
                    + " or " + Arrays.toString(new int[] {d0, d1, 1}) + ", got " + Arrays.toString(ts.shape()));
        }
        float[] v = finite(ts, "timespans");
        if (model.cellKind() == CellKind.LTC || model.cellKind() == CellKind.CTRNN) {
            for (int i = 0; i < v.length; i++) {
                if (!(v[i] > 0f)) {
                    // cm / (dt / K) is infinite at dt = 0: the LTC solver needs a positive step, and the CT-RNN's
                    // solver, made the same way, would run backwards in time
                    throw new IllegalArgumentException("timespans must be > 0 for " + (model.cellKind() == CellKind.LTC
                            ? "an LTC" : "a CT-RNN") + ", got " + v[i] + " at flat index " + i);
                }
            }
        }
        return v;
    }

    private float[] initial(NdArray a, Layout y, String what) {
        if (a == null) {
            return null;
        }
        if (!a.hasShape(y.b, y.n)) {
            throw new IllegalArgumentException(what + " must have shape " + Arrays.toString(new int[] {y.b, y.n})
                    + ", got " + Arrays.toString(a.shape()));
        }
        return finite(a, what);
    }

    private record Layout(boolean batchFirst, int b, int l, int s, int n, int m) {
        int inputOffset(int sample, int t) {
            return (batchFirst ? sample * l + t : t * b + sample) * s;
        }

        int timeIndex(int sample, int t) {
            return batchFirst ? sample * l + t : t * b + sample;
        }
    }

    /** One simulation's arrays; {@link #samples} runs a range of batch elements with its own buffers. */
    private final class Run {
        private final Layout y;
        private final float[] xs;
        private final float[] ts;
        private final float[] h0;
        private final float[] c0;
        private final float[] outs;
        private final float[] states;
        private final float[] tau;
        private final float[] hx;
        private final float[] cx;
        private final ProgressListener listener;
        private final AtomicLong done;

        Run(Layout y, float[] xs, float[] ts, float[] h0, float[] c0, float[] outs, float[] states, float[] tau,
            float[] hx, float[] cx, ProgressListener listener, AtomicLong done) {
            this.y = y;
            this.xs = xs;
            this.ts = ts;
            this.h0 = h0;
            this.c0 = c0;
            this.outs = outs;
            this.states = states;
            this.tau = tau;
            this.hx = hx;
            this.cx = cx;
            this.listener = listener;
            this.done = done;
        }

        void samples(int from, int to) {
            int lanes = Math.min(MAX_LANES, to - from);
            Optional<LtcLanes> stepper = lanes > 1 ? model.newLanes(lanes) : Optional.empty();
            if (stepper.isEmpty()) {
                oneByOne(from, to);
                return;
            }
            for (int i = from; i < to; i += lanes) {
                int width = Math.min(lanes, to - i);
                LtcLanes group = width == lanes ? stepper.get() : model.newLanes(width).orElseThrow();
                together(i, group);
            }
        }

        /** Samples [first, first + lanes) stepped side by side, lane innermost (same numbers as one by one). */
        private void together(int first, LtcLanes group) {
            final int n = y.n;
            final int m = y.m;
            final int s = y.s;
            final int lanes = group.lanes();
            final long total = (long) y.b * y.l;
            float[] x = new float[s * lanes];
            float[] dt = new float[lanes];
            float[] h = new float[n * lanes];
            float[] out = new float[m * lanes];
            float[] tauLanes = tau == null ? null : new float[n * lanes];
            for (int b = 0; b < lanes; b++) {
                for (int j = 0; j < n; j++) {
                    h[j * lanes + b] = h0 == null ? 0f : h0[(first + b) * n + j];
                }
            }
            int sinceReport = 0;
            for (int t = 0; t < y.l; t++) {
                for (int b = 0; b < lanes; b++) {
                    int in = y.inputOffset(first + b, t);
                    for (int i = 0; i < s; i++) {
                        x[i * lanes + b] = xs[in + i];
                    }
                    dt[b] = ts == null ? 1f : ts[y.timeIndex(first + b, t)];
                }
                group.step(x, dt, h, out, tauLanes);
                for (int b = 0; b < lanes; b++) {
                    int row = (first + b) * y.l + t;
                    for (int o = 0; o < m; o++) {
                        outs[row * m + o] = out[o * lanes + b];
                    }
                    for (int j = 0; j < n; j++) {
                        states[row * n + j] = h[j * lanes + b];
                    }
                    if (tauLanes != null) {
                        for (int j = 0; j < n; j++) {
                            tau[row * n + j] = tauLanes[j * lanes + b];
                        }
                    }
                }
                sinceReport += lanes;
                if (sinceReport >= REPORT_EVERY) {
                    if (listener.isCancelled()) {
                        throw new CancellationException("simulation cancelled");
                    }
                    listener.progress(done.addAndGet(sinceReport), total);
                    sinceReport = 0;
                }
            }
            for (int b = 0; b < lanes; b++) {
                for (int j = 0; j < n; j++) {
                    hx[(first + b) * n + j] = h[j * lanes + b];
                }
            }
            done.addAndGet(sinceReport);
        }

        private void oneByOne(int from, int to) {
            final int n = y.n;
            final int m = y.m;
            final long total = (long) y.b * y.l;
            StepBuffers buf = model.newBuffers();
            float[] h = new float[n];
            float[] c = new float[n];
            int sinceReport = 0;
            for (int i = from; i < to; i++) {
                if (h0 != null) {
                    System.arraycopy(h0, i * n, h, 0, n);
                } else {
                    Arrays.fill(h, 0f);
                }
                if (c0 != null) {
                    System.arraycopy(c0, i * n, c, 0, n);
                } else {
                    Arrays.fill(c, 0f);
                }
                for (int t = 0; t < y.l; t++) {
                    int row = i * y.l + t;
                    float dt = ts == null ? 1f : ts[y.timeIndex(i, t)];
                    model.step(xs, y.inputOffset(i, t), dt, h, c, outs, row * m, tau, row * n, buf);
                    System.arraycopy(h, 0, states, row * n, n);
                    if (++sinceReport == REPORT_EVERY) {
                        sinceReport = 0;
                        if (listener.isCancelled()) {
                            throw new CancellationException("simulation cancelled");
                        }
                        listener.progress(done.addAndGet(REPORT_EVERY), total);
                    }
                }
                System.arraycopy(h, 0, hx, i * n, n);
                if (cx != null) {
                    System.arraycopy(c, 0, cx, i * n, n);
                }
            }
            done.addAndGet(sinceReport);
        }
    }
}
