package io.liquidlens.causal;

import io.liquidlens.provenance.Provenance;
import java.util.List;

/**
 * A whole causality report's numbers: every model under every condition, with how they were made. Report
 * assembly (HTML, PDF, CSV, JSON) reads only this.
 *
 * @param method     the saliency method with its options, in its record form
 * @param output     the explained output's index
 * @param outputName the explained output's name
 * @param conditions the conditions, in order (the clean one first when present)
 * @param models     one audit per model, in the order given
 * @param evidence   how sure the models' numbers are: intervals and paired comparisons
 * @param provenance models and rollouts read (with SHA-256), options, seeds, version, platform
 */
public record CausalAudit(String method, int output, String outputName, List<Condition> conditions,
                          List<ModelAudit> models, Evidence evidence, Provenance provenance) {

    public CausalAudit {
        conditions = List.copyOf(conditions);
        models = List.copyOf(models);
    }
}
