package io.liquidlens.dynamics.service;

import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.RolloutDynamics;
import io.liquidlens.provenance.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * The dynamics of one or more models over the same rollouts, with how they were made.
 *
 * @param models     in the order given, at least one
 * @param mapColour  what colours the map of the drive
 * @param provenance every model and rollout read (with its SHA-256) and every option
 */
public record DynamicsRun(List<ModelDynamics> models, MapColour mapColour, Provenance provenance) {

    public DynamicsRun {
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a dynamics run has at least one model");
        }
        Objects.requireNonNull(mapColour, "mapColour");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The options every model was measured with. */
    public DynamicsOptions options() {
        return models.get(0).result().options();
    }

    /** The groups of seeds, in the order of their first member; empty when no model is in a group. */
    public List<GroupSummary> groups() {
        return GroupSummary.of(models);
    }

    /** The rollouts, as the first model saw them (every model sees the same). */
    public List<RolloutDynamics> rollouts() {
        return models.get(0).result().rollouts();
    }
}
