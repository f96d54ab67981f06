package io.liquidlens.grad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.Wiring;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot loop allocates nothing: thousands of forward and backward steps cost no heap. */
class CfcAllocationTest {
    private static final int STEPS = 2000;

    @ParameterizedTest
    @ValueSource(strings = {"cfc_wired_autoncp19_1_default", "cfc_dense16_no_gate_silu_bl2", "cfc_dense16_pure_tanh_bl1"})
    void forwardAndBackwardStepsAllocateNothing(String name) {
        JsonNode c = Fixtures.caseNamed("cfc.json", name);
        ModelSpec spec = FixtureModels.spec(c);
        Wiring wiring = FixtureModels.wiring(c);
        ParamSet params = SequenceGradient.paramSet(FixtureModels.stateDict(c), spec);
        CellGrad cell = CfcGrads.forModel(spec, wiring, params);
        int s = cell.inputSize();
        int n = cell.stateSize();
        double[] x = CfcTestModels.gaussian(new Random(1), s, 1);
        double[] h = new double[n];
        double[] hNext = new double[n];
        double[] y = new double[cell.outputSize()];
        double[] tape = new double[cell.tapeSize()];
        double[] scratch = new double[cell.scratchSize()];
        double[] grad = params.newGradient();
        double[] dx = new double[s];
        double[] dh = new double[n];
        double[] dy = new double[cell.outputSize()];
        double[] v = params.values();
        Runnable loop = () -> {
            for (int t = 0; t < STEPS; t++) {
                cell.forward(v, x, 0, 0.7, h, 0, hNext, 0, y, 0, tape, 0, scratch);
                dy[0] = 1;
                cell.backward(v, dy, 0, dh, 0, x, 0, 0.7, h, 0, tape, 0, dx, 0, dh, 0, grad, scratch);
            }
        };
        loop.run(); // warm up (class loading, JIT)
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertThat(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled())
                .as("this JVM measures allocation per thread").isTrue();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        loop.run();
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        // a single array per step would be tens of kilobytes over 2000 steps; allow for measurement noise
        assertThat(allocated).as("bytes allocated by " + STEPS + " steps").isLessThan(4096);
    }
}
