package io.liquidlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.SimulationOptions;
import io.liquidlens.sim.SimulationResult;
import io.liquidlens.sim.Simulator;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ltc.json / cfc.json case, run through LiquidModel + Simulator, against what real ncps returned. */
class FixtureAgreementTest {
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : new String[] {"ltc.json", "cfc.json"}) {
            for (JsonNode c : Fixtures.cases(file)) {
                out.add(Arguments.of(c.get("name").asText(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputsStatesAndFinalStateMatchNcps(String name, JsonNode c) {
        LiquidModel model = FixtureModels.model(c);
        SimulationResult r = run(model, c, true);

        assertClose(name + " output", r.outputs(), c.get("output"));
        JsonNode hx = c.get("hx");
        if (hx.isArray()) { // mixed memory: [h, c]
            assertClose(name + " hx.h", r.hx(), hx.get(0));
            assertClose(name + " hx.c", r.cx(), hx.get(1));
        } else {
            assertClose(name + " hx", r.hx(), hx);
        }
        if (c.has("hidden_trace")) {
            assertClose(name + " hidden_trace", r.states(), c.get("hidden_trace"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sequentialAndParallelRunsAgreeExactly(String name, JsonNode c) {
        LiquidModel model = FixtureModels.model(c);
        SimulationResult seq = run(model, c, false);
        SimulationResult par = run(model, c, true);
        assertThat(par.states().toFloatArray()).containsExactly(seq.states().toFloatArray());
    }

    private static SimulationResult run(LiquidModel model, JsonNode c, boolean parallel) {
        SimulationInput in = new SimulationInput(FixtureModels.tensor(c.get("input")),
                FixtureModels.tensor(c.get("timespans")), FixtureModels.tensor(c.get("hx0")), null);
        return new Simulator(model).run(in, new SimulationOptions(true, parallel), io.liquidlens.sim.ProgressListener.NONE);
    }

    static double maxAbsError(NdArray actual, JsonNode expected) {
        float[] a = actual.toFloatArray();
        float[] e = Fixtures.floats(expected);
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            max = Math.max(max, Math.abs(a[i] - e[i]));
        }
        return max;
    }

    private static void assertClose(String what, NdArray actual, JsonNode expected) {
        assertThat(actual.shape()).as(what + " shape").containsExactly(Fixtures.shape(expected));
        double err = maxAbsError(actual, expected);
        System.out.printf("%-55s max |err| = %.3g%n", what, err);
        assertThat(err).as(what + " max abs error").isLessThanOrEqualTo(TOLERANCE);
    }
}
