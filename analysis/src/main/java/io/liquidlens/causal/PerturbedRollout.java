package io.liquidlens.causal;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import java.util.Arrays;

/**
 * A rollout whose inputs a {@link Perturbation} changed, with where it changed them: {@code changed} is
 * (T, H, W) for frames (a pixel counts when any of its channels differs) and (T, S) for vectors, so the share
 * of saliency that falls on a distractor can be measured.
 */
public record PerturbedRollout(Rollout rollout, NdArray changed) {

    /** {@code clean} with {@code inputs} (same shape, taken over) in place of its own, compared value by value. */
    static PerturbedRollout of(Rollout clean, float[] inputs) {
        return of(clean, inputs, clean.labels());
    }

    /** {@code clean} with {@code inputs} and {@code labels} in place of its own. */
    static PerturbedRollout of(Rollout clean, float[] inputs, NdArray labels) {
        float[] before = clean.inputs().floatsView();
        int[] shape = clean.inputs().shape();
        int channels = shape.length == 4 ? shape[3] : 1;
        boolean[] changed = new boolean[before.length / channels];
        for (int i = 0; i < before.length; i++) {
            if (Float.floatToIntBits(before[i]) != Float.floatToIntBits(inputs[i])) {
                changed[i / channels] = true;
            }
        }
        int[] maskShape = shape.length == 4 ? new int[] {shape[0], shape[1], shape[2]} : shape;
        Rollout perturbed = new Rollout(NdArray.ofFloats(shape, inputs), clean.timespans(), clean.actions(),
                clean.states(), clean.world(), clean.worldNames(), clean.position(), labels, clean.extras());
        return new PerturbedRollout(perturbed, NdArray.ofBooleans(maskShape, changed));
    }

    static PerturbedRollout ofFrames(Rollout clean, FrameEdit edit) {
        if (!clean.isImage()) {
            throw new IllegalArgumentException("this perturbation needs camera frames (T, H, W, C), got inputs "
                    + Arrays.toString(clean.inputs().shape()));
        }
        int[] shape = clean.inputs().shape();
        float[] x = clean.inputs().toFloatArray();
        int size = shape[1] * shape[2] * shape[3];
        for (int t = 0; t < shape[0]; t++) {
            edit.apply(x, t * size, t, shape[1], shape[2], shape[3]);
        }
        return of(clean, x);
    }

    /** How many positions of step {@code t} were changed. */
    public int changedCount(int t) {
        boolean[] all = changed.toBooleanArray();
        int per = all.length / changed.dim(0);
        int n = 0;
        for (int i = t * per; i < (t + 1) * per; i++) {
            n += all[i] ? 1 : 0;
        }
        return n;
    }

    /** Changes one frame in place. */
    interface FrameEdit {
        void apply(float[] frames, int offset, int step, int height, int width, int channels);
    }
}
