/**
 * How sure a figure is (docs/ANALYSES.md#statistics): seeded block-bootstrap intervals for statistics of
 * correlated frames, paired comparisons of two models measured on the same frames with a correction for how many
 * are made, two-stage bootstraps of groups of independently trained networks (members and frames), permutation
 * tests of small samples, and exact Poisson intervals for event rates. Plain arithmetic on arrays, deterministic for a seed.
 * Depends on nothing else in LiquidLens.
 */
package io.liquidlens.stats;
