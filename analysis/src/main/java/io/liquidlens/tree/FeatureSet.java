package io.liquidlens.tree;

import io.liquidlens.model.NeuronNames;
import io.liquidlens.wiring.NeuronRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which neurons' activity the tree may split on.
 *
 * @param roles   every neuron of these roles, in id order (used when {@code neurons} is empty)
 * @param neurons a chosen subset instead, by name ({@code command 2 (id 3)}) or label ({@code C2}), in this order
 * @param rates   also each chosen neuron's rate of change {@code (x[t] - x[t-1]) / dt} within an episode; the
 *                first step of every episode has none and is then left out of the data set (a made-up 0 there
 *                would be a value a split could pick up)
 */
public record FeatureSet(Set<NeuronRole> roles, List<String> neurons, boolean rates) {

    /** Copies and checks. */
    public FeatureSet {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        neurons = neurons == null ? List.of() : List.copyOf(neurons);
        if (roles.isEmpty() && neurons.isEmpty()) {
            throw new IllegalArgumentException("features: give roles or neurons");
        }
        if (roles.contains(NeuronRole.SENSORY)) {
            throw new IllegalArgumentException("features: sensory inputs are not neurons with a state; roles may be "
                    + "inter, command, motor");
        }
    }

    /** The policy-level default: every command neuron's state. */
    public static FeatureSet defaults() {
        return new FeatureSet(Set.of(NeuronRole.COMMAND), List.of(), false);
    }

    /** What a tree over {@link #allUnits} says of its features, in its caption, options and summary line. */
    public static final String ALL_UNITS_NOTE = "a baseline has no command neurons, so every unit is a feature";

    /** Every neuron: the default for a baseline, which has no command neurons to split on. */
    public static FeatureSet allUnits(boolean rates) {
        return new FeatureSet(EnumSet.of(NeuronRole.INTER, NeuronRole.COMMAND, NeuronRole.MOTOR), List.of(), rates);
    }

    /** True when every neuron is a feature ({@link #allUnits}). */
    public boolean isAllUnits() {
        return neurons.isEmpty() && roles.size() == NeuronRole.values().length - 1;
    }

    /**
     * The features a tree of {@code names}' model splits on: these, or every unit when these ask for roles a
     * baseline does not have (its hidden units are all alike; docs/BASELINES.md#what-takes-a-baseline).
     */
    public FeatureSet forModel(NeuronNames names) {
        return names.isBaseline() && neurons.isEmpty() ? allUnits(rates) : this;
    }

    /** The features in words for captions: {@code command neurons}, {@code all units}, or the names given. */
    public String describe() {
        if (!neurons.isEmpty()) {
            return String.join(", ", neurons);
        }
        return isAllUnits() ? "all units" : String.join(" + ", roles.stream().sorted().map(NeuronRole::ncpsName)
                .toList()) + " neurons";
    }

    /**
     * One column of the data set.
     *
     * @param neuron the wiring id
     * @param rate   the state's rate of change rather than the state
     * @param name   the column's name: the neuron's name, or {@code d/dt } and the name
     */
    public record Feature(int neuron, boolean rate, String name) {
    }

    /**
     * The columns for a model whose neurons are {@code names}.
     *
     * @throws IllegalArgumentException naming a neuron that does not exist, with the names that do
     */
    public List<Feature> resolve(NeuronNames names) {
        Set<Integer> ids = new LinkedHashSet<>();
        if (neurons.isEmpty()) {
            for (int i = 0; i < names.size(); i++) {
                if (roles.contains(names.role(i))) {
                    ids.add(i);
                }
            }
            if (ids.isEmpty()) {
                Map<NeuronRole, Integer> counts = new EnumMap<>(NeuronRole.class);
                for (int i = 0; i < names.size(); i++) {
                    counts.merge(names.role(i), 1, Integer::sum);
                }
                throw new IllegalArgumentException("the model has no " + roleWords() + " neurons (its wiring has "
                        + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().ncpsName()).toList()
                        + "); name the neurons to use, or include the inter neurons");
            }
        } else {
            for (String n : neurons) {
                ids.add(find(names, n));
            }
        }
        List<Feature> out = new ArrayList<>();
        for (int id : ids) {
            out.add(new Feature(id, false, names.name(id)));
        }
        if (rates) {
            for (int id : ids) {
                out.add(new Feature(id, true, "d/dt " + names.name(id)));
            }
        }
        return out;
    }

    private String roleWords() {
        return String.join(" or ", roles.stream().sorted().map(NeuronRole::ncpsName).toList());
    }

    private static int find(NeuronNames names, String given) {
        String g = given.trim();
        for (int i = 0; i < names.size(); i++) {
            if (names.name(i).equalsIgnoreCase(g) || names.label(i).equalsIgnoreCase(g)) {
                return i;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            labels.add(names.label(i));
        }
        throw new IllegalArgumentException("no neuron named \"" + given + "\"; give a name such as \""
                + names.name(names.size() - 1) + "\" or a label (this model has "
                + String.join(" ", labels).toUpperCase(Locale.ROOT) + ")");
    }
}
