package io.liquidlens.app.saliency;

import io.liquidlens.causal.GradientTimesInput;
import io.liquidlens.causal.InputGradient;
import io.liquidlens.causal.IntegratedGradients;
import io.liquidlens.causal.Occlusion;
import io.liquidlens.causal.SaliencyMethod;
import io.liquidlens.causal.SmoothGrad;
import io.liquidlens.causal.VisualBackPropMethod;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The saliency methods the panel offers, each with the options it runs with. The defaults favour a quick answer at
 * every cursor step over the papers' settings (SmoothGrad's 16 samples, not 50).
 */
public enum MethodChoice {
    VISUAL_BACKPROP("VisualBackProp", true, VisualBackPropMethod::new),
    INPUT_GRADIENT("input gradient", false, InputGradient::new),
    GRADIENT_TIMES_INPUT("gradient x input", false, GradientTimesInput::new),
    INTEGRATED_GRADIENTS("integrated gradients (32 steps, zero baseline)", false,
            () -> new IntegratedGradients(null, IntegratedGradients.DEFAULT_STEPS)),
    SMOOTHGRAD("SmoothGrad (16 samples, sigma 0.15)", false, () -> new SmoothGrad(16, 0.15, 0)),
    OCCLUSION("occlusion (patch 8, stride 4, black)", false, () -> new Occlusion(8, 4, 0));

    private final String label;
    private final boolean cameraOnly;
    private final Supplier<SaliencyMethod> method;

    MethodChoice(String label, boolean cameraOnly, Supplier<SaliencyMethod> method) {
        this.label = label;
        this.cameraOnly = cameraOnly;
        this.method = method;
    }

    /** The analysis method with this choice's options. */
    public SaliencyMethod method() {
        return method.get();
    }

    /** True when only the step's own frame matters, so no earlier step has to be run (VisualBackProp's head). */
    public boolean frameOnly() {
        return this == VISUAL_BACKPROP;
    }

    /** The methods that apply to a camera model ({@code image}) or a vector model, default first. */
    public static List<MethodChoice> forModel(boolean image) {
        return Arrays.stream(values()).filter(m -> image || !m.cameraOnly).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
