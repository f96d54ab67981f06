package io.liquidlens.app.workspace;

import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.Intervention.ClampNeuron;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The list of clamped neurons: how it changes, how a typed value is read, and how it is named to the user. */
final class Clamps {
    private Clamps() {
    }

    /**
     * {@code list} with {@code neuron} held at {@code value}, replacing an earlier clamp of it.
     *
     * @throws IllegalArgumentException (one line) for a clamp {@link ClampNeuron} refuses
     */
    static List<ClampNeuron> replacing(List<ClampNeuron> list, int neuron, float value) {
        List<ClampNeuron> next = new ArrayList<>(without(list, neuron));
        next.add(new ClampNeuron(neuron, value));
        return List.copyOf(next);
    }

    /** {@code list} without a clamp of {@code neuron}. */
    static List<ClampNeuron> without(List<ClampNeuron> list, int neuron) {
        return list.stream().filter(c -> c.neuron() != neuron).toList();
    }

    /**
     * The value typed in {@code text}, a finite decimal number.
     *
     * @throws IllegalArgumentException with a one-line message saying what was typed and what is wanted
     */
    static float parseValue(String text) {
        float value;
        try {
            value = Float.parseFloat(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("clamp value: \"" + text + "\" is not a number (e.g. 0.5 or -1)", e);
        }
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("clamp value: must be a finite number, got " + text.trim());
        }
        return value;
    }

    /** What is clamped, e.g. "clamp command 3 (id 4) = 0.5120", naming neurons as {@code model}'s wiring does. */
    static String describe(List<ClampNeuron> list, LoadedModel model) {
        var wiring = model == null ? null : model.network().connectivity().orElse(null);
        return "clamp " + list.stream().map(c -> (wiring == null || c.neuron() >= wiring.units()
                ? "neuron " + c.neuron() : wiring.neuronName(c.neuron()))
                + String.format(Locale.ROOT, " = %.4f", c.value())).collect(Collectors.joining(", "));
    }

    /** The smallest and largest state of {@code neuron} in {@code a} ({@code [min, max]}), or null. */
    static float[] range(Activity a, int neuron) {
        if (a == null || neuron < 0 || neuron >= a.neurons()) {
            return null;
        }
        float[] all = a.stateRanges();
        return new float[] {all[2 * neuron], all[2 * neuron + 1]};
    }
}
