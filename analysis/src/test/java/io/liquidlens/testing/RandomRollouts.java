package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded episodes of smooth random inputs (each feature an AR(1) series, {@code x[t] = 0.8 x[t-1] + noise}) for
 * analyses of a model that has no task of its own, such as a torch fixture: as one (B, L, S) array for
 * {@code simulate}, and as a folder of one rollout per episode for the analyses that read rollouts.
 */
public final class RandomRollouts {
    private RandomRollouts() {
    }

    /** (episodes, steps, features) inputs drawn from {@code seed}. */
    public static NdArray inputs(int episodes, int steps, int features, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[episodes * steps * features];
        for (int e = 0; e < episodes; e++) {
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < features; i++) {
                    int at = (e * steps + t) * features + i;
                    x[at] = (t == 0 ? 0f : 0.8f * x[at - features]) + (float) random.nextGaussian();
                }
            }
        }
        return NdArray.ofFloats(new int[] {episodes, steps, features}, x);
    }

    /** Writes each episode of {@code inputs} (B, L, S) as {@code folder/episode-NN.npz}; returns the folder. */
    public static Path write(Path folder, NdArray inputs) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int steps = inputs.dim(1);
        int features = inputs.dim(2);
        float[] x = inputs.toFloatArray();
        for (int e = 0; e < inputs.dim(0); e++) {
            float[] episode = Arrays.copyOfRange(x, e * steps * features, (e + 1) * steps * features);
            Rollouts.write(folder.resolve(String.format("episode-%02d.npz", e)),
                    Rollout.ofInputs(NdArray.ofFloats(new int[] {steps, features}, episode)));
        }
        return folder;
    }
}
