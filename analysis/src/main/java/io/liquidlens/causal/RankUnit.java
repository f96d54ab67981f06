package io.liquidlens.causal;

import java.io.Serializable;
import java.util.List;

/**
 * One work unit of a report's interventions: model {@code model}'s decision neurons ranked by clamping and cutting
 * them on the clean rollouts, read from the files its plan names, so that it can run in any process.
 */
record RankUnit(FramePlan plan, int model) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A model's ranking, largest mean effect first. */
    record Ranking(List<InterventionEffect> effects) implements Serializable {
        private static final long serialVersionUID = 1L;

        Ranking {
            effects = List.copyOf(effects);
        }
    }

    Ranking rank() {
        FrameWorkspace w = FrameWorkspace.of(plan);
        return new Ranking(InterventionRanking.rank(w.model(model).network(), w.rollouts(), plan.output()));
    }
}
