package io.liquidlens.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static NdArray randomInputs(int b, int l, int s, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[b * l * s];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return NdArray.ofFloats(new int[] {b, l, s}, x);
    }

    private static NdArray sample(NdArray a, int i) {
        int[] shape = a.shape();
        int per = a.size() / shape[0];
        float[] v = Arrays.copyOfRange(a.toFloatArray(), i * per, (i + 1) * per);
        shape[0] = 1;
        return NdArray.ofFloats(shape, v);
    }

    /** ncps breaks on batched timespans (docs/NCPS.md#timespans); we run each sample with its own dt. */
    @ParameterizedTest
    @ValueSource(strings = {"ltc.json:ltc_autoncp19_1_default", "cfc.json:cfc_wired_autoncp19_1_default"})
    void batchedPerSampleTimespansEqualRunningEachSampleAlone(String id) {
        String[] parts = id.split(":");
        LiquidModel model = FixtureModels.model(Fixtures.caseNamed(parts[0], parts[1]));
        int b = 3;
        int l = 7;
        NdArray x = randomInputs(b, l, 8, 1);
        float[] ts = new float[b * l];
        for (int i = 0; i < b; i++) {
            for (int t = 0; t < l; t++) {
                ts[i * l + t] = 0.25f * (i + 1) + 0.1f * t;
            }
        }
        NdArray timespans = NdArray.ofFloats(new int[] {b, l, 1}, ts);
        Simulator sim = new Simulator(model);
        SimulationResult batched = sim.run(new SimulationInput(x, timespans, null, null),
                new SimulationOptions(true, true), ProgressListener.NONE);
        for (int i = 0; i < b; i++) {
            SimulationResult alone = sim.run(new SimulationInput(sample(x, i), sample(timespans, i), null, null),
                    new SimulationOptions(true, false), ProgressListener.NONE);
            assertThat(sample(batched.states(), i).toFloatArray()).containsExactly(alone.states().toFloatArray());
            assertThat(sample(batched.stepOutputs(), i).toFloatArray())
                    .containsExactly(alone.stepOutputs().toFloatArray());
        }
        SimulationResult unit = sim.run(SimulationInput.of(x));
        assertThat(unit.states().toFloatArray()).as("dt matters").isNotEqualTo(batched.states().toFloatArray());
    }

    /** An LTC batch is stepped side by side, 64 sequences at a time; every number must be each sequence's own. */
    @Test
    void ltcSequencesSteppedSideBySideEqualEachSequenceAloneExactly() {
        LiquidModel model = FixtureModels.model(Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default"));
        int b = 67;
        int l = 5;
        NdArray x = randomInputs(b, l, 8, 5);
        Random rng = new Random(6);
        float[] ts = new float[b * l];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = 0.2f + 1.5f * rng.nextFloat();
        }
        float[] h0 = new float[b * 19];
        for (int i = 0; i < h0.length; i++) {
            h0[i] = (float) rng.nextGaussian();
        }
        NdArray timespans = NdArray.ofFloats(new int[] {b, l}, ts);
        NdArray hx0 = NdArray.ofFloats(new int[] {b, 19}, h0);
        Simulator sim = new Simulator(model);
        SimulationOptions tauOneThread = new SimulationOptions(true, false);
        SimulationResult together = sim.run(new SimulationInput(x, timespans, hx0, null), tauOneThread,
                ProgressListener.NONE);
        for (int i : new int[] {0, 1, 37, 63, 64, 66}) {
            SimulationResult alone = sim.run(new SimulationInput(sample(x, i), sample(timespans, i), sample(hx0, i),
                    null), tauOneThread, ProgressListener.NONE);
            assertThat(sample(together.states(), i).toFloatArray()).as("states of %d", i)
                    .containsExactly(alone.states().toFloatArray());
            assertThat(sample(together.stepOutputs(), i).toFloatArray()).as("outputs of %d", i)
                    .containsExactly(alone.stepOutputs().toFloatArray());
            assertThat(sample(together.tau(), i).toFloatArray()).as("tau of %d", i)
                    .containsExactly(alone.tau().toFloatArray());
            assertThat(sample(together.hx(), i).toFloatArray()).as("hx of %d", i)
                    .containsExactly(alone.hx().toFloatArray());
        }
        assertThat(sample(together.states(), 1).toFloatArray()).as("samples differ")
                .isNotEqualTo(sample(together.states(), 0).toFloatArray());
    }

    @Test
    void largeBatchesRunInParallelWithTheSameResultsAndReportProgress() {
        LiquidModel model = FixtureModels.model(Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default"));
        NdArray x = randomInputs(16, 300, 8, 2);
        AtomicLong last = new AtomicLong();
        ProgressListener listener = (done, total) -> last.set(done);
        Simulator sim = new Simulator(model);
        SimulationResult par = sim.run(SimulationInput.of(x), new SimulationOptions(false, true), listener);
        SimulationResult seq = sim.run(SimulationInput.of(x), new SimulationOptions(false, false), ProgressListener.NONE);
        assertThat(par.states().toFloatArray()).containsExactly(seq.states().toFloatArray());
        assertThat(par.hx().shape()).containsExactly(16, 19);
        assertThat(par.tau()).isNull();
        assertThat(last.get()).isEqualTo(16 * 300);
    }

    @Test
    void cancellationStopsTheRun() {
        LiquidModel model = FixtureModels.model(Fixtures.caseNamed("cfc.json", "cfc_dense16_default_relu_bl0"));
        ProgressListener cancelNow = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new Simulator(model).run(SimulationInput.of(randomInputs(1, 5000, 8, 3)),
                SimulationOptions.defaults(), cancelNow)).isInstanceOf(CancellationException.class);
    }

    @Test
    void timeMajorModelsReadTimeMajorInputAndReturnTheLastStep() {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_time_major_return_last");
        SimulationResult r = new Simulator(FixtureModels.model(c)).run(SimulationInput.of(FixtureModels.tensor(c.get("input"))));
        assertThat(r.outputs().shape()).containsExactly(2, 1);
        assertThat(r.stepOutputs().shape()).containsExactly(2, 6, 1);
        assertThat(r.states().shape()).containsExactly(2, 6, 19);
    }

    @Test
    void mixedMemoryTakesAnOptionalInitialCellState() {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_mixed_memory");
        Simulator sim = new Simulator(FixtureModels.model(c));
        NdArray x = FixtureModels.tensor(c.get("input"));
        NdArray zeros = NdArray.ofFloats(new int[] {2, 19}, new float[38]);
        float[] ones = new float[38];
        Arrays.fill(ones, 0.5f);
        SimulationResult plain = sim.run(SimulationInput.of(x));
        SimulationResult zeroC = sim.run(new SimulationInput(x, null, zeros, zeros));
        SimulationResult otherC = sim.run(new SimulationInput(x, null, zeros, NdArray.ofFloats(new int[] {2, 19}, ones)));
        assertThat(zeroC.hx().toFloatArray()).containsExactly(plain.hx().toFloatArray());
        assertThat(otherC.hx().toFloatArray()).isNotEqualTo(plain.hx().toFloatArray());
        assertThat(plain.cx().shape()).containsExactly(2, 19);
    }

    @Test
    void badShapesAndValuesAreRejectedWithTheirName() {
        LiquidModel model = FixtureModels.model(Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default"));
        Simulator sim = new Simulator(model);
        NdArray x = randomInputs(2, 4, 8, 4);
        assertThatThrownBy(() -> sim.run(SimulationInput.of(randomInputs(2, 4, 7, 4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 features");
        assertThatThrownBy(() -> sim.run(new SimulationInput(x, NdArray.ofFloats(new int[] {2, 3}, new float[6]), null,
                null))).hasMessageContaining("timespans must have shape [2, 4]");
        assertThatThrownBy(() -> sim.run(new SimulationInput(x, NdArray.ofFloats(new int[] {2, 4}, new float[8]), null,
                null))).hasMessageContaining("timespans must be > 0");
        assertThatThrownBy(() -> sim.run(new SimulationInput(x, null, NdArray.ofFloats(new int[] {2, 18}, new float[36]),
                null))).hasMessageContaining("hx0 must have shape [2, 19]");
        float[] bad = x.toFloatArray();
        bad[5] = Float.NaN;
        assertThatThrownBy(() -> sim.run(SimulationInput.of(NdArray.ofFloats(new int[] {2, 4, 8}, bad))))
                .hasMessageContaining("inputs holds NaN");
        assertThatThrownBy(() -> sim.run(new SimulationInput(x, null, null, NdArray.ofFloats(new int[] {2, 19},
                new float[38])))).hasMessageContaining("no mixed memory");
    }
}
