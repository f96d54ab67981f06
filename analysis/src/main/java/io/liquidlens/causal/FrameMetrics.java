package io.liquidlens.causal;

import java.util.List;

/**
 * Open-loop measures of one model on recorded frames under one condition, one entry per measured step (the
 * same steps for every model and condition, so they pair up).
 *
 * @param steps           the rollout steps measured (global index over the concatenated rollouts)
 * @param ssim            SSIM of the clean and the perturbed saliency map (NCP paper Fig. 4b)
 * @param deviation       |y_perturbed - y_clean| of the explained output; the perturbed run sees the
 *                        perturbation at every step up to t
 * @param distractorShare share of the perturbed map's mass on distractor pixels (label 3), NaN without labels
 * @param taskShare       share of the perturbed map's mass on road and lane-marking pixels, NaN without labels
 */
public record FrameMetrics(List<Integer> steps, List<Double> ssim, List<Double> deviation,
                           List<Double> distractorShare, List<Double> taskShare) {

    /** Copies the lists and checks they have one entry per step. */
    public FrameMetrics {
        steps = List.copyOf(steps);
        ssim = List.copyOf(ssim);
        deviation = List.copyOf(deviation);
        distractorShare = List.copyOf(distractorShare);
        taskShare = List.copyOf(taskShare);
        int n = steps.size();
        if (ssim.size() != n || deviation.size() != n || distractorShare.size() != n || taskShare.size() != n) {
            throw new IllegalArgumentException("frame metrics need one value per step (" + n + " steps)");
        }
    }
}
