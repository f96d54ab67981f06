package io.liquidlens.causal;

import io.liquidlens.lanekeeping.Distractors;
import java.util.Objects;

/**
 * One disturbance a causality report measures every model under: a short name for tables and figures, the
 * kind and level it varies (the level is the x axis of the paper's Fig. 4), and the sample world's
 * distractors it stands for, seed included, used both to perturb recorded rollouts and to drive closed loop.
 *
 * @param name        e.g. {@code noise 0.1}, {@code objects 8}, or {@code clean}
 * @param kind        {@code noise}, {@code objects}, {@code shadows}, {@code brightness}, {@code occlusion}
 * @param level       the kind's intensity in the units of {@link Distractors} (0 = clean)
 * @param distractors what the sample world's camera adds under this condition
 */
public record Condition(String name, String kind, double level, Distractors distractors) {

    public Condition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(distractors, "distractors");
    }

    /**
     * The perturbation of recorded rollouts this condition stands for, drawn as the sample world's camera draws
     * it while driving (same seed, same streams): pixel noise unclipped and unquantised, as the driving camera
     * adds it (8-bit recordings would clip it); every other kind through {@link Perturbation.SampleWorld}, which
     * re-renders objects and shadows at the recorded poses.
     */
    public Perturbation perturbation() {
        if (kind.equals("noise")) {
            return new Perturbation.PixelNoise(distractors.noise(), distractors.clip(), distractors.seed());
        }
        return new Perturbation.SampleWorld(distractors);
    }

    /** Whether nothing is added (the reference every other condition is compared with). */
    public boolean isClean() {
        return !distractors.any();
    }
}
