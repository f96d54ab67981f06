package io.liquidlens.app.saliency;

import io.liquidlens.causal.Perturbation;
import io.liquidlens.causal.RecordedEpisode;
import io.liquidlens.io.Rollout;
import io.liquidlens.lanekeeping.Distractors;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One entry of the perturbation picker: its label, which rollouts it applies to, and how the analysis
 * {@link Perturbation} is made from the seed field. "none" makes no perturbation: the perturbed side is the clean
 * rollout. A new distractor (e.g. objects or shadows re-rendered from the sample world) is one more entry in
 * {@link #standard()}.
 *
 * @param label       what the picker shows
 * @param camera      true for camera rollouts, false for vector rollouts
 * @param factory     the perturbation for a seed and the rollout it will change; null for "none"
 * @param sampleWorld true when it re-renders the sample world (objects, shadows): offered only for rollouts the
 *                    sample world recorded ({@link RecordedEpisode} rebuilds their episode)
 */
public record PerturbationChoice(String label, boolean camera, Factory factory, boolean sampleWorld) {

    /** A choice that applies to any camera (or vector) rollout. */
    public PerturbationChoice(String label, boolean camera, Factory factory) {
        this(label, camera, factory, false);
    }

    /** Makes the perturbation for a seed (the rollout is there for choices that depend on its shape). */
    @FunctionalInterface
    public interface Factory {
        Perturbation make(long seed, Rollout rollout);
    }

    /** No perturbation: the perturbed side shows the clean rollout (SSIM 1, output unchanged). */
    public static final PerturbationChoice NONE = new PerturbationChoice("none", true, null);
    private static final PerturbationChoice NONE_VECTOR = new PerturbationChoice("none", false, null);

    private static final List<PerturbationChoice> STANDARD = List.of(NONE,
                new PerturbationChoice("pixel noise, variance 0.1", true, (seed, r) -> new Perturbation.PixelNoise(0.1, seed)),
                new PerturbationChoice("pixel noise, variance 0.2", true, (seed, r) -> new Perturbation.PixelNoise(0.2, seed)),
                new PerturbationChoice("pixel noise, variance 0.3", true, (seed, r) -> new Perturbation.PixelNoise(0.3, seed)),
                new PerturbationChoice("brightness +0.3", true, (seed, r) -> new Perturbation.Brightness(0.3)),
                new PerturbationChoice("brightness -0.3", true, (seed, r) -> new Perturbation.Brightness(-0.3)),
                new PerturbationChoice("occlusion patch 16 px", true, (seed, r) -> new Perturbation.OcclusionPatch(16, 0, seed)),
                sampleWorld("objects (sample world re-rendered)", "objects"),
                sampleWorld("shadows (sample world re-rendered)", "shadows"),
                NONE_VECTOR,
                new PerturbationChoice("channel noise, variance 0.1 (every input)", false, (seed, r) ->
                        new Perturbation.ChannelNoise(IntStream.range(0, r.featuresPerStep()).boxed().toList(), 0.1, seed)));

    /** Every choice the panel knows, camera ones and vector ones, "none" first in each (the same objects each call). */
    public static List<PerturbationChoice> standard() {
        return STANDARD;
    }

    /**
     * The choices of {@link #standard()} that apply to a camera ({@code image}) or vector rollout, leaving out
     * those that re-render the sample world.
     */
    public static List<PerturbationChoice> forRollout(boolean image) {
        return standard().stream().filter(p -> p.camera == image && !p.sampleWorld).toList();
    }

    /**
     * The choices that apply to {@code rollout}: by its kind, and the sample-world ones only when the sample world
     * recorded it.
     */
    public static List<PerturbationChoice> forRollout(Rollout rollout) {
        boolean image = rollout.isImage();
        boolean recorded = image && recordedBySampleWorld(rollout);
        return standard().stream().filter(p -> p.camera == image && (!p.sampleWorld || recorded)).toList();
    }

    private static boolean recordedBySampleWorld(Rollout rollout) {
        try {
            RecordedEpisode.of(rollout);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Distractors of {@code kind} at their default intensity, drawn from the picker's seed into the recording. */
    private static PerturbationChoice sampleWorld(String label, String kind) {
        return new PerturbationChoice(label, true,
                (seed, r) -> new Perturbation.SampleWorld(Distractors.parse(kind).withSeed(seed)), true);
    }

    /** True for "none". */
    public boolean isNone() {
        return factory == null;
    }

    /** The perturbation for {@code seed} on {@code rollout}, or null for "none". */
    public Perturbation make(long seed, Rollout rollout) {
        return factory == null ? null : factory.make(seed, rollout);
    }

    @Override
    public String toString() {
        return label;
    }
}
