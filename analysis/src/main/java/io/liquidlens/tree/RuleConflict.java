package io.liquidlens.tree;

/**
 * Two neurons whose rules cover the same steps of world space but predict opposite extremes: one neuron's rule says
 * its lowest class, the other's its highest. Counted on the data (steps satisfying both rules), so two boxes that
 * only touch, or meet where no step was, never conflict.
 *
 * @param first          index of the first neuron in the result's list (the lower index)
 * @param firstRule      its rule's index
 * @param second         index of the second neuron
 * @param secondRule     its rule's index
 * @param steps          steps covered by both rules
 * @param pairSteps      steps where any opposite-extreme rules of these two neurons overlap (this pair's total)
 */
public record RuleConflict(int first, int firstRule, int second, int secondRule, int steps, int pairSteps) {
}
