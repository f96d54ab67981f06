package io.liquidlens.grad;

import io.liquidlens.model.BaselineLayout;
import io.liquidlens.model.FastMath;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.TorchRnnKind;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;

/**
 * A stack of torch {@code LSTM}, {@code GRU} or {@code RNN} layers (docs/BASELINES.md#torch-layers) in double
 * precision with its reverse mode, the twin of {@code model.TorchRnnCell}. Each layer forms {@code a = W_ih in + b_ih}
 * and {@code r = W_hh h + b_hh}; a gate that sums the two has the same slope on both, and only the GRU's candidate
 * (which scales {@code r_n} by the reset gate) gives them different ones.
 *
 * <p><b>How it fits {@link CellGrad}.</b> The state is the layers' hidden units (N = layers x H); an LSTM's cell
 * states follow them in the same vectors ({@link #memorySize()} N more), so {@code h}, {@code hNext}, {@code dhNext}
 * and {@code dh} are {@code [h (N), c (N)]} for an LSTM, as the driver lays out its tape. The output is the last
 * layer's new hidden state. {@code dt} is ignored, as torch ignores it.
 *
 * <p>Tape of one step, per layer: the new hidden state (the next layer's input), then for an LSTM the gates i, f, g,
 * o and tanh(c'), for a GRU the gates r, z, the candidate n and {@code W_hn h + b_hn}.
 */
public final class TorchRnnCellGrad implements CellGrad {
    private final TorchRnnKind kind;
    private final int input;
    private final int hidden;
    private final int layers;
    private final int rows;
    private final int layerTape;
    private final int[] oWih;
    private final int[] oWhh;
    /** -1 without bias. */
    private final int[] oBih;
    private final int[] oBhh;

    private TorchRnnCellGrad(TorchRnnSpec spec, int inputSize, int hidden, ParamSet params) {
        this.kind = spec.kind();
        this.input = inputSize;
        this.hidden = hidden;
        this.layers = spec.numLayers();
        this.rows = kind.gates() * hidden;
        this.layerTape = hidden * switch (kind) {
            case LSTM -> 6;
            case GRU -> 5;
            case RNN_TANH, RNN_RELU -> 1;
        };
        oWih = new int[layers];
        oWhh = new int[layers];
        oBih = new int[layers];
        oBhh = new int[layers];
        for (int l = 0; l < layers; l++) {
            oWih[l] = params.offset(new Tensor(BaselineLayout.weightIh(l), new int[] {rows, l == 0 ? input : hidden},
                    true));
            oWhh[l] = params.offset(new Tensor(BaselineLayout.weightHh(l), new int[] {rows, hidden}, true));
            oBih[l] = spec.bias() ? params.offset(new Tensor(BaselineLayout.biasIh(l), new int[] {rows}, true)) : -1;
            oBhh[l] = spec.bias() ? params.offset(new Tensor(BaselineLayout.biasHh(l), new int[] {rows}, true)) : -1;
        }
    }

    /**
     * The layers of a torch baseline over its {@code rnn.*} tensors in {@code params}.
     *
     * @throws IllegalArgumentException naming a tensor that is missing or misshapen
     */
    public static TorchRnnCellGrad of(ModelSpec spec, ParamSet params) {
        return new TorchRnnCellGrad((TorchRnnSpec) spec.cell(), spec.inputSize(),
                ((UnitsSpec.Dense) spec.units()).units(), params);
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int stateSize() {
        return layers * hidden;
    }

    /** N for an LSTM (its cell states, after the hidden units), 0 otherwise. */
    @Override
    public int memorySize() {
        return kind.hasCellState() ? stateSize() : 0;
    }

    @Override
    public int outputSize() {
        return hidden;
    }

    @Override
    public int tapeSize() {
        return layers * layerTape;
    }

    /** Forward: a and r (2 x rows); backward: their slopes, the layer's dL/dh' and what flows to the layer below. */
    @Override
    public int scratchSize() {
        return 2 * rows + 2 * hidden;
    }

    @Override
    public boolean acceptsNullGradient() {
        return true;
    }

    @Override
    public void prepare(double[] values) {
        // nothing derived: the weights are used as they are
    }

    @Override
    public void forward(double[] v, double[] x, int xo, double dt, double[] h, int ho, double[] hNext, int hno,
                        double[] y, int yo, double[] tape, int to, double[] s) {
        final int n = stateSize();
        double[] in = x;
        int inOff = xo;
        int inSize = input;
        for (int l = 0; l < layers; l++) {
            int lo = l * hidden;
            int t = to + l * layerTape;
            affine(v, oWih[l], oBih[l], in, inOff, inSize, s, 0);
            affine(v, oWhh[l], oBhh[l], h, ho + lo, hidden, s, rows);
            for (int j = 0; j < hidden; j++) {
                double hn = switch (kind) {
                    case LSTM -> lstm(s, j, h[ho + n + lo + j], hNext, hno + n + lo + j, tape, t);
                    case GRU -> gru(s, j, h[ho + lo + j], tape, t);
                    case RNN_TANH -> FastMath.tanhd(s[j] + s[rows + j]);
                    case RNN_RELU -> Math.max(0.0, s[j] + s[rows + j]);
                };
                hNext[hno + lo + j] = hn;
                tape[t + j] = hn;
            }
            in = tape;
            inOff = t;
            inSize = hidden;
        }
        System.arraycopy(tape, to + (layers - 1) * layerTape, y, yo, hidden);
    }

    /** One LSTM unit: records i, f, g, o, tanh(c') after the layer's h'; writes c'; returns h'. */
    private double lstm(double[] s, int j, double c, double[] cNext, int co, double[] tape, int t) {
        int n = hidden;
        double i = FastMath.sigmoidd(s[j] + s[rows + j]);
        double f = FastMath.sigmoidd(s[n + j] + s[rows + n + j]);
        double g = FastMath.tanhd(s[2 * n + j] + s[rows + 2 * n + j]);
        double o = FastMath.sigmoidd(s[3 * n + j] + s[rows + 3 * n + j]);
        double cn = f * c + i * g;
        double tc = FastMath.tanhd(cn);
        cNext[co] = cn;
        tape[t + n + j] = i;
        tape[t + 2 * n + j] = f;
        tape[t + 3 * n + j] = g;
        tape[t + 4 * n + j] = o;
        tape[t + 5 * n + j] = tc;
        return o * tc;
    }

    /** One GRU unit: records r, z, n and W_hn h + b_hn after the layer's h'; returns h'. */
    private double gru(double[] s, int j, double h, double[] tape, int t) {
        int n = hidden;
        double q = FastMath.sigmoidd(s[j] + s[rows + j]);
        double z = FastMath.sigmoidd(s[n + j] + s[rows + n + j]);
        double rn = s[rows + 2 * n + j];
        double cand = FastMath.tanhd(s[2 * n + j] + q * rn);
        tape[t + n + j] = q;
        tape[t + 2 * n + j] = z;
        tape[t + 3 * n + j] = cand;
        tape[t + 4 * n + j] = rn;
        return (1 - z) * cand + z * h;
    }

    /** {@code into[at + r] = W[r] . vec + b[r]} for every gate row r. */
    private void affine(double[] v, int oW, int oB, double[] vec, int vo, int cols, double[] into, int at) {
        for (int r = 0; r < rows; r++) {
            double acc = oB < 0 ? 0.0 : v[oB + r];
            int base = oW + r * cols;
            for (int k = 0; k < cols; k++) {
                acc += v[base + k] * vec[vo + k];
            }
            into[at + r] = acc;
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Layers run top down: what a layer sends back to its input is the layer below's dL/dh' from above, added to
     * what reaches that layer's h' from the next step.
     */
    @Override
    public void backward(double[] v, double[] dy, int dyo, double[] dhNext, int dhno, double[] x, int xo, double dt,
                         double[] h, int ho, double[] tape, int to, double[] dx, int dxo, double[] dh, int dho,
                         double[] grad, double[] s) {
        final int n = stateSize();
        final int da = 0;
        final int dr = rows;
        final int dOut = 2 * rows;
        final int dUp = 2 * rows + hidden;
        for (int l = layers - 1; l >= 0; l--) {
            int lo = l * hidden;
            int t = to + l * layerTape;
            for (int j = 0; j < hidden; j++) {
                double above = l == layers - 1 ? (dy == null ? 0 : dy[dyo + j]) : s[dUp + j];
                s[dOut + j] = dhNext[dhno + lo + j] + above;
            }
            for (int j = 0; j < hidden; j++) {
                double g = s[dOut + j];
                switch (kind) {
                    case LSTM -> {
                        double dc = lstmBack(s, j, g, dhNext[dhno + n + lo + j], h[ho + n + lo + j], tape, t);
                        dh[dho + n + lo + j] = dc;
                        dh[dho + lo + j] = 0;
                    }
                    case GRU -> dh[dho + lo + j] = gruBack(s, j, g, h[ho + lo + j], tape, t);
                    case RNN_TANH, RNN_RELU -> {
                        double hn = tape[t + j];
                        double d = kind == TorchRnnKind.RNN_TANH ? g * (1 - hn * hn) : hn > 0 ? g : 0;
                        s[da + j] = d;
                        s[dr + j] = d;
                        dh[dho + lo + j] = 0;
                    }
                }
            }
            double[] in = l == 0 ? x : tape;
            int inOff = l == 0 ? xo : t - layerTape;
            int inSize = l == 0 ? input : hidden;
            double[] dIn = l == 0 ? dx : s;
            int dInOff = l == 0 ? dxo : dUp;
            transposed(v, oWih[l], s, da, inSize, dIn, dInOff);
            for (int k = 0; k < hidden; k++) {
                double acc = 0;
                for (int r = 0; r < rows; r++) {
                    acc += v[oWhh[l] + r * hidden + k] * s[dr + r];
                }
                dh[dho + lo + k] += acc;
            }
            if (grad != null) {
                accumulate(grad, oWih[l], oBih[l], s, da, in, inOff, inSize);
                accumulate(grad, oWhh[l], oBhh[l], s, dr, h, ho + lo, hidden);
            }
        }
    }

    /** Slopes of one LSTM unit's gates into a and r (the same for both); returns dL/dc of the step before. */
    private double lstmBack(double[] s, int j, double dhn, double dcNext, double c, double[] tape, int t) {
        int n = hidden;
        double i = tape[t + n + j];
        double f = tape[t + 2 * n + j];
        double g = tape[t + 3 * n + j];
        double o = tape[t + 4 * n + j];
        double tc = tape[t + 5 * n + j];
        double dc = dcNext + dhn * o * (1 - tc * tc);
        double di = dc * g * i * (1 - i);
        double df = dc * c * f * (1 - f);
        double dg = dc * i * (1 - g * g);
        double dO = dhn * tc * o * (1 - o);
        s[j] = di;
        s[n + j] = df;
        s[2 * n + j] = dg;
        s[3 * n + j] = dO;
        s[rows + j] = di;
        s[rows + n + j] = df;
        s[rows + 2 * n + j] = dg;
        s[rows + 3 * n + j] = dO;
        return dc * f;
    }

    /**
     * Slopes of one GRU unit's gates into a and r: the candidate reaches {@code r_n} through the reset gate only.
     * Returns the part of dL/dh that h' = ... + z h passes straight through.
     */
    private double gruBack(double[] s, int j, double dhn, double h, double[] tape, int t) {
        int n = hidden;
        double q = tape[t + n + j];
        double z = tape[t + 2 * n + j];
        double cand = tape[t + 3 * n + j];
        double rn = tape[t + 4 * n + j];
        double dPre = dhn * (1 - z) * (1 - cand * cand);
        double dq = dPre * rn * q * (1 - q);
        double dz = dhn * (h - cand) * z * (1 - z);
        s[j] = dq;
        s[n + j] = dz;
        s[2 * n + j] = dPre;
        s[rows + j] = dq;
        s[rows + n + j] = dz;
        s[rows + 2 * n + j] = dPre * q;
        return dhn * z;
    }

    /** {@code out[k] = sum_r W[r][k] d[r]} (overwrites). */
    private void transposed(double[] v, int oW, double[] d, int dOff, int cols, double[] out, int off) {
        for (int k = 0; k < cols; k++) {
            out[off + k] = 0;
        }
        for (int r = 0; r < rows; r++) {
            double g = d[dOff + r];
            int base = oW + r * cols;
            for (int k = 0; k < cols; k++) {
                out[off + k] += v[base + k] * g;
            }
        }
    }

    /** dW += d vec^T, db += d. */
    private void accumulate(double[] grad, int oW, int oB, double[] d, int dOff, double[] vec, int vo, int cols) {
        for (int r = 0; r < rows; r++) {
            double g = d[dOff + r];
            int base = oW + r * cols;
            for (int k = 0; k < cols; k++) {
                grad[base + k] += g * vec[vo + k];
            }
            if (oB >= 0) {
                grad[oB + r] += g;
            }
        }
    }
}
