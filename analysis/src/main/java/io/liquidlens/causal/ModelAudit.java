package io.liquidlens.causal;

import java.util.List;

/**
 * The causality measures of one model.
 *
 * @param name          a short name for tables (the model folder's name)
 * @param description   cell, wiring and size, e.g. {@code LTC, NCP wiring, 19 neurons, conv head}
 * @param conditions    one result per condition, in the report's condition order
 * @param interventions the intervention effects, largest mean effect first (the causal ranking)
 * @param overlays      a few frames per condition with their maps
 */
public record ModelAudit(String name, String description, List<ConditionResult> conditions,
                         List<InterventionEffect> interventions, List<SaliencyOverlay> overlays) {

    public ModelAudit {
        conditions = List.copyOf(conditions);
        interventions = List.copyOf(interventions);
        overlays = List.copyOf(overlays);
    }
}
