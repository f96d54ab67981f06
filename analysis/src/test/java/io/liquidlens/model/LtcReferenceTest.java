package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationOptions;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sparse LTC against a dense double-precision reference written here from docs/NCPS.md#fused-ode-solver with the
 * raw JSON parameters, and its liquid time constants against the same formula evaluated on ncps's own states.
 */
class LtcReferenceTest {
    private static final String CASE = "ltc_autoncp19_1_default";

    /** Raw LTC parameters of a state dict, as doubles. */
    private record Params(int s, int n, int m, boolean implicit, int unfolds, double[] gleak, double[] vleak,
                          double[] cm, double[] sigma, double[] mu, double[] w, double[] erev, double[] sSigma,
                          double[] sMu, double[] sW, double[] sErev, double[] mask, double[] sMask, double[] inW,
                          double[] inB) {
        static Params of(Map<String, NdArray> sd, boolean implicit, int unfolds) {
            int n = sd.get("rnn_cell.gleak").dim(0);
            int s = sd.get("rnn_cell.sensory_w").dim(0);
            return new Params(s, n, sd.get("rnn_cell.output_w").dim(0), implicit, unfolds, d(sd, "gleak"),
                    d(sd, "vleak"), d(sd, "cm"), d(sd, "sigma"), d(sd, "mu"), d(sd, "w"), d(sd, "erev"),
                    d(sd, "sensory_sigma"), d(sd, "sensory_mu"), d(sd, "sensory_w"), d(sd, "sensory_erev"),
                    d(sd, "sparsity_mask"), d(sd, "sensory_sparsity_mask"), d(sd, "input_w"), d(sd, "input_b"));
        }

        private static double[] d(Map<String, NdArray> sd, String name) {
            return sd.get("rnn_cell." + name).toDoubleArray();
        }

        double f(double x) {
            return implicit ? (x > 20 ? x : Math.log1p(Math.exp(x))) : x;
        }

        double[] mapped(double[] x) {
            double[] out = new double[s];
            for (int i = 0; i < s; i++) {
                out[i] = x[i] * inW[i] + inB[i];
            }
            return out;
        }

        /** One dense step: every (source, destination) pair, masked by multiplication. */
        double[] step(double[] x, double[] v0, double dt) {
            double[] xm = mapped(x);
            double[] numS = new double[n];
            double[] denS = new double[n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < s; i++) {
                    int k = i * n + j;
                    double a = f(sW[k]) * sig(sSigma[k] * (xm[i] - sMu[k])) * sMask[k];
                    numS[j] += a * sErev[k];
                    denS[j] += a;
                }
            }
            double[] v = v0.clone();
            for (int u = 0; u < unfolds; u++) {
                double[] next = new double[n];
                for (int j = 0; j < n; j++) {
                    double num = 0;
                    double den = 0;
                    for (int i = 0; i < n; i++) {
                        int k = i * n + j;
                        double a = f(w[k]) * sig(sigma[k] * (v[i] - mu[k])) * mask[k];
                        num += a * erev[k];
                        den += a;
                    }
                    double cmt = f(cm[j]) / (dt / unfolds);
                    next[j] = (cmt * v[j] + f(gleak[j]) * vleak[j] + num + numS[j])
                            / (cmt + f(gleak[j]) + den + denS[j] + 1e-8);
                }
                v = next;
            }
            return v;
        }

        /** tau_j = f(cm_j) / (f(gleak_j) + sum_i W_ij sig(x_i) + sum_s W_sj sig(I_s)) at state v. */
        double[] tau(double[] x, double[] v) {
            double[] xm = mapped(x);
            double[] t = new double[n];
            for (int j = 0; j < n; j++) {
                double g = f(gleak[j]);
                for (int i = 0; i < n; i++) {
                    int k = i * n + j;
                    g += f(w[k]) * mask[k] * sig(sigma[k] * (v[i] - mu[k]));
                }
                for (int i = 0; i < s; i++) {
                    int k = i * n + j;
                    g += f(sW[k]) * sMask[k] * sig(sSigma[k] * (xm[i] - sMu[k]));
                }
                t[j] = f(cm[j]) / g;
            }
            return t;
        }

        private static double sig(double z) {
            return 1 / (1 + Math.exp(-z));
        }
    }

    private static double[] slice(float[] a, int from, int len) {
        double[] out = new double[len];
        for (int i = 0; i < len; i++) {
            out[i] = a[from + i];
        }
        return out;
    }

    private static SimulationResult simulate(LiquidModel model, NdArray input, NdArray ts, boolean tau) {
        return new Simulator(model).run(new SimulationInput(input, ts, null, null), new SimulationOptions(tau, false),
                ProgressListener.NONE);
    }

    private static double maxDenseError(JsonNode c, Map<String, NdArray> sd, NdArray input) {
        LiquidModel model = LiquidModel.fromStateDict(FixtureModels.spec(c), FixtureModels.wiring(c), sd);
        Params p = Params.of(sd, true, 6);
        SimulationResult r = simulate(model, input, null, false);
        float[] x = input.toFloatArray();
        float[] states = r.states().toFloatArray();
        int b = input.dim(0);
        int l = input.dim(1);
        double worst = 0;
        for (int i = 0; i < b; i++) {
            double[] v = new double[p.n()];
            for (int t = 0; t < l; t++) {
                v = p.step(slice(x, (i * l + t) * p.s(), p.s()), v, 1.0);
                for (int j = 0; j < p.n(); j++) {
                    worst = Math.max(worst, Math.abs(v[j] - states[(i * l + t) * p.n() + j]));
                }
            }
        }
        return worst;
    }

    @Test
    void sparseSolverEqualsDenseReference() {
        for (String name : new String[] {CASE, "ltc_fullyconnected16"}) {
            JsonNode c = Fixtures.caseNamed("ltc.json", name);
            double err = maxDenseError(c, FixtureModels.stateDict(c), FixtureModels.tensor(c.get("input")));
            assertThat(err).as(name).isLessThan(1e-5);
        }
    }

    @Test
    void checkpointMasksDecideWhichSynapsesExistNotTheWiring() {
        JsonNode c = Fixtures.caseNamed("ltc.json", CASE);
        Map<String, NdArray> sd = FixtureModels.stateDict(c);
        float[] mask = sd.get("rnn_cell.sparsity_mask").toFloatArray();
        int n = 19;
        mask[1 * n + 0] = 0f;  // cut 1 -> 0, which the wiring has
        mask[8 * n + 2] = 0f;  // cut 8 -> 2
        mask[0 * n + 5] = 1f;  // add 0 -> 5, which the wiring lacks
        mask[12 * n + 12] = 1f; // add a self-loop on an inter neuron
        sd.put("rnn_cell.sparsity_mask", NdArray.ofFloats(new int[] {n, n}, mask));
        NdArray input = FixtureModels.tensor(c.get("input"));

        double err = maxDenseError(c, sd, input);
        assertThat(err).isLessThan(1e-5);
        LiquidModel cut = LiquidModel.fromStateDict(FixtureModels.spec(c), FixtureModels.wiring(c), sd);
        int nonZero = 0;
        for (float v : mask) {
            nonZero += v != 0f ? 1 : 0;
        }
        // note: the fixture checkpoints hold 70 internal synapses while the case's wiring lists 47 (the
        // generator built the wiring twice, docs/NCPS.md#building-a-wiring-twice): the masks, not the wiring,
        // are what ran
        assertThat(((LtcCell) cut.cell()).synapseCount()).isEqualTo(nonZero);
        double diff = FixtureAgreementTest.maxAbsError(simulate(cut, input, null, false).states(), c.get("hidden_trace"));
        assertThat(diff).as("changing the masks changes the dynamics").isGreaterThan(1e-4);
    }

    @Test
    void liquidTimeConstantsEqualTheFormulaOnNcpsStates() {
        JsonNode c = Fixtures.caseNamed("ltc.json", CASE);
        Map<String, NdArray> sd = FixtureModels.stateDict(c);
        Params p = Params.of(sd, true, 6);
        SimulationResult r = simulate(FixtureModels.model(c), FixtureModels.tensor(c.get("input")), null, true);
        float[] x = Fixtures.floats(c.get("input"));
        float[] trace = Fixtures.floats(c.get("hidden_trace")); // ncps's states: the outside truth
        float[] tau = r.tau().toFloatArray();
        int n = p.n();
        int l = 6;
        for (int i = 0; i < 2; i++) {
            for (int t = 0; t < l; t++) {
                // tau of step t is taken at the state the step starts from: zeros, then ncps's previous state
                double[] start = t == 0 ? new double[n] : slice(trace, (i * l + t - 1) * n, n);
                double[] expected = p.tau(slice(x, (i * l + t) * p.s(), p.s()), start);
                for (int j = 0; j < n; j++) {
                    float got = tau[(i * l + t) * n + j];
                    assertThat((double) got).as("tau b=%d t=%d neuron %d", i, t, j)
                            .isCloseTo(expected[j], within(1e-5 * expected[j]));
                }
            }
        }
    }

    @Test
    void recordingTauDoesNotChangeTheStates() {
        JsonNode c = Fixtures.caseNamed("ltc.json", CASE);
        LiquidModel model = FixtureModels.model(c);
        NdArray input = FixtureModels.tensor(c.get("input"));
        assertThat(simulate(model, input, null, true).states().toFloatArray())
                .containsExactly(simulate(model, input, null, false).states().toFloatArray());
    }
}
