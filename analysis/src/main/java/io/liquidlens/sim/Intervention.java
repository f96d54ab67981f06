package io.liquidlens.sim;

import io.liquidlens.model.LiquidModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change made to a network during replay, to ask what a neuron or synapse causes (docs/ANALYSES.md#interventions).
 * Each is a change of the model, so any run of the changed model (a simulation, closed-loop driving) carries it.
 */
public sealed interface Intervention {

    /**
     * Neuron {@code neuron} (wiring id) held at {@code value} throughout every step, as a voltage clamp: every
     * synapse from it carries the value, and a clamped motor neuron's output is read from it.
     */
    record ClampNeuron(int neuron, float value) implements Intervention {
        public ClampNeuron {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("clamp value must be finite, got " + value);
            }
        }
    }

    /**
     * The synapse from neuron {@code from} (or input feature {@code from} when {@code sensory}) to neuron
     * {@code to} removed, as ncps computes with its sparsity-mask entry at 0.
     */
    record CutSynapse(int from, int to, boolean sensory) implements Intervention {
    }

    /**
     * {@code model} with every intervention made (later clamps of the same neuron win).
     *
     * @throws IllegalArgumentException naming the intervention the model cannot take
     */
    static LiquidModel apply(LiquidModel model, List<? extends Intervention> interventions) {
        LiquidModel changed = model;
        Map<Integer, Float> clamps = new LinkedHashMap<>();
        for (Intervention i : interventions) {
            if (i instanceof CutSynapse cut) {
                changed = changed.withSynapseCut(cut.from(), cut.to(), cut.sensory());
            } else if (i instanceof ClampNeuron clamp) {
                clamps.put(clamp.neuron(), clamp.value());
            }
        }
        return clamps.isEmpty() ? changed : changed.withClamps(clamps);
    }
}
