package io.liquidlens.dynamics.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group of seeds ({@code --models NAME=DIR,DIR,...}: networks of one architecture trained from different seeds)
 * summarised: each member's PC1 share and median L_max, and their mean, smallest and largest. No interval: a
 * handful of seeds says how far they spread, not where an architecture's mean lies.
 *
 * @param name       the group's name
 * @param members    the members' names, in the order given
 * @param pc1Share   each member's PC1 share
 * @param medianLmax each member's median L_max
 */
public record GroupSummary(String name, List<String> members, double[] pc1Share, double[] medianLmax) {

    public GroupSummary {
        members = List.copyOf(members);
        pc1Share = pc1Share.clone();
        medianLmax = medianLmax.clone();
    }

    /** The groups of {@code models}, in the order of their first member (models in no group are left out). */
    static List<GroupSummary> of(List<ModelDynamics> models) {
        Map<String, List<ModelDynamics>> byGroup = new LinkedHashMap<>();
        for (ModelDynamics m : models) {
            if (!m.group().isEmpty()) {
                byGroup.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m);
            }
        }
        List<GroupSummary> out = new ArrayList<>();
        byGroup.forEach((name, members) -> out.add(new GroupSummary(name,
                members.stream().map(ModelDynamics::label).toList(),
                members.stream().mapToDouble(m -> m.result().pca().pc1Share()).toArray(),
                members.stream().mapToDouble(ModelDynamics::medianLmax).toArray())));
        return out;
    }

    @Override
    public double[] pc1Share() {
        return pc1Share.clone();
    }

    @Override
    public double[] medianLmax() {
        return medianLmax.clone();
    }

    /** Mean, smallest and largest of the finite values (NaN each when there is none). */
    static double[] meanMinMax(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[] {Arrays.stream(v).average().orElseThrow(), Arrays.stream(v).min().orElseThrow(),
            Arrays.stream(v).max().orElseThrow()};
    }
}
