package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.io.NdArray;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationOptions;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import io.liquidlens.testing.CtrnnWeights;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The CT-RNN (docs/BASELINES.md#ct-rnn) has no torch to compare with: it is checked against a plain double-precision
 * evaluation of its equations written here, and against what its ODE does without input (decay towards 0 at the rate
 * 1 / tau; the fixed point x = tau tanh(W x + b)).
 */
class CtrnnCellTest {
    private static final int S = 3;
    private static final int N = 7;
    private static final int M = 2;

    @Test
    void stepsAsTheFusedEulerEquationsSayInDoublePrecision() {
        Map<String, NdArray> w = CtrnnWeights.random(S, N, M, 11);
        int unfolds = 6;
        int b = 2;
        int l = 25;
        SplittableRandom rng = new SplittableRandom(5);
        float[] x = new float[b * l * S];
        float[] dt = new float[b * l];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextDouble() * 4 - 2);
        }
        for (int i = 0; i < dt.length; i++) {
            dt[i] = (float) (0.05 + rng.nextDouble());
        }
        LiquidModel model = LiquidModel.fromStateDict(CtrnnWeights.spec(S, N, M, unfolds), w);

        SimulationResult run = new Simulator(model).run(new SimulationInput(NdArray.ofFloats(new int[] {b, l, S}, x),
                NdArray.ofFloats(new int[] {b, l}, dt), null, null), SimulationOptions.defaults().withTau(true),
                io.liquidlens.sim.ProgressListener.NONE);

        double[] u = w.get("rnn.weight_ih").toDoubleArray();
        double[] wh = w.get("rnn.weight_hh").toDoubleArray();
        double[] bias = w.get("rnn.bias").toDoubleArray();
        double[] tau = w.get("rnn.tau_raw").toDoubleArray();
        for (int j = 0; j < N; j++) {
            tau[j] = Math.log1p(Math.exp(tau[j]));
        }
        double[] fcW = w.get("fc.weight").toDoubleArray();
        double[] fcB = w.get("fc.bias").toDoubleArray();
        float[] outputs = run.outputs().toFloatArray();
        float[] states = run.states().toFloatArray();
        for (int seq = 0; seq < b; seq++) {
            double[] state = new double[N];
            for (int t = 0; t < l; t++) {
                double h = dt[seq * l + t] / unfolds;
                for (int k = 0; k < unfolds; k++) {
                    double[] next = new double[N];
                    for (int j = 0; j < N; j++) {
                        double a = bias[j];
                        for (int i = 0; i < S; i++) {
                            a += u[j * S + i] * x[(seq * l + t) * S + i];
                        }
                        for (int i = 0; i < N; i++) {
                            a += wh[j * N + i] * state[i];
                        }
                        // dx/dt = -x / tau + tanh(a): the decay taken at the new x, the drive at the old one
                        next[j] = (state[j] + h * Math.tanh(a)) / (1 + h / tau[j]);
                    }
                    state = next;
                }
                for (int j = 0; j < N; j++) {
                    assertThat((double) states[(seq * l + t) * N + j]).as("state %d at step %d", j, t)
                            .isCloseTo(state[j], Offset.offset(1e-5));
                }
                for (int o = 0; o < M; o++) {
                    double y = fcB[o];
                    for (int j = 0; j < N; j++) {
                        y += fcW[o * N + j] * state[j];
                    }
                    assertThat((double) outputs[(seq * l + t) * M + o]).isCloseTo(y, Offset.offset(1e-5));
                }
            }
        }
        float[] reported = run.tau().toFloatArray();
        for (int j = 0; j < N; j++) {
            assertThat((double) reported[j]).as("time constant of unit %d", j).isCloseTo(tau[j], Offset.offset(1e-6));
        }
    }

    @Test
    void withoutInputOrWeightsTheStateDecaysAtOneOverTau() {
        Map<String, NdArray> w = CtrnnWeights.with(CtrnnWeights.with(CtrnnWeights.with(
                CtrnnWeights.random(S, N, M, 3), "rnn.weight_hh", 0f), "rnn.bias", 0f), "rnn.tau_raw", 2f);
        double tau = Math.log1p(Math.exp(2.0));
        float dt = 0.5f;
        float[] h0 = new float[N];
        for (int j = 0; j < N; j++) {
            h0[j] = j - 3f;
        }
        for (int unfolds : new int[] {6, 1000}) {
            LiquidModel model = LiquidModel.fromStateDict(CtrnnWeights.spec(S, N, M, unfolds), w);
            SimulationResult run = new Simulator(model).run(new SimulationInput(NdArray.ofFloats(new int[] {1, 1, S},
                    new float[S]), NdArray.ofFloats(new int[] {1, 1}, new float[] {dt}),
                    NdArray.ofFloats(new int[] {1, N}, h0), null));
            float[] x = run.hx().toFloatArray();
            double solver = Math.pow(1 + dt / unfolds / tau, -unfolds);
            for (int j = 0; j < N; j++) {
                assertThat((double) x[j]).as("%d unfolds, unit %d", unfolds, j)
                        .isCloseTo(h0[j] * solver, Offset.offset(1e-5));
                if (unfolds == 1000) {
                    // the implicit Euler decay tends to the ODE's exp(-dt / tau) as the steps shrink
                    assertThat((double) x[j]).isCloseTo(h0[j] * Math.exp(-dt / tau), Offset.offset(1e-4));
                }
            }
        }
    }

    @Test
    void withoutInputTheStateSettlesAtTheOdesFixedPoint() {
        Map<String, NdArray> w = CtrnnWeights.random(S, N, M, 8);
        // a weaker W, so that x = tau tanh(W x + b) has one fixed point and the ODE settles there
        float[] weak = w.get("rnn.weight_hh").toFloatArray();
        for (int i = 0; i < weak.length; i++) {
            weak[i] *= 0.2f;
        }
        w.put("rnn.weight_hh", NdArray.ofFloats(new int[] {N, N}, weak));
        LiquidModel model = LiquidModel.fromStateDict(CtrnnWeights.spec(S, N, M, 6), w);
        int steps = 400;

        SimulationResult run = new Simulator(model).run(SimulationInput.of(NdArray.ofFloats(new int[] {1, steps, S},
                new float[steps * S])));

        double[] wh = w.get("rnn.weight_hh").toDoubleArray();
        double[] bias = w.get("rnn.bias").toDoubleArray();
        double[] tau = w.get("rnn.tau_raw").toDoubleArray();
        double[] fixed = new double[N];
        for (int iteration = 0; iteration < 2000; iteration++) {
            double[] next = new double[N];
            for (int j = 0; j < N; j++) {
                double a = bias[j];
                for (int i = 0; i < N; i++) {
                    a += wh[j * N + i] * fixed[i];
                }
                next[j] = Math.log1p(Math.exp(tau[j])) * Math.tanh(a);
            }
            fixed = next;
        }
        float[] x = run.hx().toFloatArray();
        for (int j = 0; j < N; j++) {
            assertThat((double) x[j]).as("unit %d", j).isCloseTo(fixed[j], Offset.offset(1e-4));
        }
        assertThat(Math.abs(fixed[0])).as("the fixed point is not the trivial 0").isGreaterThan(1e-2);
    }

    @Test
    void elapsedTimesMustBePositive() {
        LiquidModel model = LiquidModel.fromStateDict(CtrnnWeights.spec(S, N, M, 6), CtrnnWeights.random(S, N, M, 1));

        assertThatThrownBy(() -> new Simulator(model).run(new SimulationInput(NdArray.ofFloats(new int[] {1, 2, S},
                new float[2 * S]), NdArray.ofFloats(new int[] {1, 2}, new float[] {1f, 0f}), null, null)))
                .hasMessageContaining("timespans must be > 0 for a CT-RNN");
    }
}
