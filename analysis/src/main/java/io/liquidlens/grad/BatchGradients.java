package io.liquidlens.grad;

import io.liquidlens.io.NdArray;

/**
 * Gradients of {@code sum(outputs * G)} for a batch, in float64.
 *
 * @param inputGrad d/d(input), (B, L, S)
 * @param hx0Grad   d/d(hx0), (B, N)
 * @param cx0Grad   d/d(cx0), (B, N) with mixed memory, else null
 */
public record BatchGradients(NdArray inputGrad, NdArray hx0Grad, NdArray cx0Grad) {
}
