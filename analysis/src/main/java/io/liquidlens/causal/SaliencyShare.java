package io.liquidlens.causal;

import io.liquidlens.io.InputRole;
import io.liquidlens.lanekeeping.Labels;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Where a saliency map's mass lies by the camera's pixel classes (docs/ANALYSES.md#distractors): the share of
 * the map's total on distractor pixels (label 3) and on task pixels (road 1 and lane marking 2); the rest is
 * on background (0 and any other class). A network that steers from the road puts its mass on the task.
 *
 * <p>A map whose total is 0 says nothing about where attention went: both shares are then NaN, so that a
 * mean over steps cannot count such a step as "no attention on distractors" (see {@link #defined()}).
 *
 * @param distractor share of the mass on label-3 pixels, in [0, 1], or NaN when the total is 0
 * @param task       share of the mass on road and lane-marking pixels, in [0, 1], or NaN when the total is 0
 * @param total      the map's total mass (sum of its values)
 */
public record SaliencyShare(double distractor, double task, double total) {

    /**
     * The shares of {@code map} with pixel p (row-major) of class {@code labelOf.applyAsLong(p)}.
     *
     * @throws IllegalArgumentException when a map value is negative
     */
    private static SaliencyShare of(SaliencyMap map, IntToLongFunction labelOf) {
        int pixels = map.height() * map.width();
        double[] values = map.values();
        double total = 0;
        double onDistractor = 0;
        double onTask = 0;
        for (int p = 0; p < pixels; p++) {
            double v = values[p];
            if (v < 0) {
                throw new IllegalArgumentException("saliency share needs a map of values >= 0, got " + v
                        + " at row " + p / map.width() + ", column " + p % map.width());
            }
            long label = labelOf.applyAsLong(p);
            total += v;
            if (label == Labels.DISTRACTOR) {
                onDistractor += v;
            } else if (label == Labels.ROAD || label == Labels.LANE_MARKING) {
                onTask += v;
            }
        }
        if (total == 0) {
            return new SaliencyShare(Double.NaN, Double.NaN, 0);
        }
        return new SaliencyShare(onDistractor / total, onTask / total, total);
    }

    /**
     * The shares of {@code map} over step {@code step} of {@code labels}.
     *
     * @throws IllegalArgumentException when the labels per step are not the map's H x W, or a map value is negative
     */
    static SaliencyShare of(SaliencyMap map, FrameLabels labels, int step) {
        if (labels.perStep() != map.height() * map.width()) {
            throw new IllegalArgumentException("a " + map.height() + "x" + map.width() + " saliency map needs "
                    + map.height() * map.width() + " labels per step, the labels have " + labels.perStep());
        }
        return of(map, p -> labels.at(step, p));
    }

    /**
     * The shares of a vector model's map over its inputs, input {@code i} counted by {@code roles.get(i)}, exactly
     * as the report counts them ({@code other} as background): what the workbench shows for the roles a user sets.
     *
     * @throws IllegalArgumentException when the map does not hold one value per role, or a value is negative
     */
    public static SaliencyShare ofInputs(SaliencyMap map, List<InputRole> roles) {
        long[] classes = new long[roles.size()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = ChannelLabels.classOf(roles.get(i));
        }
        return of(map, FrameLabels.everyStep(classes), 0);
    }

    /** The share on background pixels: 1 - distractor - task (NaN when the total is 0). */
    public double background() {
        return 1 - distractor - task;
    }

    /** Whether the map had any mass, so that the shares are numbers. */
    public boolean defined() {
        return total > 0;
    }
}
