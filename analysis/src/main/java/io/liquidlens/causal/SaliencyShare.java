package io.liquidlens.causal;

import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Labels;
import java.util.Arrays;

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
     * The shares of {@code map} over one frame's label map (H x W classes, row-major).
     *
     * @throws IllegalArgumentException when the labels are not H x W or a map value is negative
     */
    public static SaliencyShare of(SaliencyMap map, byte[] frameLabels) {
        if (frameLabels.length != map.height() * map.width()) {
            throw new IllegalArgumentException("a " + map.height() + "x" + map.width() + " saliency map needs "
                    + map.height() * map.width() + " labels, got " + frameLabels.length);
        }
        return of(map, p -> frameLabels[p] & 0xff);
    }

    /**
     * The shares of {@code map} over the label map {@code labels[offset .. offset + H * W)} (row-major, as a
     * rollout's {@code labels} hold them).
     *
     * @throws IllegalArgumentException when the labels do not hold H x W values from {@code offset}, or a
     *                                  map value is negative (shares of signed maps mean nothing; take |.|)
     */
    public static SaliencyShare of(SaliencyMap map, long[] labels, int offset) {
        int pixels = map.height() * map.width();
        if (offset < 0 || offset + (long) pixels > labels.length) {
            throw new IllegalArgumentException("a " + map.height() + "x" + map.width() + " saliency map needs "
                    + pixels + " labels from " + offset + "; the label array holds " + labels.length);
        }
        return of(map, p -> labels[offset + p]);
    }

    /**
     * The shares of {@code map} with pixel p (row-major) of class {@code labelOf.applyAsLong(p)}.
     *
     * @throws IllegalArgumentException when a map value is negative
     */
    static SaliencyShare of(SaliencyMap map, java.util.function.IntToLongFunction labelOf) {
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
     * The shares of {@code map} over the labels of step {@code step} of {@code rollout}.
     *
     * @throws IllegalArgumentException when the rollout has no labels, the step is outside it or the map is
     *                                  not the size of its label maps
     */
    public static SaliencyShare of(SaliencyMap map, Rollout rollout, int step) {
        if (step < 0 || step >= rollout.steps()) {
            throw new IllegalArgumentException("step " + step + " is not one of the rollout's " + rollout.steps()
                    + " steps (0.." + (rollout.steps() - 1) + ")");
        }
        return of(map, FrameLabels.of(checkedLabels(rollout, map)), step);
    }

    /** The rollout's labels, checked against the map's size. */
    static io.liquidlens.io.NdArray checkedLabels(Rollout rollout, SaliencyMap map) {
        if (rollout.labels() == null) {
            throw new IllegalArgumentException("saliency shares need the rollout's pixel labels (a camera rollout"
                    + " recorded by the sample world, or one a SampleWorld perturbation labelled); this one has none");
        }
        int[] shape = rollout.labels().shape();
        if (shape.length != 3 || shape[1] != map.height() || shape[2] != map.width()) {
            throw new IllegalArgumentException("the rollout's labels " + Arrays.toString(shape) + " are not (T, "
                    + map.height() + ", " + map.width() + ") like the saliency map");
        }
        return rollout.labels();
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
