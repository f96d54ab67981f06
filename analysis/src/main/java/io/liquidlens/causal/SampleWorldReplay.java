package io.liquidlens.causal;

import io.liquidlens.io.ByteFrames;
import io.liquidlens.io.DType;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Camera;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.ScreenDistractors;
import java.util.Arrays;

/**
 * Draws the sample world's distractors into a rollout it recorded ({@link Perturbation.SampleWorld}).
 *
 * <p>Objects and shadows: each step is rendered twice at the recorded pose, without and with them, and where
 * the two renders differ (after 8-bit quantisation when the recording was 8-bit, as the episode quantised
 * what its driver saw) the distractor render's pixel replaces the recorded one; the recorded pixels
 * elsewhere stay exactly as they were. Labels likewise: where the two renders' labels differ, the distractor
 * render's label replaces the recorded one. Then the screen effects, as the camera applies them after its
 * scene, and, for an 8-bit recording, quantisation again, as the episode would have stored the frame.
 */
final class SampleWorldReplay {

    private SampleWorldReplay() {
    }

    static PerturbedRollout apply(Distractors distractors, Rollout rollout) {
        if (!rollout.isImage()) {
            throw new IllegalArgumentException("the sample world's distractors need camera frames (T, H, W, C), got"
                    + " inputs " + Arrays.toString(rollout.inputs().shape()));
        }
        boolean scene = distractors.objects() > 0 || distractors.shadows() > 0;
        RecordedEpisode episode = null;
        if (scene || rollout.extras().containsKey("provenance")) {
            try {
                episode = RecordedEpisode.of(rollout);
            } catch (IllegalArgumentException e) {
                if (scene) {
                    throw e;
                }
            }
        }
        int[] shape = rollout.inputs().shape();
        int steps = shape[0];
        int pixels = shape[1] * shape[2];
        int channels = shape[3];
        int size = pixels * channels;
        float[] frames = rollout.inputs().toFloatArray();
        boolean recordedLabels = rollout.labels() != null;
        byte[] labels = recordedLabels || scene ? labels(rollout, steps * pixels) : null;
        boolean eightBit = episode != null && episode.eightBit();
        if (scene) {
            Camera clean = episode.camera(Distractors.none());
            Camera drawn = episode.camera(new Distractors(distractors.objects(), distractors.shadows(), 0, 0, 0,
                    distractors.clip(), distractors.seed()));
            float[] cleanPixels = new float[size];
            float[] drawnPixels = new float[size];
            byte[] cleanLabels = new byte[pixels];
            byte[] drawnLabels = new byte[pixels];
            for (int t = 0; t < steps; t++) {
                episode.render(clean, t, cleanPixels, cleanLabels);
                episode.render(drawn, t, drawnPixels, drawnLabels);
                if (eightBit) {
                    ByteFrames.quantise(cleanPixels, 0, size);
                    ByteFrames.quantise(drawnPixels, 0, size);
                }
                if (!recordedLabels) {
                    System.arraycopy(cleanLabels, 0, labels, t * pixels, pixels);
                }
                for (int p = 0; p < pixels; p++) {
                    if (!samePixel(cleanPixels, drawnPixels, p * channels, channels)) {
                        System.arraycopy(drawnPixels, p * channels, frames, t * size + p * channels, channels);
                    }
                    if (cleanLabels[p] != drawnLabels[p]) {
                        labels[t * pixels + p] = drawnLabels[p];
                    }
                }
            }
        }
        if (distractors.hasScreenEffects()) {
            for (int t = 0; t < steps; t++) {
                ScreenDistractors.apply(distractors, ScreenDistractors.frameSeed(distractors.seed(), t), frames,
                        t * size, labels, t * pixels, shape[1], shape[2], channels);
                if (eightBit) {
                    ByteFrames.quantise(frames, t * size, size);
                }
            }
        }
        if (labels == null) {
            return PerturbedRollout.of(rollout, frames, null);
        }
        long[] levels = new long[labels.length];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = labels[i] & 0xff;
        }
        NdArray labelArray = NdArray.ofLongs(DType.UINT8, new int[] {steps, shape[1], shape[2]}, levels);
        return PerturbedRollout.of(rollout, frames, labelArray);
    }

    /** The recorded labels as bytes, or all background (filled in from the clean render) when there are none. */
    private static byte[] labels(Rollout rollout, int cells) {
        byte[] out = new byte[cells];
        if (rollout.labels() != null) {
            long[] recorded = rollout.labels().toLongArray();
            if (recorded.length != cells) {
                throw new IllegalArgumentException("the rollout's labels " + Arrays.toString(rollout.labels().shape())
                        + " do not match its frames " + Arrays.toString(rollout.inputs().shape()));
            }
            for (int i = 0; i < cells; i++) {
                out[i] = (byte) recorded[i];
            }
        }
        return out;
    }

    private static boolean samePixel(float[] a, float[] b, int offset, int channels) {
        for (int c = offset; c < offset + channels; c++) {
            if (Float.floatToIntBits(a[c]) != Float.floatToIntBits(b[c])) {
                return false;
            }
        }
        return true;
    }
}
