package io.liquidlens.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A model's activity over a rollout, against what the real ncps computed (the fixtures' hidden traces). */
class ActivityTest {

    /** Sample 0 of the fixture's input batch as a rollout. */
    private static Rollout firstSample(JsonNode c) {
        int[] shape = Fixtures.shape(c.get("input"));
        int per = shape[1] * shape[2];
        float[] x = Arrays.copyOfRange(Fixtures.floats(c.get("input")), 0, per);
        return Rollout.ofInputs(NdArray.ofFloats(new int[] {shape[1], shape[2]}, x));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ltc.json:ltc_autoncp19_1_explicit_constraints", "ltc.json:ltc_autoncp19_1_default",
        "cfc.json:cfc_wired_autoncp19_1_default"})
    void statesAndOutputsAreNcpsHiddenTraceWithNeuronsInWiringOrder(String id) {
        String[] parts = id.split(":");
        JsonNode c = Fixtures.caseNamed(parts[0], parts[1]);
        LiquidModel model = FixtureModels.model(c);
        Activity a = Activities.simulate(model, firstSample(c), ProgressListener.NONE);

        int[] shape = Fixtures.shape(c.get("hidden_trace"));
        int steps = shape[1];
        int n = shape[2];
        float[] trace = Fixtures.floats(c.get("hidden_trace"));
        float[] out = Fixtures.floats(c.get("output"));
        int[] ids = model.stateNeuronIds();
        assertThat(a.steps()).isEqualTo(steps);
        for (int t = 0; t < steps; t++) {
            for (int p = 0; p < n; p++) {
                assertThat(a.state(t, ids[p])).isCloseTo(trace[t * n + p], within(1e-5f));
            }
            assertThat(a.output(t, 0)).isCloseTo(out[t], within(1e-5f));
        }
        assertThat(a.stateSeries(ids[3])[2]).isEqualTo(a.state(2, ids[3]));
        assertThat(a.inputsAt(1)).containsExactly(Arrays.copyOfRange(firstSample(c).inputs().toFloatArray(), 8, 16));
    }

    @Test
    void tauIsWhatTheSimulatorRecords() {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        LiquidModel model = FixtureModels.model(c);
        Rollout r = firstSample(c);
        Activity a = Activities.simulate(model, r, ProgressListener.NONE);
        int[] shape = r.inputs().shape();
        SimulationResult sim = new Simulator(model).run(
                SimulationInput.of(NdArray.ofFloats(new int[] {1, shape[0], shape[1]}, r.inputs().toFloatArray())),
                new SimulationOptions(true, false), ProgressListener.NONE);
        assertThat(a.tau()).containsExactly(sim.tau().toFloatArray());
        for (float v : a.tau()) {
            assertThat(v).isPositive();
        }
    }

    @Test
    void ltcSynapseActivityIsTheConductanceOfTheRawParameters() {
        // explicit constraints: the cell uses w, sigma, mu as stored, so the conductance can be computed by hand
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_explicit_constraints");
        LiquidModel model = FixtureModels.model(c);
        Activity a = Activities.simulate(model, firstSample(c), ProgressListener.NONE);
        SynapseActivity synapses = SynapseActivity.of(model);
        // the checkpoint's masks (ncps built this wiring twice, docs/NCPS.md#building-a-wiring-twice), not the
        // regenerated wiring
        var computed = model.connectivity().orElseThrow();
        int internal = computed.synapseCount();
        int sensory = computed.sensorySynapseCount();
        assertThat(synapses.synapses()).hasSize(internal + sensory);

        var sd = FixtureModels.stateDict(c);
        float[] w = sd.get("rnn_cell.w").toFloatArray();
        float[] sigma = sd.get("rnn_cell.sigma").toFloatArray();
        float[] mu = sd.get("rnn_cell.mu").toFloatArray();
        float[] sw = sd.get("rnn_cell.sensory_w").toFloatArray();
        float[] ssigma = sd.get("rnn_cell.sensory_sigma").toFloatArray();
        float[] smu = sd.get("rnn_cell.sensory_mu").toFloatArray();
        float[] inW = sd.get("rnn_cell.input_w").toFloatArray();
        float[] inB = sd.get("rnn_cell.input_b").toFloatArray();
        float[] erev = sd.get("rnn_cell.erev").toFloatArray();
        int n = 19;
        int t = 3;
        float[] got = new float[synapses.synapses().size()];
        synapses.at(a, t, got);
        for (int k = 0; k < got.length; k++) {
            SynapseActivity.Synapse s = synapses.synapses().get(k);
            double expected;
            if (s.sensory()) {
                double x = a.input(t, s.source()) * inW[s.source()] + inB[s.source()];
                int idx = s.source() * n + s.target();
                expected = sw[idx] / (1 + Math.exp(-ssigma[idx] * (x - smu[idx])));
            } else {
                int idx = s.source() * n + s.target();
                double pre = a.state(t - 1, s.source());
                expected = w[idx] / (1 + Math.exp(-sigma[idx] * (pre - mu[idx])));
                assertThat(s.polarity()).isEqualTo(erev[idx] >= 0 ? 1 : -1);
            }
            assertThat((double) got[k]).as("synapse %s", s).isCloseTo(expected, within(1e-6 + 1e-5 * Math.abs(expected)));
        }
    }

    @Test
    void cfcSynapseActivityIsThePresynapticMagnitude() {
        JsonNode c = Fixtures.caseNamed("cfc.json", "cfc_wired_autoncp19_1_default");
        LiquidModel model = FixtureModels.model(c);
        Activity a = Activities.simulate(model, firstSample(c), ProgressListener.NONE);
        SynapseActivity synapses = SynapseActivity.of(model);
        float[] got = new float[synapses.synapses().size()];
        synapses.at(a, 0, got);
        for (int k = 0; k < got.length; k++) {
            SynapseActivity.Synapse s = synapses.synapses().get(k);
            assertThat(got[k]).isEqualTo(s.sensory() ? Math.abs(a.input(0, s.source())) : 0f);
        }
    }

    /**
     * With a perception head the features of every frame are computed first, on all cores: the states and
     * outputs must still be exactly the simulator's, which runs the head inside each step.
     */
    @Test
    void aCameraModelsActivityIsExactlyTheSimulatorsOnEveryStep() {
        Path folder = Stream.of(Path.of("../sample-models/ncp-lanekeeping"), Path.of("sample-models/ncp-lanekeeping"))
                .filter(p -> Files.isRegularFile(p.resolve("model.json"))).findFirst().orElseThrow();
        LiquidModel model = LoadedModel.load(folder).network();
        int steps = 150;
        float[] frames = new float[steps * model.frameSize()];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (float) rng.nextDouble();
        }
        NdArray x = NdArray.ofFloats(new int[] {steps, 32, 96, 3}, frames);
        AtomicLong lastDone = new AtomicLong();
        Activity a = Activities.simulate(model, Rollout.ofInputs(x), new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                lastDone.accumulateAndGet(done, Math::max);
            }
        });
        SimulationResult sim = new Simulator(model).run(
                SimulationInput.of(NdArray.ofFloats(new int[] {1, steps, 32, 96, 3}, frames)),
                new SimulationOptions(true, false), ProgressListener.NONE);
        float[] states = sim.states().toFloatArray();
        float[] outputs = sim.outputs().toFloatArray();
        int n = model.stateSize();
        int[] ids = model.stateNeuronIds();
        for (int t = 0; t < steps; t++) {
            for (int p = 0; p < n; p++) {
                assertThat(a.state(t, ids[p])).isEqualTo(states[t * n + p]);
            }
            assertThat(a.output(t, 0)).isEqualTo(outputs[t]);
        }
        assertThat(a.tau()).containsExactly(sim.tau().toFloatArray());
        assertThat(lastDone.get()).isEqualTo(steps);
    }

    @Test
    void aRolloutOfTheWrongWidthOrACancelIsRefused() {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        LiquidModel model = FixtureModels.model(c);
        Rollout wrong = Rollout.ofInputs(NdArray.ofFloats(new int[] {4, 3}, new float[12]));
        assertThatThrownBy(() -> Activities.simulate(model, wrong, ProgressListener.NONE))
                .hasMessageContaining("3 values per step").hasMessageContaining("takes 8");
        ProgressListener cancel = new ProgressListener() {
            @Override
            public void progress(long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> Activities.simulate(model, firstSample(c), cancel))
                .isInstanceOf(CancellationException.class);
    }
}
