package io.liquidlens.app.workspace;

import io.liquidlens.app.task.LatestTask;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.sim.Activity;
import io.liquidlens.sim.Intervention;
import io.liquidlens.sim.Intervention.ClampNeuron;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The workspace's clamps, as the user edits them: hold a neuron at a value (typed, or the end of its range over
 * the rollout), release one or all. Each edit hands the whole new list to the workspace, which simulates the
 * rollout again with it ({@link Intervention#apply}) and shows the clamped activity; the list itself is
 * {@link WorkspaceViewModel#clampsProperty()}. A value that cannot be a clamp is one line in
 * {@link WorkspaceViewModel#lastErrorProperty()} and changes nothing.
 */
public final class NeuronClamps {
    private static final String INVALID_VALUE = "Invalid clamp value";
    private final WorkspaceViewModel workspace;
    private final Consumer<List<ClampNeuron>> simulate;

    /** The clamps of {@code workspace}, which {@code simulate} re-simulates with a new list. */
    NeuronClamps(WorkspaceViewModel workspace, Consumer<List<ClampNeuron>> simulate) {
        this.workspace = workspace;
        this.simulate = simulate;
    }

    /**
     * Holds wiring neuron {@code neuron} at {@code value} (replacing an earlier clamp of it); the activity then
     * becomes the clamped one and {@link WorkspaceViewModel#unclampedActivityProperty()} keeps the model's own.
     * Without a simulated activity it does nothing.
     */
    public void clamp(int neuron, float value) {
        List<ClampNeuron> next = new ArrayList<>(without(list(), neuron));
        try {
            next.add(new ClampNeuron(neuron, value));
        } catch (IllegalArgumentException e) {
            workspace.fail("Clamp not applied", LatestTask.oneLine(e.getMessage()));
            return;
        }
        simulate.accept(List.copyOf(next));
    }

    /** Clamps {@code neuron} to the value typed in {@code text} (a finite decimal number). */
    public void clamp(int neuron, String text) {
        float value;
        try {
            value = Float.parseFloat(text.trim());
        } catch (NumberFormatException | NullPointerException e) {
            workspace.fail(INVALID_VALUE, "clamp value: \"" + text + "\" is not a number (e.g. 0.5 or -1)");
            return;
        }
        if (!Float.isFinite(value)) {
            workspace.fail(INVALID_VALUE, "clamp value: must be a finite number, got " + text.trim());
            return;
        }
        clamp(neuron, value);
    }

    /** Clamps {@code neuron} to the smallest state it reaches over the rollout without clamps. */
    public void clampToMin(int neuron) {
        float[] range = rangeOf(neuron);
        if (range != null) {
            clamp(neuron, range[0]);
        }
    }

    /** Clamps {@code neuron} to the largest state it reaches over the rollout without clamps. */
    public void clampToMax(int neuron) {
        float[] range = rangeOf(neuron);
        if (range != null) {
            clamp(neuron, range[1]);
        }
    }

    /** Releases the clamp of {@code neuron} (if any) and re-simulates with the others. */
    public void release(int neuron) {
        List<ClampNeuron> next = without(list(), neuron);
        if (next.size() != list().size()) {
            simulate.accept(next);
        }
    }

    /** Releases every clamp: the activity is the unclamped one again (the very same object). */
    public void releaseAll() {
        if (!list().isEmpty()) {
            simulate.accept(List.of());
        }
    }

    /** True when neuron {@code neuron} is clamped. */
    public boolean isClamped(int neuron) {
        return list().stream().anyMatch(c -> c.neuron() == neuron);
    }

    /**
     * The smallest and largest state of {@code neuron} over the loaded rollout's unclamped simulation
     * ({@code [min, max]}), or null without one or for an id outside it.
     */
    public float[] rangeOf(int neuron) {
        Activity a = workspace.unclampedActivityProperty().get();
        if (a == null || neuron < 0 || neuron >= a.neurons()) {
            return null;
        }
        float[] all = a.stateRanges();
        return new float[] {all[2 * neuron], all[2 * neuron + 1]};
    }

    /** What is clamped, e.g. "clamp command 3 (id 4) = 0.5120", or "" when nothing is. */
    public String describe() {
        return list().isEmpty() ? "" : describe(list(), workspace.modelProperty().get());
    }

    /** What {@code list} clamps, e.g. "clamp command 3 (id 4) = 0.5120", naming neurons as {@code model} does. */
    static String describe(List<ClampNeuron> list, LoadedModel model) {
        var wiring = model == null ? null : model.network().connectivity().orElse(null);
        // a baseline's units by the names every analysis gives them (l0.u3); liquid models' as they always were
        var names = model != null && model.network().isBaseline() ? NeuronNames.of(model.network()) : null;
        return "clamp " + list.stream().map(c -> name(c.neuron(), wiring, names)
                + String.format(Locale.ROOT, " = %.4f", c.value())).collect(Collectors.joining(", "));
    }

    private static String name(int neuron, io.liquidlens.wiring.Wiring wiring, NeuronNames names) {
        if (names != null && neuron < names.size()) {
            return names.name(neuron);
        }
        return wiring == null || neuron >= wiring.units() ? "neuron " + neuron : wiring.neuronName(neuron);
    }

    private List<ClampNeuron> list() {
        return workspace.clampsProperty().get();
    }

    private static List<ClampNeuron> without(List<ClampNeuron> list, int neuron) {
        return list.stream().filter(c -> c.neuron() != neuron).toList();
    }
}
