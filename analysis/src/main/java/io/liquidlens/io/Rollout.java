package io.liquidlens.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded episode (FORMATS.md "Rollout"): what the network saw at each of T steps and, where
 * recorded, what was done, the neuron states, the world's true state, the agent's position and the
 * per-pixel labels of image inputs. Optional parts are null when absent.
 *
 * @param inputs     (T, S) vector or (T, H, W, C) image inputs ({@link Rollouts#read} gives 8-bit frames
 *                   stored as uint8 as float32 k / 255; {@link ByteFrames})
 * @param timespans  (T,) elapsed time per step, or null (= 1.0 each)
 * @param actions    (T, M) what was executed
 * @param states     (T, N) neuron states recorded while driving
 * @param world      (T, K) ground-truth world state
 * @param worldNames names of the K world columns (empty when world is null)
 * @param position   (T, 2) x, y of the agent
 * @param labels     (T, H, W) uint8 pixel classes of image inputs
 * @param extras     any other arrays the file held, kept so a rewrite loses nothing
 */
public record Rollout(NdArray inputs, NdArray timespans, NdArray actions, NdArray states, NdArray world,
                      List<String> worldNames, NdArray position, NdArray labels, Map<String, NdArray> extras) {

    public Rollout {
        Objects.requireNonNull(inputs, "inputs");
        worldNames = worldNames == null ? List.of() : List.copyOf(worldNames);
        // keep the file's order (Map.copyOf would not), so a rewrite lists the arrays as the original did
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** A rollout of inputs only. */
    public static Rollout ofInputs(NdArray inputs) {
        return new Rollout(inputs, null, null, null, null, List.of(), null, null, Map.of());
    }

    /** Number of steps T. */
    public int steps() {
        return inputs.dim(0);
    }

    /** True for (T, H, W, C) image inputs. */
    public boolean isImage() {
        return inputs.rank() == 4;
    }

    /** Features per step for vector inputs (S), or H*W*C for images. */
    public int featuresPerStep() {
        return inputs.size() / Math.max(1, steps());
    }
}
