package io.liquidlens.app.saliency;

import io.liquidlens.causal.SaliencyMap;
import io.liquidlens.io.Rollout;

/**
 * What the panel shows for one step: the map on the clean rollout and on the perturbed one (as the method gives
 * them; the view normalises them for colour), the SSIM of the two, and how far the output moved.
 *
 * @param step      the step both maps belong to
 * @param method    the method that made them
 * @param clean     the rollout the clean map is of (its frame {@code step} is drawn under the map)
 * @param perturbed the perturbed rollout (the clean one itself for "none")
 * @param cleanMap  the map on the clean rollout
 * @param perturbedMap the map on the perturbed rollout
 * @param ssim      {@code Ssim.between} the two maps, or NaN when the maps are smaller than SSIM's window
 *                  (a vector model's 1 x S strip)
 * @param deviation |y_perturbed - y_clean| of the explained output at the step
 */
public record StepMaps(int step, MethodChoice method, Rollout clean, Rollout perturbed, SaliencyMap cleanMap,
                       SaliencyMap perturbedMap, double ssim, double deviation) {

    /** True when the SSIM could be computed. */
    public boolean hasSsim() {
        return !Double.isNaN(ssim);
    }
}
