package io.liquidlens.app.workspace;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Which neurons (wiring ids) the user selected: every view shows the same selection. Clicking a neuron in
 * one view selects it everywhere; {@link #focusedProperty()} is the one clicked last (for details).
 */
public final class NeuronSelection {
    private final ObservableSet<Integer> selected = FXCollections.observableSet();
    private final ObjectProperty<Integer> focused = new SimpleObjectProperty<>();

    /** The selected neuron ids. */
    public ObservableSet<Integer> selected() {
        return selected;
    }

    /** The neuron clicked last, or null. */
    public ObjectProperty<Integer> focusedProperty() {
        return focused;
    }

    /** Selects only {@code neuron}. */
    public void selectOnly(int neuron) {
        selected.retainAll(java.util.Set.of(neuron));
        selected.add(neuron);
        focused.set(neuron);
    }

    /** Adds or removes {@code neuron} (shift-click). */
    public void toggle(int neuron) {
        if (!selected.remove(neuron)) {
            selected.add(neuron);
            focused.set(neuron);
        } else if (Integer.valueOf(neuron).equals(focused.get())) {
            focused.set(null);
        }
    }

    /** Clears the selection. */
    public void clear() {
        selected.clear();
        focused.set(null);
    }
}
