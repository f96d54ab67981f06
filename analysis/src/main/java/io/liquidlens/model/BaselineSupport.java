package io.liquidlens.model;

import io.liquidlens.LiquidLensException;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.ModelSpec;
import java.nio.file.Path;

/**
 * Where the baselines stand: {@code info}, {@code simulate}, {@code record}, {@code evaluate}, {@code tree},
 * {@code dynamics}, clamps and {@code report} (with VisualBackProp, which reads the head alone) take them;
 * gradients, gradient saliency, training and cutting synapses do not, and refuse a baseline with one line
 * (docs/BASELINES.md#what-takes-a-baseline).
 */
public final class BaselineSupport {
    private BaselineSupport() {
    }

    /**
     * Refuses a baseline for an analysis that does not take one yet.
     *
     * @param manifestFile the model's {@code model.json}, named in the message
     * @param analysis     what does not take baselines, as a plural noun: {@code gradients}, {@code training runs}
     * @throws LiquidLensException naming {@code manifestFile} when {@code spec} is a baseline
     */
    public static void requireLiquid(Path manifestFile, ModelSpec spec, String analysis) {
        if (spec.cell() instanceof BaselineSpec baseline) {
            throw new LiquidLensException(manifestFile, refusal(baseline, analysis));
        }
    }

    /** As {@link #requireLiquid(Path, ModelSpec, String)} for a loaded model. */
    public static void requireLiquid(LoadedModel model, String analysis) {
        requireLiquid(model.manifestFile(), model.manifest().spec(), analysis);
    }

    /**
     * Refuses {@code --cut} on a baseline: its layers are dense and each pair of units is joined by one weight per
     * gate (four in an LSTM), so there is no one synapse to remove (docs/BASELINES.md#interventions).
     *
     * @param manifestFile the model's {@code model.json}, named in the message
     * @throws LiquidLensException naming {@code manifestFile} when {@code spec} is a baseline
     */
    public static void requireSynapses(Path manifestFile, ModelSpec spec) {
        if (spec.cell() instanceof BaselineSpec baseline) {
            throw new LiquidLensException(manifestFile, noSynapses(baseline));
        }
    }

    /** The line that refuses cutting a synapse of {@code baseline}. */
    static String noSynapses(BaselineSpec baseline) {
        return baseline.describe() + " has no synapses to cut (its layers are dense); clamp its units instead";
    }

    /** The line that refuses {@code baseline}, e.g. {@code an LSTM baseline; gradients are not supported for ...}. */
    static String refusal(BaselineSpec baseline, String analysis) {
        return baseline.describe() + "; " + analysis + " are not supported for baselines yet";
    }
}
