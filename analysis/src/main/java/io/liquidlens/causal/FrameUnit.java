package io.liquidlens.causal;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.model.LoadedModel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One work unit of a report's frame measures: model {@code model} under condition {@code condition} on the
 * report frames {@code from} (inclusive) to {@code to}, measured from the files its plan names, so that it can
 * run in any process. It measures each frame as the in-process report does ({@link FrameMeasure}).
 */
record FrameUnit(FramePlan plan, int model, int condition, int from, int to) implements Serializable {
    private static final long serialVersionUID = 1L;

    int size() {
        return to - from;
    }

    /**
     * The block's measures; bad input (a file that cannot be read, a condition a rollout cannot take) comes back
     * as a failed block, since running it again would fail the same way. Anything else is thrown, so that an
     * engine may run the unit again.
     */
    FrameBlock measure() {
        try {
            return measureOrThrow();
        } catch (CausalAuditor.RolloutException e) {
            return FrameBlock.failed(e.index(), e.getMessage());
        } catch (IllegalArgumentException | LiquidLensException e) {
            return FrameBlock.failed(-1, e.getMessage());
        }
    }

    private FrameBlock measureOrThrow() {
        FrameWorkspace w = FrameWorkspace.of(plan);
        LoadedModel loaded = w.model(model);
        int outputs = loaded.network().outputSize();
        CausalAuditor.Disturbed d = w.disturbed(condition);
        List<Rollout> perturbed = d.rollouts().stream().map(PerturbedRollout::rollout).toList();
        List<int[]> block = w.frames().subList(from, to);
        FrameSaliency clean = w.saliency(model);
        clean.prepare(w.rollouts(), block);
        FrameSaliency saliency = w.saliency(model);
        saliency.prepare(perturbed, block);
        List<float[]> cleanOut = w.cleanOutputs(model);
        List<float[]> out = w.outputs(model, condition);
        FrameLabels channels = ChannelLabels.of(loaded);
        FrameLabels spurious = ChannelLabels.spuriousOf(loaded);
        Set<Integer> overlaid = loaded.network().head().isPresent()
                ? new HashSet<>(FrameSelection.spread(w.frames().size(), plan.overlays())) : Set.of();
        double[][] values = new double[FrameBlock.SERIES][block.size()];
        List<FrameBlock.Overlay> overlays = new ArrayList<>();
        for (int k = 0; k < block.size(); k++) {
            int r = block.get(k)[0];
            int t = block.get(k)[1];
            SaliencyMap cleanMap = clean.map(w.rollouts().get(r), t);
            SaliencyMap map = saliency.map(perturbed.get(r), t);
            int at = t * outputs + plan.output();
            FrameLabels labels = d.labels().get(r) != null ? d.labels().get(r) : channels;
            FrameMeasure f = FrameMeasure.of(cleanMap, map, cleanOut.get(r)[at], out.get(r)[at], labels, spurious, t);
            double[] row = {f.ssim(), f.deviation(), f.distractor(), f.task(), f.distractorArea(), f.taskArea(),
                    f.spurious()};
            for (int s = 0; s < FrameBlock.SERIES; s++) {
                values[s][k] = row[s];
            }
            if (overlaid.contains(from + k)) {
                NdArray frame = CausalAuditor.frame(perturbed.get(r), t);
                overlays.add(new FrameBlock.Overlay(from + k, map.height(), map.width(), cleanMap.values(),
                        frame.shape(), frame.floatsView(), map.values()));
            }
        }
        return new FrameBlock(values, overlays, -1, null);
    }
}
