package io.liquidlens.causal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Open-loop measures of one model on recorded frames under one condition, one entry per measured step (the
 * same steps for every model and condition, so they pair up).
 *
 * @param steps           the rollout steps measured (global index over the concatenated rollouts)
 * @param episodes        the rollout (recorded episode) each measured step belongs to, by its index in the
 *                        report's rollouts: frames of one episode are correlated, so intervals resample by it
 * @param ssim            SSIM of the clean and the perturbed saliency map (NCP paper Fig. 4b)
 * @param deviation       |y_perturbed - y_clean| of the explained output; the perturbed run sees the
 *                        perturbation at every step up to t
 * @param distractorShare share of the perturbed map's mass on distractor pixels (label 3), NaN without labels
 * @param taskShare       share of the perturbed map's mass on road and lane-marking pixels, NaN without labels
 * @param distractorArea  share of the perturbed frame's pixels labelled distractor: the share a map spread
 *                        evenly would put there, so {@code distractorShare / distractorArea > 1} means the model
 *                        looks at distractors more than chance; NaN without labels
 * @param taskArea        share of the perturbed frame's pixels labelled road or lane marking; NaN without labels
 * @param spuriousShare   a vector model's share of the perturbed map's mass on its {@code spurious_*} inputs
 *                        alone (part of {@code distractorShare}): the shortcut a network may have learnt, told
 *                        apart from plain noise channels; NaN for camera models and models without such inputs
 */
public record FrameMetrics(List<Integer> steps, List<Integer> episodes, List<Double> ssim,
                           List<Double> deviation, List<Double> distractorShare, List<Double> taskShare,
                           List<Double> distractorArea, List<Double> taskArea, List<Double> spuriousShare) {

    /** Copies the lists and checks they have one entry per step. */
    public FrameMetrics {
        steps = List.copyOf(steps);
        episodes = List.copyOf(episodes);
        ssim = List.copyOf(ssim);
        deviation = List.copyOf(deviation);
        distractorShare = List.copyOf(distractorShare);
        taskShare = List.copyOf(taskShare);
        distractorArea = List.copyOf(distractorArea);
        taskArea = List.copyOf(taskArea);
        spuriousShare = List.copyOf(spuriousShare);
        int n = steps.size();
        if (episodes.size() != n || ssim.size() != n || deviation.size() != n || distractorShare.size() != n
                || taskShare.size() != n || distractorArea.size() != n || taskArea.size() != n
                || spuriousShare.size() != n) {
            throw new IllegalArgumentException("frame metrics need one value per step (" + n + " steps)");
        }
    }

    /** Measures without a spurious-input share (camera models): every step's is NaN. */
    public FrameMetrics(List<Integer> steps, List<Integer> episodes, List<Double> ssim, List<Double> deviation,
                        List<Double> distractorShare, List<Double> taskShare, List<Double> distractorArea,
                        List<Double> taskArea) {
        this(steps, episodes, ssim, deviation, distractorShare, taskShare, distractorArea, taskArea,
                Collections.nCopies(steps.size(), Double.NaN));
    }

    /**
     * The per-step series by the names reports give them, in the order written; {@code spurious_share} only when
     * some step has one, so camera reports keep their rows and keys.
     */
    public Map<String, List<Double>> series() {
        Map<String, List<Double>> m = new LinkedHashMap<>();
        m.put("ssim", ssim);
        m.put("deviation", deviation);
        m.put("distractor_share", distractorShare);
        m.put("task_share", taskShare);
        m.put("distractor_area", distractorArea);
        m.put("task_area", taskArea);
        if (spuriousShare.stream().anyMatch(Double::isFinite)) {
            m.put("spurious_share", spuriousShare);
        }
        return m;
    }

    /** {@link #episodes} as an array, one entry per measured step. */
    public int[] episodeOfFrame() {
        return episodes.stream().mapToInt(Integer::intValue).toArray();
    }
}
