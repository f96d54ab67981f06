package io.liquidlens.spec;

import io.liquidlens.Limits;

/**
 * A continuous-time RNN, the NCP paper's third baseline, which torch does not have: {@code dx/dt = -x / tau +
 * tanh(W x + U u + b)} solved with {@code odeUnfolds} fused Euler steps per input step, as the LTC is
 * (docs/BASELINES.md#ct-rnn), with a linear readout on every step.
 *
 * @param odeUnfolds solver steps per input step
 * @param batchFirst input is (B, L, S) when true, (L, B, S) when false
 * @param readout    the linear readout
 */
public record CtrnnSpec(int odeUnfolds, boolean batchFirst, ReadoutSpec readout) implements BaselineSpec {
    /** The LTC's default number of unfolds. */
    public static final int DEFAULT_UNFOLDS = 6;

    /** Validates the solver's steps. */
    public CtrnnSpec {
        if (readout == null) {
            throw new IllegalArgumentException("readout must not be null");
        }
        if (odeUnfolds < 1 || odeUnfolds > Limits.ODE_UNFOLDS) {
            throw new IllegalArgumentException("ode_unfolds must be in 1.." + Limits.ODE_UNFOLDS + ", got "
                    + odeUnfolds);
        }
    }

    @Override
    public String ncpsClass() {
        return "CTRNN";
    }

    @Override
    public int layers() {
        return 1;
    }

    @Override
    public String describe() {
        return "a CT-RNN baseline";
    }
}
