package io.liquidlens.checkpoint;

import io.liquidlens.Limits;
import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout;
import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.ExplicitWiringSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The ncps {@code CfC} call behind a bare state dict. A dense CfC's sizes, backbone (units, layers, whether dropout
 * layers sit between them), pure mode, mixed memory and projection are in its tensors. A wired CfC keeps one masked
 * cell per layer of its wiring; the masks give the layers' sizes and the synapses from each layer to the next, which
 * is all ncps computes with (it takes the masks' absolute values, so a synapse's sign is not recorded and is written
 * as +1). Whether the gate is used ({@code no_gate}), the backbone's activation and the wrapper's flags are
 * settings.
 */
final class CfcStateDictImport {
    private static final String PREFIX = StateDictLayout.CELL_PREFIX;
    private static final String FF1 = StateDictLayout.CfcLayout.weightKey(PREFIX, StateDictLayout.CfcLayout.Head.FF1);
    private static final String BACKBONE_0 = StateDictLayout.CfcLayout.backboneWeightKey(PREFIX, 0);

    private CfcStateDictImport() {
    }

    static StateDictImport.Result inferDense(Map<String, NdArray> weights, Map<String, String> settings) {
        boolean pure = weights.containsKey(StateDictLayout.CfcLayout.wTauKey(PREFIX));
        NdArray ff1 = require(weights, FF1);
        int hidden = ff1.dim(0);
        int[] backbone = backboneIndices(weights);
        // with two layers or fewer the numbering is the same with or without dropout, which then changes nothing
        boolean dropout = backbone.length > 2 && backbone[2] == 5;
        int units = backbone.length == 0 ? 0 : require(weights, BACKBONE_0).dim(0);
        int features = backbone.length == 0 ? ff1.dim(1) : require(weights, BACKBONE_0).dim(1);
        int inputs = features - hidden;
        if (inputs < 1) {
            throw new IllegalArgumentException((backbone.length == 0 ? FF1 : BACKBONE_0) + " has " + features
                    + " columns for " + hidden + " units; ncps's are input features + units");
        }
        StateDictImport.requireSizes(hidden, inputs, "a CfC");
        if (units > Limits.BACKBONE_UNITS || backbone.length > Limits.BACKBONE_LAYERS) {
            throw new IllegalArgumentException("holds a backbone of " + backbone.length + " layers of " + units
                    + " units; LiquidLens reads at most " + Limits.BACKBONE_LAYERS + " of " + Limits.BACKBONE_UNITS);
        }
        Map<String, String> defaults = CfcImportSettings.defaults(false, pure, backbone.length > 0);
        CfcImportSettings.requireKnown(settings, false, defaults);
        requireModeFits(settings, pure);
        List<String> assumed = new ArrayList<>();
        Map<String, String> values = SettingValues.resolve(defaults, settings, assumed);
        double dropoutRate = 0.0;
        if (dropout) {
            // ncps numbers the backbone's modules Linear, act, Dropout, ...: the gaps show dropout, not its rate
            dropoutRate = 0.1;
            assumed.add("backbone_dropout=0.1 (the backbone's numbering shows dropout layers; their rate is recorded"
                    + " nowhere and changes no output)");
        }
        CfcSpec cell = cell(weights, values, pure, Activation.fromNcps(activation(values)), units, backbone.length,
                dropoutRate);
        ModelSpec spec = new ModelSpec(inputs, new UnitsSpec.Dense(hidden), cell);
        StateDictImport.requireLayout(weights, spec, "a CfC");
        return new StateDictImport.Result(spec, weights, assumed, defaults);
    }

    static StateDictImport.Result inferWired(Map<String, NdArray> weights, Map<String, String> settings) {
        List<NdArray> masks = layerMasks(weights);
        boolean pure = weights.containsKey(StateDictLayout.CfcLayout.wTauKey(StateDictLayout.wiredCfcLayerPrefix(0)));
        int[] sizes = new int[masks.size()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = masks.get(l).dim(0);
        }
        int inputs = masks.get(0).dim(1) - sizes[0];
        if (inputs < 1) {
            throw new IllegalArgumentException(maskKey(0) + " has shape " + Arrays.toString(masks.get(0).shape())
                    + "; ncps's is (layer units, inputs + layer units)");
        }
        Map<String, String> defaults = CfcImportSettings.defaults(true, pure, false);
        CfcImportSettings.requireKnown(settings, true, defaults);
        requireModeFits(settings, pure);
        List<String> assumed = new ArrayList<>();
        Map<String, String> values = SettingValues.resolve(defaults, settings, assumed);
        long total = Arrays.stream(sizes).asLongStream().sum();
        StateDictImport.requireSizes((int) Math.min(Integer.MAX_VALUE, total), inputs, "a wired CfC");
        int[][] ids = layerIds(sizes);
        int units = (int) total;
        int[][] adjacency = new int[units][units];
        int[][] sensory = new int[inputs][units];
        for (int l = 0; l < masks.size(); l++) {
            int[] from = l == 0 ? null : ids[l - 1];
            readMask(l, masks.get(l), l == 0 ? inputs : sizes[l - 1], ids[l], l == 0 ? sensory : adjacency, from);
        }
        int motors = sizes.length > 1 ? sizes[sizes.length - 1] : oneLayerMotors(settings, units, assumed);
        List<int[]> layers = sizes.length > 1 ? Arrays.asList(ids) : null;
        ExplicitWiringSpec wiring = new ExplicitWiringSpec(motors, adjacency, sensory, layers);
        CfcSpec cell = cell(weights, values, pure, Activation.LECUN_TANH, 0, 0, 0.0);
        ModelSpec spec = new ModelSpec(inputs, new UnitsSpec.Wired(wiring), cell);
        StateDictImport.requireLayout(weights, spec, "a wired CfC");
        return new StateDictImport.Result(spec, weights, assumed, defaults);
    }

    private static CfcSpec cell(Map<String, NdArray> weights, Map<String, String> values, boolean pure,
                                Activation activation, int backboneUnits, int backboneLayers, double dropout) {
        CfcMode mode = pure ? CfcMode.PURE : mode(values.get(CfcImportSettings.MODE));
        NdArray fc = weights.get(StateDictLayout.FC_WEIGHT);
        Integer proj = fc == null || fc.rank() != 2 ? null : fc.dim(0);
        boolean mixed = weights.containsKey(StateDictLayout.Lstm.INPUT_MAP_WEIGHT.key());
        return new CfcSpec(proj, SettingValues.bool(values, "return_sequences"), SettingValues.bool(values,
                "batch_first"), mixed, mode, activation, backboneUnits, backboneLayers, dropout);
    }

    /** Pure mode is in the tensors (w_tau and A); a --set mode must agree with them. */
    private static void requireModeFits(Map<String, String> settings, boolean pure) {
        String given = settings.get(CfcImportSettings.MODE);
        if (pure && given != null && !given.equals("pure")) {
            throw new IllegalArgumentException("--set mode=" + given + " disagrees with the tensors, which hold w_tau"
                    + " and A: a pure-mode CfC");
        }
    }

    private static CfcMode mode(String text) {
        if (text.equals("default")) {
            return CfcMode.DEFAULT;
        }
        if (text.equals("no_gate")) {
            return CfcMode.NO_GATE;
        }
        throw new IllegalArgumentException("--set mode=" + text + ": give default or no_gate (pure mode is read from"
                + " the tensors: this one holds ff2, time_a and time_b)");
    }

    private static String activation(Map<String, String> values) {
        String text = values.getOrDefault(CfcImportSettings.ACTIVATION, "lecun_tanh");
        try {
            Activation.fromNcps(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--set " + CfcImportSettings.ACTIVATION + "=" + text + ": "
                    + e.getMessage(), e);
        }
    }

    /** The backbone's Linear indices, checked to follow ncps's numbering with or without dropout layers. */
    private static int[] backboneIndices(Map<String, NdArray> weights) {
        TreeSet<Integer> found = new TreeSet<>();
        for (String k : weights.keySet()) {
            int index = StateDictLayout.backboneIndexOf(PREFIX, k);
            if (index >= 0) {
                found.add(index);
            }
        }
        int[] idx = found.stream().mapToInt(Integer::intValue).toArray();
        for (int l = 0; l < idx.length; l++) {
            boolean plain = idx[l] == 2 * l;
            boolean withDropout = idx[l] == (l == 0 ? 0 : 2 + 3 * (l - 1));
            if (!plain && !withDropout) {
                throw new IllegalArgumentException("holds " + StateDictLayout.CfcLayout.backboneWeightKey(PREFIX, idx[l])
                        + " as its backbone layer " + l + "; ncps numbers them 0, 2, 4, ... (or 0, 2, 5, ... with"
                        + " dropout)");
            }
        }
        return idx;
    }

    private static List<NdArray> layerMasks(Map<String, NdArray> weights) {
        TreeSet<Integer> found = new TreeSet<>();
        for (String k : weights.keySet()) {
            int layer = StateDictLayout.wiredCfcMaskLayer(k);
            if (layer >= 0) {
                found.add(layer);
            }
        }
        if (found.isEmpty() || found.last() != found.size() - 1) {
            throw new IllegalArgumentException("holds wired CfC layers " + found + "; ncps numbers them 0, 1, 2, ...,"
                    + " each with its sparsity mask, e.g. " + maskKey(0));
        }
        List<NdArray> masks = new ArrayList<>();
        for (int l = 0; l < found.size(); l++) {
            NdArray m = require(weights, maskKey(l));
            if (m.rank() != 2 || m.dim(0) < 1 || m.dim(1) <= m.dim(0)) {
                throw new IllegalArgumentException(maskKey(l) + " has shape " + Arrays.toString(m.shape())
                        + "; ncps's is (layer units, its inputs + layer units)");
            }
            if (l > 0 && m.dim(1) - m.dim(0) != masks.get(l - 1).dim(0)) {
                throw new IllegalArgumentException(maskKey(l) + " reads " + (m.dim(1) - m.dim(0)) + " inputs, but "
                        + maskKey(l - 1) + " has " + masks.get(l - 1).dim(0) + " units: the layers do not chain");
            }
            masks.add(m);
        }
        return masks;
    }

    private static String maskKey(int layer) {
        return StateDictLayout.CfcLayout.maskKey(StateDictLayout.wiredCfcLayerPrefix(layer));
    }

    /** Neuron ids per layer as ncps numbers an NCP's: the last layer (motor) first, the first layer last. */
    private static int[][] layerIds(int[] sizes) {
        int[][] ids = new int[sizes.length][];
        int next = 0;
        for (int l = sizes.length - 1; l >= 0; l--) {
            ids[l] = new int[sizes[l]];
            for (int k = 0; k < sizes[l]; k++) {
                ids[l][k] = next++;
            }
        }
        return ids;
    }

    /**
     * Copies layer {@code l}'s mask (units, inputs + units) into the wiring: the first columns are its synapses from
     * the inputs or the previous layer, the rest its own recurrence, which ncps always fills with ones.
     */
    private static void readMask(int l, NdArray mask, int in, int[] ids, int[][] target, int[] sources) {
        float[] v = mask.toFloatArray();
        int cols = mask.dim(1);
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < cols; j++) {
                float x = v[i * cols + j];
                if (x != 0 && x != 1) {
                    throw new IllegalArgumentException(maskKey(l) + " holds " + x + " at [" + i + ", " + j
                            + "]; an ncps mask holds 0 and 1");
                }
                if (j >= in && x != 1) {
                    throw new IllegalArgumentException(maskKey(l) + " holds 0 at [" + i + ", " + j + "], in the"
                            + " layer's own recurrence, which ncps always connects: the masks contradict ncps's");
                }
                if (j < in && x == 1) {
                    target[sources == null ? j : sources[j]][ids[i]] = 1;
                }
            }
        }
    }

    private static int oneLayerMotors(Map<String, String> settings, int units, List<String> assumed) {
        String given = settings.get(CfcImportSettings.OUTPUT_SIZE);
        if (given == null) {
            assumed.add(CfcImportSettings.OUTPUT_SIZE + "=" + units + " (a one-layer wiring's mask does not record its"
                    + " motor neurons; the outputs are every unit either way, as ncps gives them)");
            return units;
        }
        int motors = SettingValues.integer(settings, CfcImportSettings.OUTPUT_SIZE);
        if (motors < 1 || motors > units) {
            throw new IllegalArgumentException("--set output_size=" + given + " must be between 1 and the " + units
                    + " units");
        }
        return motors;
    }

    private static NdArray require(Map<String, NdArray> weights, String key) {
        NdArray a = weights.get(key);
        if (a == null || a.rank() != 2 || a.dim(0) < 1) {
            throw new IllegalArgumentException(a == null ? "has no " + key + ", which this ncps CfC holds"
                    : key + " has shape " + Arrays.toString(a.shape()) + "; ncps's is (rows, columns)");
        }
        return a;
    }
}
