package io.liquidlens.causal;

import io.liquidlens.io.NdArray;

/**
 * One frame shown clean and perturbed with its saliency maps, for a report's overlay figures.
 *
 * @param condition      the condition's name
 * @param step           the step (global index over the concatenated rollouts)
 * @param cleanFrame     the recorded frame (H, W, C) in [0, 1]
 * @param cleanMap       the saliency map of the clean frame
 * @param perturbedFrame the frame under the condition (H, W, C); values may leave [0, 1] (unclipped noise)
 * @param perturbedMap   the saliency map of the perturbed frame
 */
public record SaliencyOverlay(String condition, int step, NdArray cleanFrame, SaliencyMap cleanMap,
                              NdArray perturbedFrame, SaliencyMap perturbedMap) {
}
