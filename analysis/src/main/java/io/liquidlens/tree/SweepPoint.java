package io.liquidlens.tree;

import io.liquidlens.stats.Interval;

/**
 * One tree of a sweep over the minimum leaf size: how readable (leaves, size, depth) against how faithful.
 *
 * @param minLeaf          the minimum instances per leaf
 * @param leaves           leaves of the tree trained on the training episodes
 * @param size             its nodes
 * @param depth            its depth
 * @param fidelity         its agreement on the held-out episodes
 * @param trainingFidelity its agreement on the training episodes
 * @param fidelityInterval the 95% interval of {@code fidelity} ({@link FidelityInterval})
 */
public record SweepPoint(int minLeaf, int leaves, int size, int depth, double fidelity, double trainingFidelity,
                         Interval fidelityInterval) {
}
