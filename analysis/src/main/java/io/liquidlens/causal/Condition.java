package io.liquidlens.causal;

import io.liquidlens.lanekeeping.Distractors;
import java.util.Objects;
import java.util.Set;

/**
 * One disturbance a causality report measures every model under: a short name for tables and figures, the
 * kind and level it varies (the level is the x axis of the paper's Fig. 4), the perturbation of recorded
 * rollouts it stands for, and for the sample world's camera kinds the distractors it adds, seed included, used
 * both to perturb recorded frames and to drive closed loop.
 *
 * @param name         e.g. {@code noise 0.1}, {@code objects 8}, {@code spurious cue} or {@code clean}
 * @param kind         camera: {@code noise}, {@code objects}, {@code shadows}, {@code brightness},
 *                     {@code occlusion}; vector: {@code channels}, {@code spurious}
 * @param level        the kind's intensity (camera kinds in the units of {@link Distractors}; 0 = clean)
 * @param distractors  what the sample world's camera adds under this condition ({@link Distractors#none()}
 *                     for vector kinds)
 * @param perturbation what is done to recorded rollouts
 */
public record Condition(String name, String kind, double level, Distractors distractors, Perturbation perturbation) {
    /** The kinds the sample world's camera draws (and closed loop can drive through). */
    public static final Set<String> CAMERA_KINDS = Set.of("noise", "objects", "shadows", "brightness", "occlusion");

    public Condition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(distractors, "distractors");
        Objects.requireNonNull(perturbation, "perturbation");
    }

    /**
     * A camera condition, perturbing recorded frames as the sample world's camera draws {@code distractors}
     * while driving (same seed, same streams): pixel noise unclipped and unquantised, as the driving camera adds
     * it (8-bit recordings would clip it); every other kind through {@link Perturbation.SampleWorld}, which
     * re-renders objects and shadows at the recorded poses.
     */
    public Condition(String name, String kind, double level, Distractors distractors) {
        this(name, kind, level, distractors, kind.equals("noise")
                ? new Perturbation.PixelNoise(distractors.noise(), distractors.clip(), distractors.seed())
                : new Perturbation.SampleWorld(distractors));
    }

    /** Whether the sample world's camera draws this condition, so that a camera model can drive through it. */
    public boolean drivable() {
        return CAMERA_KINDS.contains(kind);
    }

    /** Whether nothing is changed (the reference every other condition is compared with). */
    public boolean isClean() {
        return level == 0;
    }
}
