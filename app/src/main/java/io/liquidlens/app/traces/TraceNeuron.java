package io.liquidlens.app.traces;

import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.NeuronNames;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One neuron drawn in the traces: its wiring id and the name its series carries ("command 3 (id 4)").
 *
 * @param id   the wiring id (the column of {@code Activity.state})
 * @param name role, place in the role and id, e.g. {@code "motor 0 (id 0)"}; {@code "neuron 3"} without a wiring;
 *             a baseline's unit by layer and index, {@code "l0.u3"}
 */
public record TraceNeuron(int id, String name) {

    public TraceNeuron {
        Objects.requireNonNull(name, "name");
    }

    /**
     * The neuron {@code id} named as the graph names it ({@link Wiring#neuronName}: "command 3 (id 4)"); without a
     * wiring "neuron id".
     */
    public static TraceNeuron of(Wiring wiring, int id) {
        return new TraceNeuron(id, wiring == null || id >= wiring.units() ? "neuron " + id : wiring.neuronName(id));
    }

    /**
     * The neurons the traces show: the selected ones in id order, or, when nothing (valid) is selected,
     * the motor neurons, so a fresh window already shows what the network decides. Without a wiring the
     * first neuron stands in for the motor neuron.
     *
     * @param selected the selected wiring ids (ids outside [0, neurons) are ignored)
     * @param wiring   the model's connectivity, or null (dense CfC)
     * @param neurons  the number of neurons N of the activity
     */
    public static List<TraceNeuron> shownIn(Collection<Integer> selected, LoadedModel model, int neurons) {
        List<TraceNeuron> out = shown(selected, model == null ? null : model.network().connectivity().orElse(null),
                neurons);
        if (model == null || !model.network().isBaseline()) {
            return out;
        }
        // a baseline's units are named as every analysis names them (l0.u3); liquid models keep the graph's names
        NeuronNames names = NeuronNames.of(model.network());
        return out.stream().map(n -> n.id() < names.size() ? new TraceNeuron(n.id(), names.name(n.id())) : n).toList();
    }

    /** As {@link #shownIn(Collection, LoadedModel, int)} for a liquid model with {@code wiring} (null: dense CfC). */
    public static List<TraceNeuron> shown(Collection<Integer> selected, Wiring wiring, int neurons) {
        List<TraceNeuron> out = new ArrayList<>();
        for (int id : new TreeSet<>(selected)) {
            if (id >= 0 && id < neurons) {
                out.add(of(wiring, id));
            }
        }
        if (!out.isEmpty()) {
            return List.copyOf(out);
        }
        for (int id = 0; id < neurons; id++) {
            if (wiring != null && id < wiring.units() && wiring.role(id) == NeuronRole.MOTOR) {
                out.add(of(wiring, id));
            }
        }
        if (out.isEmpty() && neurons > 0) {
            out.add(of(wiring, 0));
        }
        return List.copyOf(out);
    }
}
