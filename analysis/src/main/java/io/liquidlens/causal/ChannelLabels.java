package io.liquidlens.causal;

import io.liquidlens.io.InputRole;
import io.liquidlens.io.ModelManifest;
import io.liquidlens.lanekeeping.Labels;
import io.liquidlens.model.LoadedModel;
import java.util.List;

/**
 * The vector analogue of a camera's label map: each input channel is task or distractor by the role model.json
 * (or {@code --input-roles}) gives it, else by the sample world's naming ({@link InputRole#byConvention}), so the
 * share of saliency on distractor channels is measured exactly as on distractor pixels. The spurious share stays
 * by name: it measures the sample world's own shortcut channels, {@code spurious_*}.
 */
final class ChannelLabels {
    private static final String SPURIOUS = "spurious_";

    private ChannelLabels() {
    }

    /**
     * The classes of a vector model's inputs, alike at every step, or null for a camera model or inputs none of
     * which is task or distractor (no labels: the shares are n/a, as on a camera rollout without label maps).
     */
    static FrameLabels of(LoadedModel model) {
        if (model.network().head().isPresent()) {
            return null;
        }
        ModelManifest.InputSpec inputs = model.manifest().inputs();
        List<String> names = inputs.names();
        long[] classes = new long[names.size()];
        boolean known = false;
        for (int i = 0; i < classes.length; i++) {
            InputRole role = inputs.roleOf(names.get(i));
            classes[i] = classOf(role);
            known |= role != InputRole.OTHER;
        }
        if (!known) {
            return null;
        }
        return FrameLabels.everyStep(classes);
    }

    /** The pixel class a channel of {@code role} is measured as: task as road, distractor as distractor. */
    static long classOf(InputRole role) {
        return switch (role) {
            case TASK -> Labels.ROAD;
            case DISTRACTOR -> Labels.DISTRACTOR;
            case OTHER -> Labels.BACKGROUND;
        };
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
