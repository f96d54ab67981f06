package io.liquidlens.dynamics;

/**
 * How two series go together over the same steps.
 *
 * @param pearson  Pearson's r (NaN when either series is constant)
 * @param spearman Spearman's rho: Pearson's r of the ranks, ties given their average rank
 */
public record Correlation(double pearson, double spearman) {
}
