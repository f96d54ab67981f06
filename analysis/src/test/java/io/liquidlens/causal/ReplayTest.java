package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.SimulationInput;
import io.liquidlens.sim.Simulator;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayTest {

    @Test
    void aReplayOfACameraModelGivesTheSimulatorsOutputsExactly() {
        LiquidModel model = LoadedModel.load(RecordedEpisodeTest.ROOT.resolve("sample-models/ncp-lanekeeping")).network();
        Rollout clean = RecordedEpisodeTest.trace("clean");
        int steps = 80;
        int[] shape = clean.inputs().shape();
        int frame = shape[1] * shape[2] * shape[3];
        float[] x = Arrays.copyOf(clean.inputs().floatsView(), steps * frame);
        Rollout head = Rollout.ofInputs(NdArray.ofFloats(new int[] {steps, shape[1], shape[2], shape[3]}, x));
        float[] expected = new Simulator(model).run(SimulationInput.of(NdArray.ofFloats(
                new int[] {1, steps, shape[1], shape[2], shape[3]}, x))).stepOutputs().toFloatArray();

        assertThat(Replay.of(model, head).run(model, null)).containsExactly(expected);
    }

    @Test
    void aReplayRunsAnIntervenedVariantAsTheSimulatorWould() {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        LiquidModel model = FixtureModels.model(c);
        LiquidModel clamped = model.withClamps(Map.of(7, 0.5f));
        NdArray input = FixtureModels.tensor(c.get("input"));
        int l = input.dim(1);
        int s = input.dim(2);
        float[] first = Arrays.copyOf(input.toFloatArray(), l * s);
        float[] expected = new Simulator(clamped).run(SimulationInput.of(NdArray.ofFloats(new int[] {1, l, s}, first)))
                .stepOutputs().toFloatArray();
        Replay replay = Replay.of(model, Rollout.ofInputs(NdArray.ofFloats(new int[] {l, s}, first)));
        float[] states = new float[l * model.stateSize()];

        assertThat(replay.run(clamped, states)).containsExactly(expected);
        assertThat(states[(l - 1) * model.stateSize() + 7]).isEqualTo(0.5f);
    }

    @Test
    void anIsolatedNeuronHasNoCausalEffectAndRanksLast() {
        JsonNode c = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
        LiquidModel model = FixtureModels.model(c);
        var wiring = model.connectivity().orElseThrow();
        int command = InterventionRanking.decisionPositions(model).get(0);
        LiquidModel isolated = model;
        for (int to = 0; to < wiring.units(); to++) {
            if (to != command && wiring.polarity(command, to) != 0) {
                isolated = isolated.withSynapseCut(command, to, false);
            }
        }
        NdArray input = FixtureModels.tensor(c.get("input"));
        int l = input.dim(1);
        int s = input.dim(2);
        Rollout r = Rollout.ofInputs(NdArray.ofFloats(new int[] {l, s}, Arrays.copyOf(input.toFloatArray(), l * s)));

        List<InterventionEffect> effects = InterventionRanking.rank(isolated, List.of(r), 0);
        String label = model.wiring().orElseThrow().neuronLabel(command);
        assertThat(effects).filteredOn(e -> e.action().startsWith("clamp"))
                .hasSize(2 * InterventionRanking.decisionPositions(model).size());
        assertThat(effects.subList(effects.size() - 2, effects.size())).allSatisfy(e -> {
            assertThat(e.target()).isEqualTo(label);
            assertThat(e.meanAbsChange()).isZero();
            assertThat(e.maxAbsChange()).isZero();
        });
        assertThat(effects.get(0).meanAbsChange()).isPositive();
    }
}
