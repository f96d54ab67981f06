package io.liquidlens.causal;

import io.liquidlens.lanekeeping.Labels;
import io.liquidlens.model.LoadedModel;
import java.util.List;

/**
 * The vector analogue of a camera's label map: each input channel of the sample world's vector sensor is task
 * ({@code d}, {@code mu}, {@code kappa}) or distractor ({@code noise_*}, {@code spurious_*}), so the share of
 * saliency on distractor channels is measured exactly as on distractor pixels.
 */
final class ChannelLabels {
    private static final List<String> TASK = List.of("d", "mu", "kappa");
    private static final String SPURIOUS = "spurious_";

    private ChannelLabels() {
    }

    /**
     * The classes of a vector model's inputs, alike at every step, or null for a camera model or inputs
     * that are not the sample world's (no channel named as the vector sensor names them).
     */
    static FrameLabels of(LoadedModel model) {
        if (model.network().head().isPresent()) {
            return null;
        }
        List<String> names = model.manifest().inputs().names();
        long[] classes = new long[names.size()];
        boolean known = false;
        for (int i = 0; i < classes.length; i++) {
            String n = names.get(i);
            if (TASK.contains(n)) {
                classes[i] = Labels.ROAD;
                known = true;
            } else if (n.startsWith("noise_") || n.startsWith(SPURIOUS)) {
                classes[i] = Labels.DISTRACTOR;
                known = true;
            } else {
                classes[i] = Labels.BACKGROUND;
            }
        }
        if (!known) {
            return null;
        }
        return FrameLabels.everyStep(classes);
    }

    /**
     * A vector model's {@code spurious_*} inputs labelled as distractors and every other input as background, so
     * that a map's distractor share over them is its share on the shortcut alone; null for a camera model or
     * one without such inputs.
     */
    static FrameLabels spuriousOf(LoadedModel model) {
        if (model.network().head().isPresent()) {
            return null;
        }
        List<String> names = model.manifest().inputs().names();
        long[] classes = new long[names.size()];
        boolean any = false;
        for (int i = 0; i < classes.length; i++) {
            if (names.get(i).startsWith(SPURIOUS)) {
                classes[i] = Labels.DISTRACTOR;
                any = true;
            } else {
                classes[i] = Labels.BACKGROUND;
            }
        }
        return any ? FrameLabels.everyStep(classes) : null;
    }
}
