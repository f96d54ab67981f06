package io.liquidlens.causal;

import io.liquidlens.dynamics.StateSummary;
import io.liquidlens.io.InputRole;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The causality measures of one model.
 *
 * @param name          a short name for tables (the model folder's name)
 * @param description   cell, wiring and size, e.g. {@code LTC, NCP wiring, 19 neurons, conv head}
 * @param conditions    one result per condition, in the report's condition order
 * @param interventions the intervention effects, largest mean effect first (the causal ranking)
 * @param overlays      a few frames per condition with their maps
 * @param inputRoles    a vector model's inputs with the roles its shares were measured by, in input order
 *                      (empty for a camera model)
 * @param dynamics      PC1's share and the neurons' smoothness over the clean rollouts, or null when not measured
 * @param epochsDone    the epochs {@code liquidlens train} had done when it wrote the model (its model.json's
 *                      {@code provenance.training.epochs_done}), or -1 when the model.json does not say
 */
public record ModelAudit(String name, String description, List<ConditionResult> conditions,
                         List<InterventionEffect> interventions, List<SaliencyOverlay> overlays,
                         Map<String, InputRole> inputRoles, StateSummary dynamics, int epochsDone) {

    public ModelAudit {
        conditions = List.copyOf(conditions);
        interventions = List.copyOf(interventions);
        overlays = List.copyOf(overlays);
        inputRoles = Collections.unmodifiableMap(new LinkedHashMap<>(inputRoles));
        if (epochsDone < -1) {
            throw new IllegalArgumentException("epochs done must be >= 0, or -1 for unknown, got " + epochsDone);
        }
    }

    /** A model audit of a model whose epochs of training are not known. */
    public ModelAudit(String name, String description, List<ConditionResult> conditions,
                      List<InterventionEffect> interventions, List<SaliencyOverlay> overlays,
                      Map<String, InputRole> inputRoles, StateSummary dynamics) {
        this(name, description, conditions, interventions, overlays, inputRoles, dynamics, -1);
    }

    /** True when the model's model.json says how many epochs it was trained. */
    public boolean epochsKnown() {
        return epochsDone >= 0;
    }

    /** A model audit without dynamics. */
    public ModelAudit(String name, String description, List<ConditionResult> conditions,
                      List<InterventionEffect> interventions, List<SaliencyOverlay> overlays,
                      Map<String, InputRole> inputRoles) {
        this(name, description, conditions, interventions, overlays, inputRoles, null);
    }

    /** A model audit without input roles (a camera model's) or dynamics. */
    public ModelAudit(String name, String description, List<ConditionResult> conditions,
                      List<InterventionEffect> interventions, List<SaliencyOverlay> overlays) {
        this(name, description, conditions, interventions, overlays, Map.of());
    }
}
