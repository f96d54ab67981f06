package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.ModelSpec;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ncps constructor call behind a bare state dict: which cell it is (LTC, dense CfC or wired CfC) is told by its
 * tensors' names, then that cell's import reads the rest.
 */
public final class StateDictImport {
    private StateDictImport() {
    }

    /**
     * The inferred model, its tensors under the names its model folder keeps (a baseline's under {@code rnn.} and
     * {@code fc.} whatever prefixes the checkpoint used), one line per setting taken from a default, and the settings
     * no tensor of this kind records with their defaults.
     *
     * @param assumed    lines such as {@code ode_unfolds=6 (ncps default)}
     * @param unrecorded the {@code --set} keys of this kind of cell, with ncps's defaults as text, in ncps's order
     */
    public record Result(ModelSpec spec, Map<String, NdArray> weights, List<String> assumed,
                         Map<String, String> unrecorded) {
        public Result {
            weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
            assumed = List.copyOf(assumed);
            unrecorded = Collections.unmodifiableMap(new LinkedHashMap<>(unrecorded));
        }
    }

    /**
     * Infers the model of {@code weights}.
     *
     * @param settings the {@code --set} values as text (e.g. {@code ode_unfolds} for an LTC, {@code mode} for a
     *                 CfC); the accepted keys depend on the cell
     * @throws IllegalArgumentException naming the tensor or setting that does not fit an ncps cell; a message
     *                                  about a setting starts with {@code --set}
     */
    public static Result infer(Map<String, NdArray> weights, Map<String, String> settings) {
        if (BaselineStateDictImport.applies(weights, settings)) {
            return BaselineStateDictImport.infer(weights, settings);
        }
        if (weights.keySet().stream().anyMatch(StateDictLayout::isWiredCfcKey)) {
            return CfcStateDictImport.inferWired(weights, settings);
        }
        String cell = StateDictLayout.CELL_PREFIX;
        if (weights.containsKey(StateDictLayout.CfcLayout.weightKey(cell, StateDictLayout.CfcLayout.Head.FF1))
                || weights.containsKey(StateDictLayout.CfcLayout.wTauKey(cell))) {
            return CfcStateDictImport.inferDense(weights, settings);
        }
        return LtcStateDictImport.infer(weights, settings);
    }

    /**
     * Refuses sizes model.json's loader would refuse, before any matrix of them is made: an imported folder must open
     * in every command, and a wiring matrix grows with the square of the units.
     *
     * @param kind the cell with its article, for messages ({@code an LTC})
     */
    static void requireSizes(int units, int inputs, String kind) {
        if (units > Limits.UNITS) {
            throw new IllegalArgumentException("holds " + kind + " of " + units + " units; LiquidLens reads at most "
                    + Limits.UNITS);
        }
        if (inputs > Limits.INPUT_SIZE) {
            throw new IllegalArgumentException("holds " + kind + " of " + inputs + " inputs; LiquidLens reads at most "
                    + Limits.INPUT_SIZE);
        }
    }

    /**
     * The inferred model must hold exactly these tensors, in these shapes.
     *
     * @param kind the cell with its article, for messages ({@code an LTC})
     */
    static void requireLayout(Map<String, NdArray> weights, ModelSpec spec, String kind) {
        List<Tensor> expected = StateDictLayout.of(spec, StateDictLayout.wiringOf(spec));
        for (Tensor t : expected) {
            NdArray a = weights.get(t.name());
            if (a == null) {
                throw new IllegalArgumentException("has no " + t.name() + ", which " + kind + " of these sizes holds");
            }
            if (!Arrays.equals(a.shape(), t.shape())) {
                throw new IllegalArgumentException(t.name() + " has shape " + Arrays.toString(a.shape())
                        + "; " + kind + " with " + spec.inputSize() + " inputs holds it as "
                        + Arrays.toString(t.shape()));
            }
        }
        if (expected.size() != weights.size()) {
            Set<String> names = new TreeSet<>(weights.keySet());
            expected.forEach(t -> names.remove(t.name()));
            throw new IllegalArgumentException("holds " + names + ", which " + kind + " of this kind does not");
        }
    }
}
