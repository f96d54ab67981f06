package io.liquidlens.checkpoint;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.BaselineLayout;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.model.Tensor;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.Mapping;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.ExplicitWiringSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ncps constructor call behind a bare LTC state dict: sizes, mappings, mixed memory and the wiring (with an
 * NCP's layers when the graph has them) are read from the tensors; the options no tensor records come from the
 * user's settings or ncps's defaults.
 */
final class LtcStateDictImport {

    private LtcStateDictImport() {
    }

    /**
     * Infers the model of {@code weights}.
     *
     * @param settings {@code ode_unfolds}, {@code epsilon}, {@code implicit_param_constraints},
     *                 {@code return_sequences}, {@code batch_first} as text, and {@code output_size} (needed only
     *                 without an output mapping, when no tensor holds the number of motor neurons)
     * @throws IllegalArgumentException naming the tensor or setting that does not fit an ncps LTC
     */
    static StateDictImport.Result infer(Map<String, NdArray> weights, Map<String, String> settings) {
        requireLtcNames(weights);
        LtcImportSettings.requireKnown(settings);
        NdArray sensory = require(weights, StateDictLayout.Ltc.SENSORY_MU, 2);
        NdArray synapses = require(weights, StateDictLayout.Ltc.SPARSITY_MASK, 2);
        int inputs = sensory.dim(0);
        int units = synapses.dim(0);
        StateDictImport.requireSizes(units, inputs, "an LTC");
        Mapping inputMapping = mapping(weights, StateDictLayout.Ltc.INPUT_W, StateDictLayout.Ltc.INPUT_B);
        Mapping outputMapping = mapping(weights, StateDictLayout.Ltc.OUTPUT_W, StateDictLayout.Ltc.OUTPUT_B);
        List<String> assumed = new ArrayList<>();
        int outputSize = outputSize(weights, outputMapping, units, settings, assumed);
        boolean mixedMemory = weights.containsKey(StateDictLayout.Lstm.INPUT_MAP_WEIGHT.key());
        LtcSpec cell = LtcImportSettings.cell(settings, mixedMemory, inputMapping, outputMapping, assumed);
        int[][] adjacency = adjacency(weights, StateDictLayout.Ltc.SPARSITY_MASK, StateDictLayout.Ltc.EREV);
        int[][] sensoryAdjacency = adjacency(weights, StateDictLayout.Ltc.SENSORY_SPARSITY_MASK,
                StateDictLayout.Ltc.SENSORY_EREV);
        ExplicitWiringSpec wiring = new ExplicitWiringSpec(outputSize, adjacency, sensoryAdjacency,
                NcpLayers.of(adjacency, sensoryAdjacency, outputSize));
        ModelSpec spec = new ModelSpec(inputs, new UnitsSpec.Wired(wiring), cell);
        StateDictImport.requireLayout(weights, spec, "an LTC");
        return new StateDictImport.Result(spec, weights, assumed, LtcImportSettings.DEFAULTS);
    }

    /** Every name must be one ncps's LTC (with or without mixed memory) registers. */
    private static void requireLtcNames(Map<String, NdArray> weights) {
        Set<String> known = new TreeSet<>();
        for (StateDictLayout.Ltc t : StateDictLayout.Ltc.values()) {
            known.add(t.key());
        }
        for (StateDictLayout.Lstm t : StateDictLayout.Lstm.values()) {
            known.add(t.key());
        }
        List<String> unknown = weights.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("is not a state dict of an ncps LTC or CfC: it holds no tensors");
        }
        String layer = unknown.stream().filter(k -> BaselineLayout.recurrentPrefixOf(k) != null).findFirst()
                .orElse(null);
        if (layer != null) {
            // a baseline saved under another attribute name than rnn: say how to import it
            String prefix = BaselineLayout.recurrentPrefixOf(layer);
            throw new IllegalArgumentException("holds " + layer + ", a recurrent baseline under '" + prefix + "' (the"
                    + " import reads " + BaselineLayout.RNN_PREFIX + "* and " + BaselineLayout.READOUT_PREFIX + "*):"
                    + " import it with --set " + BaselineStateDictImport.RNN_PREFIX + "=" + prefix + " and, for a"
                    + " readout named otherwise, --set " + BaselineStateDictImport.READOUT_PREFIX + "=NAME");
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("is not a state dict of an ncps LTC or CfC: " + unknown.size()
                    + " of its " + weights.size() + " tensors are not an LTC's, e.g. "
                    + unknown.stream().limit(4).toList() + " (an LTC's are " + StateDictLayout.Ltc.GLEAK.key() + ", "
                    + StateDictLayout.Ltc.SPARSITY_MASK.key() + ", ...; a CfC's "
                    + StateDictLayout.CfcLayout.weightKey(StateDictLayout.CELL_PREFIX,
                    StateDictLayout.CfcLayout.Head.FF1) + ", ...; a baseline's " + BaselineLayout.weightIh(0) + " or "
                    + BaselineLayout.Ctrnn.TAU_RAW.key() + " and " + BaselineLayout.READOUT_WEIGHT + ")");
        }
    }

    private static NdArray require(Map<String, NdArray> weights, StateDictLayout.Ltc tensor, int rank) {
        NdArray a = weights.get(tensor.key());
        if (a == null) {
            throw new IllegalArgumentException("has no " + tensor.key() + ", which every ncps LTC holds");
        }
        if (a.rank() != rank || a.dim(0) < 1) {
            throw new IllegalArgumentException(tensor.key() + " has shape " + Arrays.toString(a.shape())
                    + "; ncps's is " + (rank == 2 ? "(rows, units)" : "(n)"));
        }
        return a;
    }

    private static Mapping mapping(Map<String, NdArray> weights, StateDictLayout.Ltc weight, StateDictLayout.Ltc bias) {
        boolean w = weights.containsKey(weight.key());
        boolean b = weights.containsKey(bias.key());
        if (b && !w) {
            throw new IllegalArgumentException("has " + bias.key() + " but no " + weight.key()
                    + "; ncps's mappings are affine (both), linear (weight only) or none");
        }
        return b ? Mapping.AFFINE : w ? Mapping.LINEAR : Mapping.NONE;
    }

    private static int outputSize(Map<String, NdArray> weights, Mapping mapping, int units,
                                  Map<String, String> settings, List<String> assumed) {
        String given = settings.get(LtcImportSettings.OUTPUT_SIZE);
        if (mapping.hasWeight()) {
            int motors = require(weights, StateDictLayout.Ltc.OUTPUT_W, 1).dim(0);
            if (given != null && SettingValues.integer(settings, LtcImportSettings.OUTPUT_SIZE) != motors) {
                throw new IllegalArgumentException("--set output_size=" + given + " disagrees with "
                        + StateDictLayout.Ltc.OUTPUT_W.key() + ", which holds " + motors + " outputs");
            }
            return motors;
        }
        if (given == null) {
            assumed.add(LtcImportSettings.OUTPUT_SIZE + "=" + units + " (no output mapping records it; every neuron is an output)");
            return units;
        }
        int motors = SettingValues.integer(settings, LtcImportSettings.OUTPUT_SIZE);
        if (motors < 1 || motors > units) {
            throw new IllegalArgumentException("--set output_size=" + given + " must be between 1 and the "
                    + units + " units");
        }
        return motors;
    }

    /** The wiring's matrix: a synapse where the mask is 1, its sign the sign of the trained reversal potential. */
    private static int[][] adjacency(Map<String, NdArray> weights, StateDictLayout.Ltc mask,
                                     StateDictLayout.Ltc erev) {
        NdArray m = require(weights, mask, 2);
        NdArray e = weights.get(erev.key());
        if (e == null || !Arrays.equals(e.shape(), m.shape())) {
            throw new IllegalArgumentException(erev.key() + " must be there with the shape of " + mask.key() + " "
                    + Arrays.toString(m.shape()));
        }
        float[] mv = m.toFloatArray();
        float[] ev = e.toFloatArray();
        int rows = m.dim(0);
        int cols = m.dim(1);
        int[][] out = new int[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float v = mv[i * cols + j];
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException(mask.key() + " holds " + v + " at [" + i + ", " + j
                            + "]; an ncps mask holds 0 and 1");
                }
                out[i][j] = v == 0 ? 0 : ev[i * cols + j] < 0 ? -1 : 1;
            }
        }
        return out;
    }
}
