package io.liquidlens.dynamics;

/**
 * How strongly the state answers a small change of the input: the model is run again on seeded noisy copies of
 * each rollout's input features (the cell's inputs, after a perception head), and at every step t the ratio
 * ||x'(t) - x(t)|| / ||u'(0..t) - u(0..t)|| is taken: the change of the state (all neurons) over the change of
 * the whole input history that led to it (Euclidean norms; the state at t depends on every input before it).
 * Its maximum is a local Lipschitz estimate of the map from input history to state along the rollouts, as the
 * drone causality work reports.
 *
 * @param noise   the noise's standard deviation, as a fraction of each input feature's spread
 * @param trials  noisy copies per rollout
 * @param seed    the noise's seed
 * @param max     the largest ratio over every step, copy and rollout (NaN when trials is 0)
 * @param median  the median ratio
 */
public record Sensitivity(double noise, int trials, long seed, double max, double median) {
}
