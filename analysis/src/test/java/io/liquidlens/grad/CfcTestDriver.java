package io.liquidlens.grad;

/**
 * Test-only backpropagation through time for one sequence: the cell over L steps, then an optional
 * projection {@code fc} (read from the ParamSet when it has {@code fc.weight}/{@code fc.bias}), with the loss
 * {@code sum_t out_t . G_t}. The production driver ({@code SequenceGradient}, mixed memory included) is
 * written elsewhere; this one exists so the CfC cells can be checked against the fixtures now.
 *
 * <p>It passes the same array as {@code dhNext} and {@code dh} to the cell's backward (the harder case for
 * the cell), and allocates all buffers once.
 */
final class CfcTestDriver {
    private final CellGrad cell;
    private final ParamSet params;
    private final int steps;
    private final int s;
    private final int n;
    private final int m;
    private final int p;
    private final int fcW;
    private final int fcB;
    private final double[] tape;
    private final double[] states;
    private final double[] cellOut;
    private final double[] scratch;
    private final double[] dh;
    private final double[] dy;

    /** What one run produced: per-step outputs (after fc) and states, the loss, and its gradients. */
    record Result(double[] outputs, double[] states, double loss, double[] inputGrad, double[] h0Grad, double[] grad) {
    }

    CfcTestDriver(CellGrad cell, ParamSet params, int steps) {
        this.cell = cell;
        this.params = params;
        this.steps = steps;
        this.s = cell.inputSize();
        this.n = cell.stateSize();
        this.m = cell.outputSize();
        boolean fc = params.has("fc.weight");
        this.fcW = fc ? params.param("fc.weight").offset() : -1;
        this.fcB = fc ? params.param("fc.bias").offset() : -1;
        this.p = fc ? params.param("fc.bias").size() : m;
        tape = new double[steps * cell.tapeSize()];
        states = new double[(steps + 1) * n];
        cellOut = new double[steps * m];
        scratch = new double[cell.scratchSize()];
        dh = new double[n];
        dy = new double[m];
    }

    int outputSize() {
        return p;
    }

    /** Forward only: the loss sum_t out_t . G_t (and fills the buffers backward reads). */
    double loss(double[] x, double[] dt, double[] h0, double[] g, double[] outputs) {
        double[] v = params.values();
        System.arraycopy(h0, 0, states, 0, n);
        int ts = cell.tapeSize();
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            cell.forward(v, x, t * s, dt[t], states, t * n, states, (t + 1) * n, cellOut, t * m, tape, t * ts, scratch);
            for (int o = 0; o < p; o++) {
                double out;
                if (fcW < 0) {
                    out = cellOut[t * m + o];
                } else {
                    out = v[fcB + o];
                    for (int k = 0; k < m; k++) {
                        out += v[fcW + o * m + k] * cellOut[t * m + k];
                    }
                }
                if (outputs != null) {
                    outputs[t * p + o] = out;
                }
                loss += out * g[t * p + o];
            }
        }
        return loss;
    }

    /** Forward and backward. */
    Result run(double[] x, double[] dt, double[] h0, double[] g) {
        double[] outputs = new double[steps * p];
        double loss = loss(x, dt, h0, g, outputs);
        double[] v = params.values();
        double[] grad = params.newGradient();
        double[] dx = new double[steps * s];
        java.util.Arrays.fill(dh, 0);
        int ts = cell.tapeSize();
        for (int t = steps - 1; t >= 0; t--) {
            if (fcW < 0) {
                System.arraycopy(g, t * p, dy, 0, m);
            } else {
                java.util.Arrays.fill(dy, 0);
                for (int o = 0; o < p; o++) {
                    double go = g[t * p + o];
                    grad[fcB + o] += go;
                    for (int k = 0; k < m; k++) {
                        grad[fcW + o * m + k] += go * cellOut[t * m + k];
                        dy[k] += go * v[fcW + o * m + k];
                    }
                }
            }
            cell.backward(v, dy, 0, dh, 0, x, t * s, dt[t], states, t * n, tape, t * ts, dx, t * s, dh, 0, grad, scratch);
        }
        double[] trace = new double[steps * n];
        System.arraycopy(states, n, trace, 0, trace.length);
        return new Result(outputs, trace, loss, dx, dh.clone(), grad);
    }
}
