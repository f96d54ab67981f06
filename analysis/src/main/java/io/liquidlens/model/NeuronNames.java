package io.liquidlens.model;

import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.Locale;

/**
 * What every view and export calls a model's neurons, by wiring id: the one place names are made, so a neuron picked
 * in one view is found by name in another. A wired model's are its wiring's ({@code command 3 (id 4)}, label
 * {@code C3}); a baseline's hidden units are named by layer and index ({@code l1.u3}, the same as label), since it
 * has no roles worth a name (docs/BASELINES.md#the-model); a dense CfC's by the roles its states are given.
 */
public final class NeuronNames {
    private final NeuronRole[] roles;
    private final String[] names;
    private final String[] labels;
    private final boolean baseline;

    private NeuronNames(NeuronRole[] roles, String[] names, String[] labels, boolean baseline) {
        this.roles = roles;
        this.names = names;
        this.labels = labels;
        this.baseline = baseline;
    }

    /** The names of {@code wiring}'s neurons ({@link Wiring#neuronName}, {@link Wiring#neuronLabel}). */
    public static NeuronNames of(Wiring wiring) {
        NeuronRole[] roles = new NeuronRole[wiring.units()];
        String[] names = new String[roles.length];
        String[] labels = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = wiring.role(i);
            names[i] = wiring.neuronName(i);
            labels[i] = wiring.neuronLabel(i);
        }
        return new NeuronNames(roles, names, labels, false);
    }

    /** The names of {@code model}'s neurons. */
    public static NeuronNames of(LiquidModel model) {
        if (model.wiring().isPresent()) {
            return of(model.wiring().get());
        }
        int[] ids = model.stateNeuronIds();
        NeuronRole[] roles = new NeuronRole[ids.length];
        for (int p = 0; p < ids.length; p++) {
            roles[ids[p]] = model.stateRole(p);
        }
        String[] names = new String[roles.length];
        String[] labels = new String[roles.length];
        boolean baseline = model.spec().cell() instanceof BaselineSpec;
        int perLayer = baseline ? roles.length / ((BaselineSpec) model.spec().cell()).layers() : 0;
        for (int i = 0; i < roles.length; i++) {
            names[i] = baseline ? String.format(Locale.ROOT, "l%d.u%d", i / perLayer, i % perLayer)
                    : Wiring.neuronName(roles, i);
            labels[i] = baseline ? names[i] : Wiring.neuronLabel(roles, i);
        }
        return new NeuronNames(roles, names, labels, baseline);
    }

    /** Number of neurons. */
    public int size() {
        return names.length;
    }

    /** Neuron {@code id}'s name, e.g. {@code command 3 (id 4)} or {@code l0.u3}. */
    public String name(int id) {
        return names[id];
    }

    /** Neuron {@code id}'s short label, e.g. {@code C3} or {@code l0.u3}. */
    public String label(int id) {
        return labels[id];
    }

    /** Neuron {@code id}'s role (every hidden unit of a baseline is an inter neuron). */
    public NeuronRole role(int id) {
        return roles[id];
    }

    /** True for a baseline's hidden units, which have no command neurons and no wiring. */
    public boolean isBaseline() {
        return baseline;
    }
}
