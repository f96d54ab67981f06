package io.liquidlens.grad;

/**
 * Gradients of a loss with respect to one sequence's inputs and initial state.
 *
 * @param input d/d(input), (L, S) row-major
 * @param hx0   d/d(h0), N
 * @param cx0   d/d(c0), N with mixed memory, else null
 */
public record InputGradients(double[] input, double[] hx0, double[] cx0) {
}
