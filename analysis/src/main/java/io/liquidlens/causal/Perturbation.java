package io.liquidlens.causal;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.ScreenDistractors;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A change made to a recorded rollout's inputs, to ask how a model and its saliency maps react to a
 * distractor. Every random choice is a function of (seed, step, pixel or channel) alone, never of call order,
 * so two models given the same perturbation see exactly the same perturbed inputs.
 */
public sealed interface Perturbation {

    /**
     * The rollout with its inputs perturbed and every other array as recorded. The labels too are kept as
     * recorded (the changed mask, not the labels, says where the perturbation went), except by
     * {@link SampleWorld}, which labels its distractors as the sample world's camera would have (3).
     *
     * @throws IllegalArgumentException when the perturbation does not apply to the rollout's inputs
     */
    PerturbedRollout apply(Rollout rollout);

    /**
     * Gaussian noise of variance {@code variance} on every value of every [0, 1] frame, drawn exactly as the
     * sample world's camera draws its {@code noise} distractor (same streams, same frame seeds: frame t gets
     * {@code ScreenDistractors.frameSeed(seed, t)}), and like it not clipped unless {@code clip}.
     */
    record PixelNoise(double variance, boolean clip, long seed) implements Perturbation {
        public PixelNoise {
            if (!(variance >= 0 && variance <= 1)) {
                throw new IllegalArgumentException("pixel noise variance must be in [0, 1] (0 = none), got " + variance);
            }
        }

        /** Unclipped noise, as the sample world's {@code --noise VAR}. */
        public PixelNoise(double variance, long seed) {
            this(variance, false, seed);
        }

        @Override
        public PerturbedRollout apply(Rollout rollout) {
            Distractors effect = new Distractors(0, 0, variance, 0, 0, clip, 0);
            return PerturbedRollout.ofFrames(rollout, (frame, offset, t, h, w, c) -> {
                if (variance > 0) {
                    ScreenDistractors.apply(effect, ScreenDistractors.frameSeed(seed, t), frame, offset, null, 0,
                            h, w, c);
                }
            });
        }
    }

    /** Every frame value shifted by {@code delta} and clamped to [0, 1], as a saturating camera would. */
    record Brightness(double delta) implements Perturbation {
        public Brightness {
            if (!(delta >= -1 && delta <= 1)) {
                throw new IllegalArgumentException("brightness delta must be in [-1, 1], got " + delta);
            }
        }

        @Override
        public PerturbedRollout apply(Rollout rollout) {
            return PerturbedRollout.ofFrames(rollout, (frame, offset, t, h, w, c) -> {
                for (int i = offset; i < offset + h * w * c; i++) {
                    frame[i] = (float) Math.min(1, Math.max(0, frame[i] + delta));
                }
            });
        }
    }

    /**
     * A {@code size} x {@code size} square of value {@code fill} (0 black, 0.5 grey) on every channel, at a
     * position drawn per step from (seed, step), wholly inside the frame.
     */
    record OcclusionPatch(int size, double fill, long seed) implements Perturbation {
        public OcclusionPatch {
            if (size < 1) {
                throw new IllegalArgumentException("occlusion patch size must be >= 1 pixel, got " + size);
            }
            if (!(fill >= 0 && fill <= 1)) {
                throw new IllegalArgumentException("occlusion patch fill must be in [0, 1], got " + fill);
            }
        }

        @Override
        public PerturbedRollout apply(Rollout rollout) {
            return PerturbedRollout.ofFrames(rollout, (frame, offset, t, h, w, c) -> {
                if (size > h || size > w) {
                    throw new IllegalArgumentException("occlusion patch of " + size + " pixels does not fit a "
                            + h + "x" + w + " frame");
                }
                SplittableRandom rng = new SplittableRandom(stepSeed(seed, t));
                int row0 = rng.nextInt(h - size + 1);
                int col0 = rng.nextInt(w - size + 1);
                for (int row = row0; row < row0 + size; row++) {
                    for (int col = col0; col < col0 + size; col++) {
                        Arrays.fill(frame, offset + (row * w + col) * c, offset + (row * w + col + 1) * c, (float) fill);
                    }
                }
            });
        }
    }

    /**
     * Gaussian noise of variance {@code variance} on the listed channels of vector inputs (T, S); the value of
     * channel k at step t depends only on (seed, t, k).
     */
    record ChannelNoise(List<Integer> channels, double variance, long seed) implements Perturbation {
        public ChannelNoise {
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("channel noise needs at least one channel");
            }
            if (!(variance >= 0)) {
                throw new IllegalArgumentException("channel noise variance must be >= 0 (0 = none), got " + variance);
            }
            channels = List.copyOf(channels);
        }

        @Override
        public PerturbedRollout apply(Rollout rollout) {
            int s = requireChannels(rollout, channels, "channel noise");
            float[] x = rollout.inputs().toFloatArray();
            double sigma = Math.sqrt(variance);
            for (int t = 0; t < rollout.steps() && variance > 0; t++) {
                for (int k : channels) {
                    double z = new SplittableRandom(stepSeed(stepSeed(seed, t), k)).nextGaussian();
                    x[t * s + k] = (float) (x[t * s + k] + sigma * z);
                }
            }
            return PerturbedRollout.of(rollout, x);
        }

        /** The inputs' channel count, after checking they are vectors (T, S) holding every listed channel. */
        static int requireChannels(Rollout rollout, List<Integer> channels, String what) {
            if (rollout.inputs().rank() != 2) {
                throw new IllegalArgumentException(what + " needs vector inputs (T, S), got "
                        + Arrays.toString(rollout.inputs().shape()));
            }
            int s = rollout.inputs().dim(1);
            for (int k : channels) {
                if (k < 0 || k >= s) {
                    throw new IllegalArgumentException("channel " + k + " is not one of the inputs' " + s
                            + " channels (0.." + (s - 1) + ")");
                }
            }
            return s;
        }
    }

    /**
     * The sample world's distractors drawn into a rollout it recorded, as its camera would have drawn them at
     * each recorded pose ({@link SampleWorldReplay}): objects and shadows by re-rendering the recorded
     * episode ({@link RecordedEpisode}) with and without them, the screen effects (occlusion, brightness,
     * noise) with {@code ScreenDistractors.frameSeed(distractors.seed(), t)} as the camera does. The
     * distractors' seed places the objects and shadows; the recording's own camera used the episode seed
     * ({@link RecordedEpisode#episodeSeed()}). Labels follow the camera's: 3 where a distractor covers at
     * least half a pixel. Screen effects alone apply to any camera rollout.
     */
    record SampleWorld(Distractors distractors) implements Perturbation {
        public SampleWorld {
            if (distractors == null) {
                throw new IllegalArgumentException("the sample world perturbation needs distractors (none() for none)");
            }
        }

        @Override
        public PerturbedRollout apply(Rollout rollout) {
            return SampleWorldReplay.apply(distractors, rollout);
        }
    }

    /**
     * The shortcut a vector model could have learnt, put back: on the listed channels of vector inputs (T, S),
     * the value the sample world's vector sensor gives its {@code spurious} channels in training episodes, the
     * expert's previous action in kappa units plus N(0, {@code noise}^2) ({@code VectorSensor}; 0 at step 0),
     * where held-out episodes carry pure noise. The expert's actions come from the rollout's world column
     * {@code expert_action}. A model that steers from the road barely moves; one that leans on the cue follows it.
     */
    record SpuriousCue(List<Integer> channels, double noise, long seed) implements Perturbation {
        public SpuriousCue {
            if (channels.isEmpty()) {
                throw new IllegalArgumentException("the spurious cue needs at least one channel");
            }
            if (!(noise >= 0) || !Double.isFinite(noise)) {
                throw new IllegalArgumentException("the spurious cue's noise must be a finite sd >= 0, got " + noise);
            }
            channels = List.copyOf(channels);
        }

        @Override
        public PerturbedRollout apply(Rollout rollout) {
            int s = ChannelNoise.requireChannels(rollout, channels, "the spurious cue");
            int column = rollout.worldNames().indexOf("expert_action");
            if (rollout.world() == null || column < 0) {
                throw new IllegalArgumentException("the spurious cue needs the expert's actions (world column"
                        + " expert_action, as liquidlens record writes it); this rollout has "
                        + (rollout.world() == null ? "no world columns" : "world columns " + rollout.worldNames()));
            }
            float[] world = rollout.world().toFloatArray();
            int k = rollout.worldNames().size();
            float[] x = rollout.inputs().toFloatArray();
            for (int t = 0; t < rollout.steps(); t++) {
                double previous = t == 0 ? 0 : world[(t - 1) * k + column];
                for (int c : channels) {
                    double z = new SplittableRandom(stepSeed(stepSeed(seed, t), c)).nextGaussian();
                    x[t * s + c] = (float) (previous / io.liquidlens.lanekeeping.VectorSensor.KAPPA_SCALE + noise * z);
                }
            }
            return PerturbedRollout.of(rollout, x);
        }
    }

    /** A seed for step (or channel) {@code key} of a perturbation seeded {@code seed}. */
    private static long stepSeed(long seed, long key) {
        return new SplittableRandom(seed ^ (key * 0x9E3779B97F4A7C15L)).nextLong();
    }
}
