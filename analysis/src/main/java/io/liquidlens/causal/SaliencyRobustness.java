package io.liquidlens.causal;

import io.liquidlens.io.Rollout;
import java.util.Arrays;
import java.util.List;

/**
 * How far a perturbation moves a model's saliency maps and its output (the NCP paper's Fig. 4b): at each
 * chosen step, the SSIM between the map on the clean rollout and the map on the perturbed one, and
 * |y_perturbed - y_clean| of the explained output. The perturbed run sees the perturbation at every step up
 * to t, as a model driving through it would.
 *
 * @param method       the saliency method with its options (its record form, e.g. {@code SmoothGrad[samples=50, ...]})
 * @param perturbation what was done to the inputs, seed included
 * @param output       the explained output
 * @param steps        the steps measured, in the order given
 * @param ssim         SSIM of clean and perturbed map, one per step
 * @param deviation    |y_perturbed - y_clean| of {@code output}, one per step
 */
public record SaliencyRobustness(String method, Perturbation perturbation, int output, List<Integer> steps,
                                 double[] ssim, double[] deviation) {

    public SaliencyRobustness {
        steps = List.copyOf(steps);
        ssim = ssim.clone();
        deviation = deviation.clone();
    }

    /**
     * Measures {@code method} on {@code model} over {@code clean} and {@code perturbation} of it.
     *
     * @throws IllegalArgumentException when no step is given, a step or the output is outside the model or
     *                                  rollout, or the perturbation or method does not apply
     */
    public static SaliencyRobustness measure(SaliencyModel model, Rollout clean,
                                             SaliencyMethod method, Perturbation perturbation, int output,
                                             List<Integer> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("saliency robustness needs at least one step");
        }
        Rollout perturbed = perturbation.apply(clean).rollout();
        double[] ssim = new double[steps.size()];
        double[] deviation = new double[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            SaliencyModel.Step before = model.at(clean, steps.get(k));
            SaliencyModel.Step after = model.at(perturbed, steps.get(k));
            ssim[k] = Ssim.between(method.map(before, output), method.map(after, output));
            deviation[k] = Math.abs(after.output(after.recorded(), output) - before.output(before.recorded(), output));
        }
        return new SaliencyRobustness(method.toString(), perturbation, output, steps, ssim, deviation);
    }

    /** The mean SSIM over the steps. */
    public double meanSsim() {
        return Arrays.stream(ssim).average().orElseThrow();
    }

    /** The mean output deviation over the steps. */
    public double meanDeviation() {
        return Arrays.stream(deviation).average().orElseThrow();
    }

    @Override
    public double[] ssim() {
        return ssim.clone();
    }

    @Override
    public double[] deviation() {
        return deviation.clone();
    }
}
