package io.liquidlens.testing;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.liquidlens.io.Rollouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A toy sequence task with a known answer: the action is a low-pass filtered copy of input 0,
 * y_t = 0.7 y_{t-1} + 0.3 x0_t from y = 0 at the start of each episode, while the other inputs are
 * distracting noise. Input 0 is a random square wave (+-1, held 2 to 6 steps), so the task needs memory.
 * Episodes are one training window long, so every window starts, as its target does, from rest.
 */
public final class ToyTask {
    public static final double DECAY = 0.7;

    private ToyTask() {
    }

    /** {@code episodes} rollouts of {@code steps} steps with {@code inputs} features (>= 1) and one action. */
    public static List<Rollout> filteredSquareWave(int episodes, int steps, int inputs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Rollout> out = new ArrayList<>();
        for (int e = 0; e < episodes; e++) {
            float[] x = new float[steps * inputs];
            float[] y = new float[steps];
            double level = rng.nextBoolean() ? 1 : -1;
            int hold = 2 + rng.nextInt(5);
            double filtered = 0;
            for (int t = 0; t < steps; t++) {
                if (hold-- == 0) {
                    level = -level;
                    hold = 1 + rng.nextInt(5);
                }
                x[t * inputs] = (float) level;
                for (int k = 1; k < inputs; k++) {
                    x[t * inputs + k] = (float) (0.5 * (2 * rng.nextDouble() - 1));
                }
                filtered = DECAY * filtered + (1 - DECAY) * level;
                y[t] = (float) filtered;
            }
            out.add(new Rollout(NdArray.ofFloats(new int[] {steps, inputs}, x), null,
                    NdArray.ofFloats(new int[] {steps, 1}, y), null, null, List.of(), null, null, Map.of()));
        }
        return out;
    }

    /** Names for {@code TrainingData.of}. */
    public static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("toy-" + i + ".npz");
        }
        return out;
    }

    /** Writes {@code rollouts} into {@code dir} as ep000.npz, ep001.npz, ... and returns the folder. */
    public static Path writeRollouts(Path dir, List<Rollout> rollouts) throws java.io.IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < rollouts.size(); i++) {
            Rollouts.write(dir.resolve(String.format("ep%03d.npz", i)), rollouts.get(i));
        }
        return dir;
    }

    /**
     * Writes {@code dir/model.json} for an {@code AutoNCP(8, 1)} network of the given class ("LTC" or "CfC")
     * on {@code inputs} inputs, naming weights that do not exist yet, plus any extra ncps keys given as JSON
     * members (e.g. {@code "\"implicit_param_constraints\": false"}).
     */
    public static Path writeModelJson(Path dir, String ncpsClass, int inputs, String extraNcpsMembers)
            throws java.io.IOException {
        Files.createDirectories(dir);
        String extra = extraNcpsMembers == null || extraNcpsMembers.isBlank() ? "" : ", " + extraNcpsMembers;
        Files.writeString(dir.resolve("model.json"), "{\n  \"name\": \"toy " + ncpsClass + "\",\n"
                + "  \"ncps\": {\"class\": \"" + ncpsClass + "\", \"input_size\": " + inputs
                + ", \"units\": {\"class\": \"AutoNCP\", \"units\": 8, \"output_size\": 1}" + extra + "},\n"
                + "  \"weights\": \"model.safetensors\",\n  \"outputs\": {\"names\": [\"y\"]}\n}\n");
        return dir;
    }
}
