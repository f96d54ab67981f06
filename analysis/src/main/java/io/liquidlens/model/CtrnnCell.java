package io.liquidlens.model;

import io.liquidlens.model.BaselineLayout.Ctrnn;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.wiring.NeuronRole;

/**
 * A continuous-time RNN (docs/BASELINES.md#ct-rnn): {@code dx/dt = -x / tau + tanh(W x + U u + b)} with
 * {@code tau = softplus(tau_raw)}, advanced over an input step of elapsed time dt by K fused Euler steps of
 * {@code dt / K}, as the LTC's solver advances its ODE: the decay implicit, the drive explicit,
 * {@code x <- (x + (dt / K) tanh(W x + U u + b)) / (1 + (dt / K) / tau)}, every unit from the same x. The input's
 * part {@code U u + b} is computed once per step. The output is every unit's state; {@code tau} receives each
 * unit's time constant.
 */
public final class CtrnnCell implements RecurrentCell {
    private final int input;
    private final int units;
    private final int unfolds;
    private final float[] weightIh;
    private final float[] weightHh;
    private final float[] bias;
    private final float[] tau;

    CtrnnCell(CtrnnSpec spec, int inputSize, int units, StateDictReader r) {
        this.input = inputSize;
        this.units = units;
        this.unfolds = spec.odeUnfolds();
        weightIh = r.take(Ctrnn.WEIGHT_IH.tensor(inputSize, units));
        weightHh = r.take(Ctrnn.WEIGHT_HH.tensor(inputSize, units));
        bias = r.take(Ctrnn.BIAS.tensor(inputSize, units));
        float[] raw = r.take(Ctrnn.TAU_RAW.tensor(inputSize, units));
        tau = new float[units];
        for (int j = 0; j < units; j++) {
            tau[j] = FastMath.softplus(raw[j]);
        }
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
    public int scratchSize() {
        return 2 * units;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A clamped unit is set again after every solver step, so every step sees it at its clamped value.
     */
    @Override
    public void step(float[] x, int xOff, float dt, float[] h, int hOff, float[] c, int cOff, float[] out,
                     int outOff, float[] tauOut, int tauOff, float[] s, Clamp clamp) {
        final int n = units;
        final int drive = n;
        // as the LTC's solver: the step length is float32(dt / K) (docs/NCPS.md#fused-ode-solver)
        float step = (float) ((double) dt / unfolds);
        for (int j = 0; j < n; j++) {
            float acc = 0f;
            int base = j * input;
            for (int i = 0; i < input; i++) {
                acc += weightIh[base + i] * x[xOff + i];
            }
            s[j] = acc + bias[j];
        }
        clamp.apply(h, hOff);
        for (int u = 0; u < unfolds; u++) {
            for (int j = 0; j < n; j++) {
                float acc = 0f;
                int base = j * n;
                for (int k = 0; k < n; k++) {
                    acc += weightHh[base + k] * h[hOff + k];
                }
                s[drive + j] = FastMath.tanh(acc + s[j]);
            }
            for (int j = 0; j < n; j++) {
                h[hOff + j] = (h[hOff + j] + step * s[drive + j]) / (1f + step / tau[j]);
            }
            clamp.apply(h, hOff);
        }
        if (tauOut != null) {
            System.arraycopy(tau, 0, tauOut, tauOff, n);
        }
        readout(h, hOff, out, outOff);
    }

    /** {@inheritDoc} Every unit's state. */
    @Override
    public void readout(float[] h, int hOff, float[] out, int outOff) {
        System.arraycopy(h, hOff, out, outOff, units);
    }

    /** A unit's incoming weights, bias and time constant are its own. */
    void count(ParameterCounts.Tally t, NeuronRole[] stateRoles) {
        long perUnit = (long) input + units + 2;
        t.tensor(perUnit * units);
        for (int j = 0; j < units; j++) {
            t.neuron(stateRoles[j], perUnit);
        }
    }
}
