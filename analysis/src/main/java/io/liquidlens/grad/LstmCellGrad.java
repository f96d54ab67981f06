package io.liquidlens.grad;

import io.liquidlens.model.FastMath;
import io.liquidlens.model.StateDictLayout.Lstm;

/**
 * ncps's mixed-memory {@code LSTMCell} (docs/NCPS.md#mixed-memory) in double precision with its reverse mode:
 * {@code z = input_map(x) + recurrent_map(h)}, chunks i, ig, fg, og;
 * {@code c' = c sigmoid(fg + 1) + tanh(i) sigmoid(ig)}, {@code h' = tanh(c') sigmoid(og)}.
 *
 * <p><b>How it fits {@link CellGrad}.</b> Its state is the pair (h, c) laid out as one vector
 * {@code [h (N), c (N)]} of {@link #stateSize()} 2N, and its output is h' (N), a copy of the first half of
 * the next state, so that the driver can hand h' to the liquid cell. {@code dt} is ignored. In the
 * backward pass the gradients arriving through {@code dy} and through {@code dhNext[0..N)} are simply
 * added. The driver passes {@code dy == null} and puts everything downstream of h' into
 * {@code dhNext}.
 *
 * <p>Parameters: {@code lstm.input_map.weight} (4N, S), {@code lstm.input_map.bias} (4N) and
 * {@code lstm.recurrent_map.weight} (4N, N), read straight from the value vector (nothing to prepare).
 *
 * <p>Tape of one step (6N doubles): tanh(i), sigmoid(ig), sigmoid(fg + 1), sigmoid(og), c', tanh(c').
 */
public final class LstmCellGrad implements CellGrad {
    private final int input;
    private final int hidden;
    private final int oInW;
    private final int oInB;
    private final int oRecW;

    /**
     * An LSTM over the {@code lstm.*} tensors of {@code params}.
     *
     * @param inputSize S
     * @param hidden    N, the liquid cell's state size
     */
    public LstmCellGrad(int inputSize, int hidden, ParamSet params) {
        this.input = inputSize;
        this.hidden = hidden;
        oInW = params.offset(Lstm.INPUT_MAP_WEIGHT.tensor(inputSize, hidden));
        oInB = params.offset(Lstm.INPUT_MAP_BIAS.tensor(inputSize, hidden));
        oRecW = params.offset(Lstm.RECURRENT_MAP_WEIGHT.tensor(inputSize, hidden));
    }

    @Override
    public int inputSize() {
        return input;
    }

    /** 2N: the state is {@code [h, c]}. */
    @Override
    public int stateSize() {
        return 2 * hidden;
    }

    /** N: the output is h'. */
    @Override
    public int outputSize() {
        return hidden;
    }

    @Override
    public int tapeSize() {
        return 6 * hidden;
    }

    @Override
    public int scratchSize() {
        return 4 * hidden;
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
                        double[] y, int yo, double[] tape, int to, double[] z) {
        final int nh = hidden;
        final int rows = 4 * nh;
        for (int r = 0; r < rows; r++) {
            double a = v[oInB + r];
            int base = oInW + r * input;
            for (int k = 0; k < input; k++) {
                a += v[base + k] * x[xo + k];
            }
            base = oRecW + r * nh;
            for (int k = 0; k < nh; k++) {
                a += v[base + k] * h[ho + k];
            }
            z[r] = a;
        }
        for (int j = 0; j < nh; j++) {
            double ti = FastMath.tanhd(z[j]);
            double si = FastMath.sigmoidd(z[nh + j]);
            double sf = FastMath.sigmoidd(z[2 * nh + j] + 1.0);
            double so = FastMath.sigmoidd(z[3 * nh + j]);
            double c = h[ho + nh + j] * sf + ti * si;
            double tc = FastMath.tanhd(c);
            double hn = tc * so;
            tape[to + j] = ti;
            tape[to + nh + j] = si;
            tape[to + 2 * nh + j] = sf;
            tape[to + 3 * nh + j] = so;
            tape[to + 4 * nh + j] = c;
            tape[to + 5 * nh + j] = tc;
            hNext[hno + j] = hn;
            hNext[hno + nh + j] = c;
            y[yo + j] = hn;
        }
    }

    @Override
    public void backward(double[] v, double[] dy, int dyo, double[] dhNext, int dhno, double[] x, int xo, double dt,
                         double[] h, int ho, double[] tape, int to, double[] dx, int dxo, double[] dh, int dho,
                         double[] grad, double[] dz) {
        final int nh = hidden;
        final int rows = 4 * nh;
        for (int j = 0; j < nh; j++) {
            double dhn = dhNext[dhno + j] + (dy == null ? 0 : dy[dyo + j]);
            double ti = tape[to + j];
            double si = tape[to + nh + j];
            double sf = tape[to + 2 * nh + j];
            double so = tape[to + 3 * nh + j];
            double tc = tape[to + 5 * nh + j];
            double dc = dhNext[dhno + nh + j] + dhn * so * (1 - tc * tc);
            double cPrev = h[ho + nh + j];
            dz[j] = dc * si * (1 - ti * ti);
            dz[nh + j] = dc * ti * si * (1 - si);
            dz[2 * nh + j] = dc * cPrev * sf * (1 - sf);
            dz[3 * nh + j] = dhn * tc * so * (1 - so);
            dh[dho + nh + j] = dc * sf;
        }
        for (int k = 0; k < input; k++) {
            dx[dxo + k] = 0;
        }
        for (int k = 0; k < nh; k++) {
            dh[dho + k] = 0;
        }
        for (int r = 0; r < rows; r++) {
            double d = dz[r];
            int base = oInW + r * input;
            for (int k = 0; k < input; k++) {
                dx[dxo + k] += v[base + k] * d;
            }
            base = oRecW + r * nh;
            for (int k = 0; k < nh; k++) {
                dh[dho + k] += v[base + k] * d;
            }
            if (grad != null) {
                base = oInW + r * input;
                for (int k = 0; k < input; k++) {
                    grad[base + k] += d * x[xo + k];
                }
                grad[oInB + r] += d;
                base = oRecW + r * nh;
                for (int k = 0; k < nh; k++) {
                    grad[base + k] += d * h[ho + k];
                }
            }
        }
    }
}
