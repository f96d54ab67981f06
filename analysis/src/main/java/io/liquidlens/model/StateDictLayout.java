package io.liquidlens.model;

import io.liquidlens.spec.CfcMode;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.LtcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every tensor an ncps model's {@code state_dict()} holds, in ncps's order, with its shape and whether it
 * is trained: the one place that knows ncps's tensor names (docs/NCPS.md#state-dict-tensor-names). Used to initialise
 * new models, to lay out parameters for reverse mode and to check checkpoints.
 */
public final class StateDictLayout {
    /** The prefix of every tensor of the recurrent cell, as ncps names them. */
    public static final String CELL_PREFIX = "rnn_cell.";
    private StateDictLayout() {
    }

    /**
     * One tensor of the layout.
     *
     * @param name      the state-dict key
     * @param shape     its shape
     * @param trainable false for the sparsity masks (Parameters with requires_grad=False in ncps)
     */
    public record Tensor(String name, int[] shape, boolean trainable) {
        public Tensor {
            shape = shape.clone();
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
            return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.trainable == trainable;
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return name + Arrays.toString(shape) + (trainable ? "" : " (constant)");
        }
    }

    /** The wiring ncps builds for a spec (null for a dense CfC, which has none). */
    public static Wiring wiringOf(ModelSpec spec) {
        if (spec.units() instanceof UnitsSpec.Wired wired) {
            return wired.wiring().build(spec.inputSize());
        }
        if (spec.cell() instanceof CfcSpec) {
            return null;
        }
        int units = ((UnitsSpec.Dense) spec.units()).units();
        return new FullyConnectedSpec(units, null, FullyConnectedSpec.DEFAULT_SEED, true).build(spec.inputSize());
    }

    /** The tensors of {@code spec}, with the wiring ncps builds for it. */
    public static List<Tensor> of(ModelSpec spec) {
        return of(spec, wiringOf(spec));
    }

    /** The tensors of {@code spec} with a given wiring (ignored for a dense CfC). */
    public static List<Tensor> of(ModelSpec spec, Wiring wiring) {
        List<Tensor> out = new ArrayList<>();
        int s = spec.inputSize();
        int stateSize;
        int cellOutputs;
        if (spec.cell() instanceof LtcSpec ltc) {
            int n = wiring.units();
            int m = wiring.outputDim();
            String p = CELL_PREFIX;
            for (String v : new String[] {"gleak", "vleak", "cm"}) {
                out.add(new Tensor(p + v, new int[] {n}, true));
            }
            for (String v : new String[] {"sigma", "mu", "w", "erev"}) {
                out.add(new Tensor(p + v, new int[] {n, n}, true));
            }
            for (String v : new String[] {"sensory_sigma", "sensory_mu", "sensory_w", "sensory_erev"}) {
                out.add(new Tensor(p + v, new int[] {s, n}, true));
            }
            out.add(new Tensor(p + "sparsity_mask", new int[] {n, n}, false));
            out.add(new Tensor(p + "sensory_sparsity_mask", new int[] {s, n}, false));
            if (ltc.inputMapping().hasWeight()) {
                out.add(new Tensor(p + "input_w", new int[] {s}, true));
            }
            if (ltc.inputMapping().hasBias()) {
                out.add(new Tensor(p + "input_b", new int[] {s}, true));
            }
            if (ltc.outputMapping().hasWeight()) {
                out.add(new Tensor(p + "output_w", new int[] {m}, true));
            }
            if (ltc.outputMapping().hasBias()) {
                out.add(new Tensor(p + "output_b", new int[] {m}, true));
            }
            stateSize = n;
            cellOutputs = m;
        } else {
            CfcSpec cfc = (CfcSpec) spec.cell();
            if (spec.units() instanceof UnitsSpec.Dense dense) {
                int h = dense.units();
                cfcCell(out, CELL_PREFIX, s, h, cfc, cfc.backboneLayers(), cfc.backboneUnits(), false);
                stateSize = h;
                cellOutputs = h;
            } else {
                int in = s;
                int last = 0;
                for (int l = 0; l < wiring.layerCount(); l++) {
                    int h = wiring.layer(l).length;
                    cfcCell(out, "rnn_cell.layer_" + l + ".", in, h, cfc, 0, 0, true);
                    in = h;
                    last = h;
                }
                stateSize = wiring.units();
                cellOutputs = last;
            }
        }
        if (spec.cell().mixedMemory()) {
            out.add(new Tensor("lstm.input_map.weight", new int[] {4 * stateSize, s}, true));
            out.add(new Tensor("lstm.input_map.bias", new int[] {4 * stateSize}, true));
            out.add(new Tensor("lstm.recurrent_map.weight", new int[] {4 * stateSize, stateSize}, true));
        }
        if (spec.cell() instanceof CfcSpec cfc && cfc.projSize() != null) {
            out.add(new Tensor("fc.weight", new int[] {cfc.projSize(), cellOutputs}, true));
            out.add(new Tensor("fc.bias", new int[] {cfc.projSize()}, true));
        }
        return List.copyOf(out);
    }

    /**
     * The name index of backbone layer {@code layer} in ncps's {@code nn.Sequential}: Linear 0, activation 1,
     * then per extra layer Linear, activation and, when dropout is on, Dropout.
     */
    public static int backboneIndex(int layer, double dropout) {
        return layer == 0 ? 0 : (dropout > 0 ? 2 + 3 * (layer - 1) : 2 * layer);
    }

    private static void cfcCell(List<Tensor> out, String p, int in, int h, CfcSpec cfc, int layers, int units,
                                boolean masked) {
        boolean pure = cfc.mode() == CfcMode.PURE;
        // direct parameters come before submodules in ncps's state dict
        if (masked) {
            out.add(new Tensor(p + "sparsity_mask", new int[] {h, in + h}, false));
        }
        if (pure) {
            out.add(new Tensor(p + "w_tau", new int[] {1, h}, true));
            out.add(new Tensor(p + "A", new int[] {1, h}, true));
        }
        int width = in + h;
        for (int l = 0; l < layers; l++) {
            int index = backboneIndex(l, cfc.backboneDropout());
            out.add(new Tensor(p + "backbone." + index + ".weight", new int[] {units, width}, true));
            out.add(new Tensor(p + "backbone." + index + ".bias", new int[] {units}, true));
            width = units;
        }
        String[] heads = pure ? new String[] {"ff1"} : new String[] {"ff1", "ff2", "time_a", "time_b"};
        for (String head : heads) {
            out.add(new Tensor(p + head + ".weight", new int[] {h, width}, true));
            out.add(new Tensor(p + head + ".bias", new int[] {h}, true));
        }
    }
}
