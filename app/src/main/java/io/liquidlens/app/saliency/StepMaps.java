package io.liquidlens.app.saliency;

import io.liquidlens.causal.FrameChange;
import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.io.Rollout;

/**
 * What the panel shows for one step: the map on the clean rollout and on the perturbed one (as the method gives
 * them; the view normalises them for colour), and how far the perturbation moved the map and the output.
 *
 * @param step         the step both maps belong to
 * @param method       the method that made them, with its options
 * @param clean        the rollout the clean map is of (its frame {@code step} is drawn under the map)
 * @param perturbed    the perturbed rollout (the clean one itself for "none")
 * @param cleanMap     the map on the clean rollout
 * @param perturbedMap the map on the perturbed rollout
 * @param change       the SSIM of the two maps (NaN for a vector model's 1 x S strip) and the explained output's
 *                     deviation at the step
 */
public record StepMaps(int step, SaliencySpec method, Rollout clean, Rollout perturbed, SaliencyMap cleanMap,
                       SaliencyMap perturbedMap, FrameChange change) {
}
