package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.Wiring;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The double-precision CfC cells against what real ncps 1.0.1 computed (fixtures/cfc.json): outputs, final
 * state and state trace of the forward pass, and {@code input_grad} = d(sum(output * G))/d(input) from torch
 * autograd. The mixed-memory case needs the LSTM of the sequence driver and is left to that driver's tests.
 */
class CfcFixtureGradientTest {
    private static final double FORWARD_TOLERANCE = 1e-5;
    private static final double GRAD_RELATIVE = 1e-4;
    /**
     * Absolute floor of the input-gradient check, relative to the case's largest |input_grad|. torch computed
     * the fixture in float32: every element carries rounding of order 1e-7 of the terms summed into it, and
     * those terms are of the size of the largest gradients, so an element far below the largest one cannot
     * be matched to 1e-4 of itself. 1e-5 of the largest leaves a margin of 100 over float32 rounding.
     */
    private static final double GRAD_FLOOR = 1e-5;
    private static final String MIXED = "cfc_dense16_proj3_mixed";

    static Stream<Arguments> cases() {
        return Fixtures.cases("cfc.json").stream().filter(c -> !c.get("ctor").path("mixed_memory").asBoolean(false))
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    @Test
    void onlyTheMixedMemoryCaseIsLeftOut() {
        List<String> left = Fixtures.cases("cfc.json").stream().map(c -> c.get("name").asText())
                .filter(name -> cases().noneMatch(a -> a.get()[0].equals(name))).toList();
        assertThat(left).containsExactly(MIXED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forwardAndInputGradientMatchNcps(String name, JsonNode c) {
        ModelSpec spec = FixtureModels.spec(c);
        Wiring wiring = FixtureModels.wiring(c);
        Map<String, NdArray> sd = FixtureModels.stateDict(c);
        // with a projection (never with mixed memory here) fc.* are in it too: the test driver's own Linear reads them
        ParamSet params = SequenceGradient.paramSet(sd, spec);
        CellGrad cell = CfcGrads.forModel(spec, wiring, params);

        NdArray input = FixtureModels.tensor(c.get("input"));
        NdArray timespans = FixtureModels.tensor(c.get("timespans"));
        NdArray hx0 = FixtureModels.tensor(c.get("hx0"));
        int batch = input.dim(0);
        int steps = input.dim(1);
        int s = input.dim(2);
        int n = cell.stateSize();
        double[] x = input.toDoubleArray();
        double[] g = FixtureModels.tensor(c.get("grad_output_weights")).toDoubleArray();
        double[] ts = timespans == null ? null : timespans.toDoubleArray();
        double[] h0 = hx0 == null ? null : hx0.toDoubleArray();
        CfcTestDriver driver = new CfcTestDriver(cell, params, steps);
        int p = driver.outputSize();

        double[] outputs = new double[batch * steps * p];
        double[] hx = new double[batch * n];
        double[] trace = new double[batch * steps * n];
        double[] inputGrad = new double[batch * steps * s];
        for (int bi = 0; bi < batch; bi++) {
            double[] dt = new double[steps];
            for (int t = 0; t < steps; t++) {
                dt[t] = ts == null ? 1.0 : ts[bi * steps + t];
            }
            double[] xb = slice(x, bi * steps * s, steps * s);
            double[] hb = h0 == null ? new double[n] : slice(h0, bi * n, n);
            CfcTestDriver.Result r = driver.run(xb, dt, hb, slice(g, bi * steps * p, steps * p));
            System.arraycopy(r.outputs(), 0, outputs, bi * steps * p, steps * p);
            System.arraycopy(r.states(), (steps - 1) * n, hx, bi * n, n);
            System.arraycopy(r.states(), 0, trace, bi * steps * n, steps * n);
            System.arraycopy(r.inputGrad(), 0, inputGrad, bi * steps * s, steps * s);
        }

        assertForward(name + " output", outputs, c.get("output"));
        assertForward(name + " hx", hx, c.get("hx"));
        if (c.has("hidden_trace")) {
            assertForward(name + " hidden_trace", trace, c.get("hidden_trace"));
        }
        assertGradient(name + " input_grad", inputGrad, c.get("input_grad"));
    }

    private static double[] slice(double[] a, int from, int len) {
        double[] out = new double[len];
        System.arraycopy(a, from, out, 0, len);
        return out;
    }

    private static void assertForward(String what, double[] actual, JsonNode expected) {
        float[] e = Fixtures.floats(expected);
        assertThat(actual).as(what + " size").hasSize(e.length);
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - e[i]));
        }
        System.out.printf("%-50s max |err| = %.3g%n", what, max);
        assertThat(max).as(what + " max abs error").isLessThanOrEqualTo(FORWARD_TOLERANCE);
    }

    private static void assertGradient(String what, double[] actual, JsonNode expected) {
        float[] e = Fixtures.floats(expected);
        assertThat(actual).as(what + " size").hasSize(e.length);
        double scale = 0;
        for (float v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertThat(scale).as(what + " is not all zero").isGreaterThan(0);
        double floor = GRAD_FLOOR * scale;
        double maxRel = 0;
        double maxAbs = 0;
        double worst = 0; // error / allowed
        int worstAt = -1;
        for (int i = 0; i < e.length; i++) {
            double err = Math.abs(actual[i] - e[i]);
            maxAbs = Math.max(maxAbs, err);
            if (Math.abs(e[i]) > floor) {
                maxRel = Math.max(maxRel, err / Math.abs(e[i]));
            }
            double ratio = err / (GRAD_RELATIVE * Math.abs(e[i]) + floor);
            if (ratio > worst) {
                worst = ratio;
                worstAt = i;
            }
        }
        System.out.printf("%-50s max |err| = %.3g, max rel (above floor %.2g) = %.3g, worst err/allowed = %.3g%n",
                what, maxAbs, floor, maxRel, worst);
        assertThat(worst).as(what + ": element " + worstAt + " is " + (worstAt < 0 ? 0 : actual[worstAt])
                + ", ncps " + (worstAt < 0 ? 0 : e[worstAt])).isLessThanOrEqualTo(1.0);
    }
}
