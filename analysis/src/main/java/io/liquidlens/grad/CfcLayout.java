package io.liquidlens.grad;

import io.liquidlens.spec.Activation;
import io.liquidlens.spec.CfcMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of one ncps {@code CfCCell} (docs/NCPS.md#cfc-cell): where its tensors are named, how big they are and in
 * which order ncps registers them. Shared by the cell ({@link CfcCellGrad}) and by whatever lays out or
 * fills a {@link ParamSet}, so the names live in one place.
 *
 * @param prefix          state-dict prefix including the final dot ({@code rnn_cell.} for a dense CfC,
 *                        {@code rnn_cell.layer_l.} for a layer of a wired one)
 * @param inputSize       input features S of this cell
 * @param hiddenSize      units H
 * @param mode            default, no_gate or pure
 * @param activation      backbone activation (unused without backbone)
 * @param backboneUnits   U (0 without backbone)
 * @param backboneLayers  number of Linear + activation layers (0 = none)
 * @param backboneDropout ncps dropout; identity here, it only shifts the {@code backbone.i} indices
 * @param masked          true for a wired layer: a {@code sparsity_mask} (H, S+H) restricts ff1 and ff2
 */
public record CfcLayout(String prefix, int inputSize, int hiddenSize, CfcMode mode, Activation activation,
                        int backboneUnits, int backboneLayers, double backboneDropout, boolean masked) {

    /** One tensor of the cell: its full state-dict name, shape, and whether it is trained. */
    public record Tensor(String name, int[] shape, boolean trainable) {
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        /** Number of elements. */
        public int size() {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape)
                    && t.trainable == trainable;
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
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

    /** A dense cell (no mask). */
    public static CfcLayout dense(String prefix, int inputSize, int hiddenSize, CfcMode mode, Activation activation,
                                  int backboneUnits, int backboneLayers, double backboneDropout) {
        return new CfcLayout(prefix, inputSize, hiddenSize, mode, activation, backboneLayers > 0 ? backboneUnits : 0,
                backboneLayers, backboneDropout, false);
    }

    /** One layer of a wired CfC: masked, no backbone, lecun_tanh (unused), as WiredCfCCell builds it. */
    public static CfcLayout wiredLayer(String prefix, int inputSize, int hiddenSize, CfcMode mode) {
        return new CfcLayout(prefix, inputSize, hiddenSize, mode, Activation.LECUN_TANH, 0, 0, 0.0, true);
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
        if (l == 0) {
            return 0;
        }
        return backboneDropout > 0 ? 2 + 3 * (l - 1) : 2 * l;
    }

    /**
     * Every tensor in ncps's state-dict order: the direct parameters ({@code sparsity_mask}, {@code w_tau},
     * {@code A}) before the submodules, then the backbone, then ff1 [, ff2, time_a, time_b].
     */
    public List<Tensor> tensors() {
        int h = hiddenSize;
        int cat = catSize();
        List<Tensor> out = new ArrayList<>();
        if (masked) {
            out.add(new Tensor(prefix + "sparsity_mask", new int[] {h, inputSize + h}, false));
        }
        if (mode == CfcMode.PURE) {
            out.add(new Tensor(prefix + "w_tau", new int[] {1, h}, true));
            out.add(new Tensor(prefix + "A", new int[] {1, h}, true));
        }
        for (int l = 0; l < backboneLayers; l++) {
            String b = prefix + "backbone." + backboneIndex(l) + ".";
            out.add(new Tensor(b + "weight", new int[] {backboneUnits, backboneInput(l)}, true));
            out.add(new Tensor(b + "bias", new int[] {backboneUnits}, true));
        }
        for (String head : mode == CfcMode.PURE ? new String[] {"ff1"} : new String[] {"ff1", "ff2", "time_a", "time_b"}) {
            out.add(new Tensor(prefix + head + ".weight", new int[] {h, cat}, true));
            out.add(new Tensor(prefix + head + ".bias", new int[] {h}, true));
        }
        return out;
    }
}
