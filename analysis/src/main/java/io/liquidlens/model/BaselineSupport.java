package io.liquidlens.model;

import io.liquidlens.LiquidLensException;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.ModelSpec;
import java.nio.file.Path;

/**
 * Where the baselines stand: every command and view takes them ({@code info}, {@code simulate}, {@code record},
 * {@code evaluate}, {@code grad}, {@code saliency}, {@code train}, {@code tree}, {@code dynamics}, clamps and
 * {@code report}) but cutting synapses, which a dense layer has not, refused with one line
 * (docs/BASELINES.md#what-takes-a-baseline).
 */
public final class BaselineSupport {
    private BaselineSupport() {
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
}
