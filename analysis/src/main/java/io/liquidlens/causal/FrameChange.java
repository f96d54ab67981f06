package io.liquidlens.causal;

/**
 * How far a perturbation moved one step (the NCP paper's Fig. 4b): the SSIM of the map on the clean input and the
 * map on the perturbed one, and how far the explained output moved. The report's frame metrics and the
 * workbench's Saliency panel both measure a step with {@link #of}.
 *
 * @param ssim      {@link Ssim#between} the two maps; NaN when they are smaller than its window (a vector
 *                  model's 1 x S map)
 * @param deviation |y_perturbed - y_clean| of the explained output
 */
public record FrameChange(double ssim, double deviation) {

    /**
     * The change from {@code clean} to {@code perturbed} (maps of the same step) with the explained output's
     * values on each.
     *
     * @throws IllegalArgumentException when the maps have different shapes
     */
    public static FrameChange of(SaliencyMap clean, SaliencyMap perturbed, double cleanOutput,
                                 double perturbedOutput) {
        if (clean.height() != perturbed.height() || clean.width() != perturbed.width()) {
            throw new IllegalArgumentException("a frame's change needs two maps of the same shape, got " + clean
                    + " and " + perturbed);
        }
        boolean fits = clean.height() >= Ssim.WINDOW && clean.width() >= Ssim.WINDOW;
        double ssim = fits ? Ssim.between(clean, perturbed) : Double.NaN;
        return new FrameChange(ssim, Math.abs(perturbedOutput - cleanOutput));
    }

    /** True when the maps were big enough for an SSIM. */
    public boolean hasSsim() {
        return !Double.isNaN(ssim);
    }
}
