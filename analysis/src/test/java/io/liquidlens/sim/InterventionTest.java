package io.liquidlens.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.testing.FixtureModels;
import io.liquidlens.testing.Fixtures;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterventionTest {

    private static JsonNode fixture(String file, String name) {
        return Fixtures.caseNamed(file, name);
    }

    private static SimulationResult run(LiquidModel model, JsonNode c) {
        SimulationInput in = new SimulationInput(FixtureModels.tensor(c.get("input")), null,
                FixtureModels.tensor(c.get("hx0")), null);
        return new Simulator(model).run(in, new SimulationOptions(false, false), ProgressListener.NONE);
    }

    private static int firstCommand(Wiring w) {
        for (int i = 0; i < w.units(); i++) {
            if (w.role(i) == NeuronRole.COMMAND) {
                return i;
            }
        }
        throw new AssertionError("no command neuron");
    }

    /** Every synapse the model computes out of {@code neuron}, except onto itself. */
    private static List<Intervention> cutsOutOf(LiquidModel model, int neuron) {
        Wiring computed = model.connectivity().orElseThrow();
        Wiring wiring = model.wiring().orElseThrow();
        int layer = -1;
        for (int l = 0; l < wiring.layerCount(); l++) {
            for (int id : wiring.layer(l)) {
                layer = id == neuron ? l : layer;
            }
        }
        List<Intervention> cuts = new ArrayList<>();
        for (int to = 0; to < computed.units(); to++) {
            boolean sameLayer = false;
            for (int id : wiring.layer(layer)) {
                sameLayer |= id == to;
            }
            // a wired CfC computes the recurrence inside a layer densely, whatever the wiring says
            boolean dense = model.cellKind() != io.liquidlens.model.CellKind.LTC && sameLayer;
            if (to != neuron && (computed.polarity(neuron, to) != 0 || dense)) {
                cuts.add(new Intervention.CutSynapse(neuron, to, false));
            }
        }
        assertThat(cuts).isNotEmpty();
        return cuts;
    }

    @ParameterizedTest
    @CsvSource({"ltc.json, ltc_autoncp19_1_default", "cfc.json, cfc_wired_autoncp19_1_default"})
    void clampingANeuronWithNoPathToTheMotorNeuronsChangesNothing(String file, String name) {
        JsonNode c = fixture(file, name);
        LiquidModel model = FixtureModels.model(c);
        int command = firstCommand(model.wiring().orElseThrow());
        LiquidModel isolated = Intervention.apply(model, cutsOutOf(model, command));
        float[] reference = run(isolated, c).stepOutputs().toFloatArray();

        for (float value : new float[] {-1f, 0.3f, 2f}) {
            LiquidModel clamped = Intervention.apply(isolated, List.of(new Intervention.ClampNeuron(command, value)));
            assertThat(run(clamped, c).stepOutputs().toFloatArray()).as("clamped to %s", value).containsExactly(reference);
        }
    }

    @ParameterizedTest
    @CsvSource({"ltc.json, ltc_autoncp19_1_default", "cfc.json, cfc_wired_autoncp19_1_default"})
    void clampingAConnectedCommandNeuronMovesTheOutputAndHoldsItsState(String file, String name) {
        JsonNode c = fixture(file, name);
        LiquidModel model = FixtureModels.model(c);
        int command = firstCommand(model.wiring().orElseThrow());
        float[] before = run(model, c).stepOutputs().toFloatArray();
        SimulationResult clamped = run(model.withClamps(Map.of(command, 1.5f)), c);

        float[] after = clamped.stepOutputs().toFloatArray();
        double change = 0;
        for (int i = 0; i < before.length; i++) {
            change = Math.max(change, Math.abs(after[i] - before[i]));
        }
        assertThat(change).isGreaterThan(1e-4);
        int position = indexOf(model.stateNeuronIds(), command);
        float[] states = clamped.states().toFloatArray();
        for (int row = 0; row < states.length / model.stateSize(); row++) {
            assertThat(states[row * model.stateSize() + position]).isEqualTo(1.5f);
        }
    }

    @ParameterizedTest
    @CsvSource({"ltc.json, ltc_autoncp19_1_default", "cfc.json, cfc_wired_autoncp19_1_default"})
    void aClampedMotorNeuronIsWhatTheOutputReads(String file, String name) {
        JsonNode c = fixture(file, name);
        LiquidModel model = FixtureModels.model(c);
        SimulationResult clamped = run(model.withClamps(Map.of(0, 0.25f)), c);
        float[] h = new float[model.stateSize()];
        java.util.Arrays.fill(h, 0.25f);
        float[] expected = new float[model.outputSize()];
        model.readout(h, 0, expected, 0, model.newBuffers());
        float[] out = clamped.stepOutputs().toFloatArray();
        for (int row = 0; row < out.length / model.outputSize(); row++) {
            assertThat(out[row * model.outputSize()]).isEqualTo(expected[0]);
        }
    }

    @Test
    void noInterventionsGiveTheModelBack() {
        JsonNode c = fixture("ltc.json", "ltc_autoncp19_1_default");
        LiquidModel model = FixtureModels.model(c);
        assertThat(run(Intervention.apply(model, List.of()), c).stepOutputs().toFloatArray())
                .containsExactly(run(model, c).stepOutputs().toFloatArray());
        assertThat(run(model.withClamps(Map.of()), c).stepOutputs().toFloatArray())
                .containsExactly(run(model, c).stepOutputs().toFloatArray());
    }

    @Test
    void cuttingASensorySynapseRemovesThatInputsOnlyRoute() {
        JsonNode c = fixture("ltc.json", "ltc_autoncp19_1_default");
        LiquidModel model = FixtureModels.model(c);
        Wiring computed = model.connectivity().orElseThrow();
        List<Intervention> cuts = new ArrayList<>();
        for (int to = 0; to < computed.units(); to++) {
            if (computed.sensoryPolarity(0, to) != 0) {
                cuts.add(new Intervention.CutSynapse(0, to, true));
            }
        }
        LiquidModel deaf = Intervention.apply(model, cuts);
        JsonNode input = c.get("input");
        float[] x = Fixtures.floats(input);
        int[] shape = Fixtures.shape(input);
        int s = shape[shape.length - 1];
        for (int i = 0; i < x.length; i += s) {
            x[i] += 5f;
        }
        SimulationInput moved = new SimulationInput(io.liquidlens.io.NdArray.ofFloats(shape, x), null,
                FixtureModels.tensor(c.get("hx0")), null);
        float[] ref = run(deaf, c).stepOutputs().toFloatArray();
        float[] got = new Simulator(deaf).run(moved, new SimulationOptions(false, false), ProgressListener.NONE)
                .stepOutputs().toFloatArray();
        assertThat(got).containsExactly(ref);
    }

    @Test
    void aSynapseThatIsNotThereCannotBeCut() {
        LiquidModel model = FixtureModels.model(fixture("ltc.json", "ltc_autoncp19_1_default"));
        Wiring computed = model.connectivity().orElseThrow();
        int from = -1;
        int to = -1;
        for (int i = 0; i < computed.units() && from < 0; i++) {
            for (int j = 0; j < computed.units(); j++) {
                if (computed.polarity(i, j) == 0) {
                    from = i;
                    to = j;
                    break;
                }
            }
        }
        int a = from;
        int b = to;
        assertThatThrownBy(() -> model.withSynapseCut(a, b, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot cut neuron " + a + " -> neuron " + b + ": the checkpoint has no such synapse");
        assertThatThrownBy(() -> model.withClamps(Map.of(99, 0f))).hasMessage("cannot clamp neuron 99: the"
                + " model's neurons are 0..18");
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError(id);
    }
}
