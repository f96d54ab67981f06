package io.liquidlens.model;

import io.liquidlens.spec.Activation;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CfcMode;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * Every tensor an ncps model's {@code state_dict()} holds, in ncps's order, with its shape and whether it is
 * trained: the one place that spells ncps's tensor names (docs/NCPS.md#state-dict-tensor-names). The float cells read their weights
 * by these names, reverse mode lays out and reads its parameters by them, the initialiser fills them, a
 * synapse cut edits them, and checkpoints are checked against them. A baseline's names are {@link BaselineLayout}'s.
 */
public final class StateDictLayout {
    /** The prefix of every tensor of the recurrent cell, as ncps names them. */
    public static final String CELL_PREFIX = "rnn_cell.";
    /** The projection ncps's CfC puts after the cell when {@code proj_size} is set: (proj_size, cell outputs). */
    public static final String FC_WEIGHT = "fc.weight";
    /** The projection's bias (proj_size). */
    public static final String FC_BIAS = "fc.bias";
    private static final String LSTM_PREFIX = "lstm.";
    private static final String MASK = "sparsity_mask";
    private static final String WIRED_LAYER = "layer_";
    private static final String BACKBONE = "backbone";
    private static final String WEIGHT = "weight";

    private StateDictLayout() {
    }

    /**
     * What an LTC tensor holds one value for, which fixes its shape: each neuron (N), each synapse (N, N), each
     * sensory synapse (S, N), each input (S) or each motor neuron (M).
     */
    private enum Extent { NEURONS, SYNAPSES, SENSORY_SYNAPSES, INPUTS, MOTORS }

    /** The tensors of ncps's {@code LTCCell}, all under {@link #CELL_PREFIX}, in the order ncps registers them. */
    public enum Ltc {
        GLEAK("gleak", Extent.NEURONS), VLEAK("vleak", Extent.NEURONS), CM("cm", Extent.NEURONS),
        SIGMA("sigma", Extent.SYNAPSES), MU("mu", Extent.SYNAPSES), W("w", Extent.SYNAPSES),
        EREV("erev", Extent.SYNAPSES),
        SENSORY_SIGMA("sensory_sigma", Extent.SENSORY_SYNAPSES), SENSORY_MU("sensory_mu", Extent.SENSORY_SYNAPSES),
        SENSORY_W("sensory_w", Extent.SENSORY_SYNAPSES), SENSORY_EREV("sensory_erev", Extent.SENSORY_SYNAPSES),
        SPARSITY_MASK(MASK, Extent.SYNAPSES), SENSORY_SPARSITY_MASK("sensory_" + MASK, Extent.SENSORY_SYNAPSES),
        INPUT_W("input_w", Extent.INPUTS), INPUT_B("input_b", Extent.INPUTS),
        OUTPUT_W("output_w", Extent.MOTORS), OUTPUT_B("output_b", Extent.MOTORS);

        private final String key;
        private final Extent extent;

        Ltc(String local, Extent extent) {
            this.key = CELL_PREFIX + local;
            this.extent = extent;
        }

        /** The state-dict key. */
        public String key() {
            return key;
        }

        /** This tensor for a cell of {@code inputs} sensory inputs, {@code units} neurons and {@code motors} outputs. */
        public Tensor tensor(int inputs, int units, int motors) {
            int[] shape = switch (extent) {
                case NEURONS -> new int[] {units};
                case SYNAPSES -> new int[] {units, units};
                case SENSORY_SYNAPSES -> new int[] {inputs, units};
                case INPUTS -> new int[] {inputs};
                case MOTORS -> new int[] {motors};
            };
            return new Tensor(key, shape, this != SPARSITY_MASK && this != SENSORY_SPARSITY_MASK);
        }

        /** True when ncps keeps it non-negative: softplus under implicit constraints, else clipped at zero. */
        public boolean positive() {
            return this == GLEAK || this == CM || this == W || this == SENSORY_W;
        }

        /** True when a cell of {@code spec} has it (the input and output mappings are optional). */
        public boolean presentIn(LtcSpec spec) {
            return switch (this) {
                case INPUT_W -> spec.inputMapping().hasWeight();
                case INPUT_B -> spec.inputMapping().hasBias();
                case OUTPUT_W -> spec.outputMapping().hasWeight();
                case OUTPUT_B -> spec.outputMapping().hasBias();
                default -> true;
            };
        }

        /** The tensor called {@code key}. */
        public static Ltc ofKey(String key) {
            for (Ltc t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("no LTC tensor " + key);
        }
    }

    /** The tensors of ncps's mixed-memory {@code LSTMCell}, in the order ncps registers them. */
    public enum Lstm {
        INPUT_MAP_WEIGHT("input_map.weight"), INPUT_MAP_BIAS("input_map.bias"),
        RECURRENT_MAP_WEIGHT("recurrent_map.weight");

        private final String key;

        Lstm(String local) {
            this.key = LSTM_PREFIX + local;
        }

        /** The state-dict key. */
        public String key() {
            return key;
        }

        /** This tensor for an LSTM on {@code inputs} features beside a cell of {@code units} states. */
        public Tensor tensor(int inputs, int units) {
            int[] shape = switch (this) {
                case INPUT_MAP_WEIGHT -> new int[] {4 * units, inputs};
                case INPUT_MAP_BIAS -> new int[] {4 * units};
                case RECURRENT_MAP_WEIGHT -> new int[] {4 * units, units};
            };
            return new Tensor(key, shape, true);
        }
    }

    /** The prefix of a wired CfC's layer {@code l} ({@code rnn_cell.layer_0.} for the first). */
    public static String wiredCfcLayerPrefix(int l) {
        return CELL_PREFIX + WIRED_LAYER + l + ".";
    }

    /** True when {@code key} is a tensor of a wired CfC's layers. */
    public static boolean isWiredCfcKey(String key) {
        return key.startsWith(CELL_PREFIX + WIRED_LAYER);
    }

    /** The layer whose sparsity mask {@code key} is ({@code rnn_cell.layer_L.sparsity_mask}), or -1. */
    public static int wiredCfcMaskLayer(String key) {
        String head = CELL_PREFIX + WIRED_LAYER;
        String tail = "." + MASK;
        return key.startsWith(head) && key.endsWith(tail)
                ? smallIndex(key.substring(head.length(), key.length() - tail.length())) : -1;
    }

    /** The index in the backbone's {@code nn.Sequential} of the Linear whose weight {@code key} is, or -1. */
    public static int backboneIndexOf(String prefix, String key) {
        String head = prefix + BACKBONE + ".";
        String tail = "." + WEIGHT;
        return key.startsWith(head) && key.endsWith(tail)
                ? smallIndex(key.substring(head.length(), key.length() - tail.length())) : -1;
    }

    /** A non-negative index written in decimal digits (at most five), or -1. */
    private static int smallIndex(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    /** True for the tensors that are constants in ncps (the sparsity masks, requires_grad=False). */
    public static boolean isConstant(String key) {
        return key.endsWith(MASK);
    }

    /** The weight of the torch {@code Linear} whose bias is {@code biasKey} ({@code x.bias} -> {@code x.weight}). */
    public static String weightBeside(String biasKey) {
        return biasKey.substring(0, biasKey.lastIndexOf('.')) + ".weight";
    }

    /** The wiring ncps builds for a spec (null for a dense CfC or a baseline, which have none). */
    public static Wiring wiringOf(ModelSpec spec) {
        if (spec.units() instanceof UnitsSpec.Wired wired) {
            return wired.wiring().build(spec.inputSize());
        }
        if (spec.cell() instanceof CfcSpec || spec.cell() instanceof BaselineSpec) {
            return null;
        }
        int units = ((UnitsSpec.Dense) spec.units()).units();
        return new FullyConnectedSpec(units, null, FullyConnectedSpec.DEFAULT_SEED, true).build(spec.inputSize());
    }

    /** The tensors of {@code spec}, with the wiring ncps builds for it. */
    public static List<Tensor> of(ModelSpec spec) {
        return of(spec, wiringOf(spec));
    }

    /** The tensors of {@code spec} with a given wiring (ignored for a dense CfC and a baseline). */
    public static List<Tensor> of(ModelSpec spec, Wiring wiring) {
        if (spec.cell() instanceof BaselineSpec) {
            return BaselineLayout.of(spec);
        }
        List<Tensor> out = new ArrayList<>();
        int s = spec.inputSize();
        int stateSize;
        int cellOutputs;
        if (spec.cell() instanceof LtcSpec ltc) {
            for (Ltc t : Ltc.values()) {
                if (t.presentIn(ltc)) {
                    out.add(t.tensor(s, wiring.units(), wiring.outputDim()));
                }
            }
            stateSize = wiring.units();
            cellOutputs = wiring.outputDim();
        } else {
            List<CfcLayout> parts = cfcLayouts(spec, wiring);
            parts.forEach(p -> out.addAll(p.tensors()));
            stateSize = parts.stream().mapToInt(CfcLayout::hiddenSize).sum();
            cellOutputs = parts.get(parts.size() - 1).hiddenSize();
        }
        if (spec.cell().mixedMemory()) {
            for (Lstm t : Lstm.values()) {
                out.add(t.tensor(s, stateSize));
            }
        }
        if (spec.cell() instanceof CfcSpec cfc && cfc.projSize() != null) {
            out.add(new Tensor(FC_WEIGHT, new int[] {cfc.projSize(), cellOutputs}, true));
            out.add(new Tensor(FC_BIAS, new int[] {cfc.projSize()}, true));
        }
        return List.copyOf(out);
    }

    /**
     * The parts of a CfC's cell, in state-dict order: one dense cell for int units, one masked cell per wiring
     * layer for a wiring (layer l reads layer l-1's state, layer 0 the input), as ncps's WiredCfCCell builds them.
     *
     * @param wiring the built wiring of a wired CfC; ignored (may be null) for int units
     * @throws IllegalArgumentException when the spec is not a CfC, or a wired one comes without a fitting wiring
     */
    public static List<CfcLayout> cfcLayouts(ModelSpec spec, Wiring wiring) {
        if (!(spec.cell() instanceof CfcSpec cfc)) {
            throw new IllegalArgumentException("not a CfC model: " + spec.cell().ncpsClass());
        }
        if (spec.units() instanceof UnitsSpec.Dense d) {
            return List.of(CfcLayout.dense(spec.inputSize(), d.units(), cfc.mode(), cfc.activation(),
                    cfc.backboneUnits(), cfc.backboneLayers(), cfc.backboneDropout()));
        }
        if (wiring == null) {
            throw new IllegalArgumentException("a wired CfC needs its wiring");
        }
        return wiredCfc(spec.inputSize(), wiring, cfc.mode());
    }

    /** The layers of a wired CfC on {@code inputSize} features (see {@link #cfcLayouts}). */
    public static List<CfcLayout> wiredCfc(int inputSize, Wiring wiring, CfcMode mode) {
        if (wiring.inputDim() != inputSize) {
            throw new IllegalArgumentException("the wiring has " + wiring.inputDim() + " inputs but input_size is "
                    + inputSize);
        }
        List<CfcLayout> out = new ArrayList<>();
        int in = inputSize;
        for (int l = 0; l < wiring.layerCount(); l++) {
            int h = wiring.layer(l).length;
            out.add(new CfcLayout(wiredCfcLayerPrefix(l), in, h, mode, Activation.LECUN_TANH, 0, 0, 0.0,
                    true));
            in = h;
        }
        return List.copyOf(out);
    }

    /**
     * The shape of one ncps {@code CfCCell} (docs/NCPS.md#cfc-cell): its tensors' names, sizes and order.
     *
     * @param prefix          state-dict prefix including the final dot ({@code rnn_cell.} for a dense CfC, one per
     *                        layer for a wired one)
     * @param inputSize       input features S of this cell
     * @param hiddenSize      units H
     * @param mode            default, no_gate or pure
     * @param activation      backbone activation (unused without backbone)
     * @param backboneUnits   U (0 without backbone)
     * @param backboneLayers  number of Linear + activation layers (0 = none)
     * @param backboneDropout ncps dropout; identity here, it only shifts the {@code backbone.i} indices
     * @param masked          true for a wired layer: a sparsity mask (H, S+H) restricts ff1 and ff2
     */
    public record CfcLayout(String prefix, int inputSize, int hiddenSize, CfcMode mode, Activation activation,
                            int backboneUnits, int backboneLayers, double backboneDropout, boolean masked) {

        /** The heads, each a Linear from the features to the H units. */
        public enum Head {
            FF1("ff1"), FF2("ff2"), TIME_A("time_a"), TIME_B("time_b");

            private final String local;

            Head(String local) {
                this.local = local;
            }
        }

        /** Validates sizes as ncps's constructor would accept them. */
        public CfcLayout {
            if (prefix == null || mode == null || activation == null) {
                throw new IllegalArgumentException("prefix, mode and activation must not be null");
            }
            if (inputSize < 1 || hiddenSize < 1) {
                throw new IllegalArgumentException("input and hidden size must be >= 1, got " + inputSize + " and "
                        + hiddenSize);
            }
            if (backboneLayers < 0 || (backboneLayers > 0 && backboneUnits < 1)) {
                throw new IllegalArgumentException("backbone_layers " + backboneLayers + " with backbone_units "
                        + backboneUnits);
            }
            if (masked && backboneLayers > 0) {
                // ncps builds masked cells only inside WiredCfCCell, which never has a backbone; the mask is (H, S+H)
                throw new IllegalArgumentException("a sparsity mask needs a cell without backbone");
            }
        }

        /** A dense cell (no mask) under {@link #CELL_PREFIX}. */
        public static CfcLayout dense(int inputSize, int hiddenSize, CfcMode mode, Activation activation,
                                      int backboneUnits, int backboneLayers, double backboneDropout) {
            return new CfcLayout(CELL_PREFIX, inputSize, hiddenSize, mode, activation,
                    backboneLayers > 0 ? backboneUnits : 0, backboneLayers, backboneDropout, false);
        }

        /** Width of the features the heads read: S + H without backbone, else U. */
        public int catSize() {
            return backboneLayers > 0 ? backboneUnits : inputSize + hiddenSize;
        }

        /** Input width of backbone layer {@code l}. */
        public int backboneInput(int l) {
            return l == 0 ? inputSize + hiddenSize : backboneUnits;
        }

        /**
         * The index of backbone layer {@code l}'s Linear inside ncps's {@code nn.Sequential}: Linear, act, then
         * per extra layer Linear, act and (only when dropout > 0) Dropout.
         */
        public int backboneIndex(int l) {
            return l == 0 ? 0 : (backboneDropout > 0 ? 2 + 3 * (l - 1) : 2 * l);
        }

        /** The key of pure mode's w_tau in the cell under {@code prefix}. */
        public static String wTauKey(String prefix) {
            return prefix + "w_tau";
        }

        /** The key of a head's weight in the cell under {@code prefix}. */
        public static String weightKey(String prefix, Head head) {
            return prefix + head.local + "." + WEIGHT;
        }

        /** The key of the weight of the backbone's {@code nn.Sequential} module {@code index}. */
        public static String backboneWeightKey(String prefix, int index) {
            return prefix + BACKBONE + "." + index + "." + WEIGHT;
        }

        /** The key of the sparsity mask of the cell under {@code prefix}. */
        public static String maskKey(String prefix) {
            return prefix + MASK;
        }

        /** The sparsity mask (H, S+H) of a wired layer. */
        public Tensor mask() {
            return new Tensor(maskKey(prefix), new int[] {hiddenSize, inputSize + hiddenSize}, false);
        }

        /** Pure mode's w_tau (1, H). */
        public Tensor wTau() {
            return new Tensor(wTauKey(prefix), new int[] {1, hiddenSize}, true);
        }

        /** Pure mode's amplitude A (1, H). */
        public Tensor amplitude() {
            return new Tensor(prefix + "A", new int[] {1, hiddenSize}, true);
        }

        /** Backbone layer {@code l}'s weight (U, its input width). */
        public Tensor backboneWeight(int l) {
            return new Tensor(backboneWeightKey(prefix, backboneIndex(l)),
                    new int[] {backboneUnits, backboneInput(l)}, true);
        }

        /** Backbone layer {@code l}'s bias (U). */
        public Tensor backboneBias(int l) {
            return new Tensor(prefix + "backbone." + backboneIndex(l) + ".bias", new int[] {backboneUnits}, true);
        }

        /** The heads this mode has: ff1 alone in pure mode, else ff1, ff2, time_a, time_b. */
        public List<Head> heads() {
            return mode == CfcMode.PURE ? List.of(Head.FF1) : List.of(Head.values());
        }

        /** A head's weight (H, {@link #catSize()}). */
        public Tensor weight(Head head) {
            return new Tensor(weightKey(prefix, head), new int[] {hiddenSize, catSize()}, true);
        }

        /** A head's bias (H). */
        public Tensor bias(Head head) {
            return new Tensor(prefix + head.local + ".bias", new int[] {hiddenSize}, true);
        }

        /**
         * Every tensor in ncps's state-dict order: the direct parameters (mask, w_tau, A) before the submodules,
         * then the backbone, then the heads.
         */
        public List<Tensor> tensors() {
            List<Tensor> out = new ArrayList<>();
            if (masked) {
                out.add(mask());
            }
            if (mode == CfcMode.PURE) {
                out.add(wTau());
                out.add(amplitude());
            }
            for (int l = 0; l < backboneLayers; l++) {
                out.add(backboneWeight(l));
                out.add(backboneBias(l));
            }
            for (Head head : heads()) {
                out.add(weight(head));
                out.add(bias(head));
            }
            return List.copyOf(out);
        }
    }
}
