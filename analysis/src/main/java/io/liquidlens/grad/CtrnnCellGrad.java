package io.liquidlens.grad;

import io.liquidlens.model.BaselineLayout.Ctrnn;
import io.liquidlens.model.FastMath;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;

/**
 * The CT-RNN (docs/BASELINES.md#ct-rnn) in double precision with its reverse mode, the twin of
 * {@code model.CtrnnCell}: K fused Euler steps {@code x <- (x + h tanh(W x + U u + b)) / (1 + h / tau)} with
 * {@code h = dt / K} and {@code tau = softplus(tau_raw)}. The output is the new state.
 *
 * <p>Backward, per solver step from the last: with g = dL/dx' and {@code d = 1 + h / tau}, the state before gets
 * {@code g / d} directly and {@code W^T p} through the drive, where {@code p = g (h / d) (1 - s^2)} is the slope of
 * the drive's sum; tau gets {@code g x' h / (tau^2 d)}, since {@code x' = num / d}. The input's part
 * {@code U u + b} enters every solver step, so its slopes are summed over them before they reach U, b and u.
 *
 * <p>Tape of one input step: per solver step the drive {@code s = tanh(...)} and the state after it (2N).
 */
public final class CtrnnCellGrad implements CellGrad {
    private final int input;
    private final int units;
    private final int unfolds;
    private final int oU;
    private final int oW;
    private final int oB;
    private final int oTau;
    /** tau = softplus(tau_raw) and its slope sigmoid(tau_raw) (1 above 20), from {@link #prepare}. */
    private final double[] tau;
    private final double[] tauSlope;

    private CtrnnCellGrad(CtrnnSpec spec, int inputSize, int units, ParamSet params) {
        this.input = inputSize;
        this.units = units;
        this.unfolds = spec.odeUnfolds();
        oU = params.offset(Ctrnn.WEIGHT_IH.tensor(inputSize, units));
        oW = params.offset(Ctrnn.WEIGHT_HH.tensor(inputSize, units));
        oB = params.offset(Ctrnn.BIAS.tensor(inputSize, units));
        oTau = params.offset(Ctrnn.TAU_RAW.tensor(inputSize, units));
        tau = new double[units];
        tauSlope = new double[units];
        prepare(params.values());
    }

    /**
     * The CT-RNN of {@code spec} over its {@code rnn.*} tensors in {@code params}.
     *
     * @throws IllegalArgumentException naming a tensor that is missing or misshapen
     */
    public static CtrnnCellGrad of(ModelSpec spec, ParamSet params) {
        return new CtrnnCellGrad((CtrnnSpec) spec.cell(), spec.inputSize(), ((UnitsSpec.Dense) spec.units()).units(),
                params);
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int stateSize() {
        return units;
    }

    @Override
    public int outputSize() {
        return units;
    }

    @Override
    public int tapeSize() {
        return unfolds * 2 * units;
    }

    /** Forward: U u + b; backward: dL/dx, the drive's slopes and their sum over the solver steps. */
    @Override
    public int scratchSize() {
        return 3 * units;
    }

    @Override
    public boolean acceptsNullGradient() {
        return true;
    }

    @Override
    public void prepare(double[] v) {
        for (int j = 0; j < units; j++) {
            double raw = v[oTau + j];
            // torch's softplus (threshold 20), as model.FastMath.softplus
            tau[j] = raw > 20 ? raw : Math.log1p(Math.exp(raw));
            tauSlope[j] = raw > 20 ? 1 : FastMath.sigmoidd(raw);
        }
    }

    @Override
    public void forward(double[] v, double[] x, int xo, double dt, double[] h, int ho, double[] hNext, int hno,
                        double[] y, int yo, double[] tape, int to, double[] s) {
        final int n = units;
        final double step = dt / unfolds;
        for (int j = 0; j < n; j++) {
            double acc = v[oB + j];
            int base = oU + j * input;
            for (int i = 0; i < input; i++) {
                acc += v[base + i] * x[xo + i];
            }
            s[j] = acc;
        }
        double[] cur = h;
        int co = ho;
        for (int u = 0; u < unfolds; u++) {
            int drive = to + u * 2 * n;
            int next = drive + n;
            for (int j = 0; j < n; j++) {
                double acc = s[j];
                int base = oW + j * n;
                for (int k = 0; k < n; k++) {
                    acc += v[base + k] * cur[co + k];
                }
                tape[drive + j] = FastMath.tanhd(acc);
            }
            for (int j = 0; j < n; j++) {
                tape[next + j] = (cur[co + j] + step * tape[drive + j]) / (1 + step / tau[j]);
            }
            cur = tape;
            co = next;
        }
        System.arraycopy(cur, co, hNext, hno, n);
        System.arraycopy(cur, co, y, yo, n);
    }

    @Override
    public void backward(double[] v, double[] dy, int dyo, double[] dhNext, int dhno, double[] x, int xo, double dt,
                         double[] h, int ho, double[] tape, int to, double[] dx, int dxo, double[] dh, int dho,
                         double[] grad, double[] s) {
        final int n = units;
        final double step = dt / unfolds;
        final int g = 0;
        final int p = n;
        final int sum = 2 * n;
        for (int j = 0; j < n; j++) {
            s[g + j] = dhNext[dhno + j] + (dy == null ? 0 : dy[dyo + j]);
            s[sum + j] = 0;
        }
        for (int u = unfolds - 1; u >= 0; u--) {
            int drive = to + u * 2 * n;
            int after = drive + n;
            double[] before = u == 0 ? h : tape;
            int bo = u == 0 ? ho : drive - n;
            for (int j = 0; j < n; j++) {
                double d = 1 + step / tau[j];
                double sj = tape[drive + j];
                double gj = s[g + j];
                s[p + j] = gj * (step / d) * (1 - sj * sj);
                s[sum + j] += s[p + j];
                if (grad != null) {
                    grad[oTau + j] += gj * tape[after + j] * step / (tau[j] * tau[j] * d) * tauSlope[j];
                }
                s[g + j] = gj / d;
            }
            for (int j = 0; j < n; j++) {
                double pj = s[p + j];
                int base = oW + j * n;
                for (int k = 0; k < n; k++) {
                    s[g + k] += v[base + k] * pj;
                }
                if (grad != null) {
                    for (int k = 0; k < n; k++) {
                        grad[base + k] += pj * before[bo + k];
                    }
                }
            }
        }
        System.arraycopy(s, g, dh, dho, n);
        for (int i = 0; i < input; i++) {
            dx[dxo + i] = 0;
        }
        for (int j = 0; j < n; j++) {
            double pj = s[sum + j];
            int base = oU + j * input;
            for (int i = 0; i < input; i++) {
                dx[dxo + i] += v[base + i] * pj;
            }
            if (grad != null) {
                for (int i = 0; i < input; i++) {
                    grad[base + i] += pj * x[xo + i];
                }
                grad[oB + j] += pj;
            }
        }
    }
}
