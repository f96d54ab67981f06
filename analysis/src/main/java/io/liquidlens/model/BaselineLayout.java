package io.liquidlens.model;

import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CtrnnSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Every tensor of a baseline's state dict, in the order {@code state_dict()} lists them: the one place that spells
 * a baseline's tensor names (docs/FORMATS.md#baselines). A torch layer stack keeps torch's own names under
 * {@code rnn.} ({@code weight_ih_l0}, {@code weight_hh_l0}, {@code bias_ih_l0}, {@code bias_hh_l0}, then layer 1,
 * ...), a CT-RNN the names LiquidLens gives it, and the readout is {@code fc.weight} and {@code fc.bias}: what a
 * module with attributes {@code rnn} and {@code fc} saves.
 */
public final class BaselineLayout {
    /** The prefix of the recurrent layers' tensors. */
    public static final String RNN_PREFIX = "rnn.";
    /** The prefix of the readout's tensors. */
    public static final String READOUT_PREFIX = "fc.";
    /** The readout's weight (outputs, hidden units). */
    public static final String READOUT_WEIGHT = READOUT_PREFIX + "weight";
    /** The readout's bias (outputs). */
    public static final String READOUT_BIAS = READOUT_PREFIX + "bias";

    /** The tensors of a CT-RNN (docs/BASELINES.md#ct-rnn), under {@link #RNN_PREFIX}, in state-dict order. */
    public enum Ctrnn {
        /** U (units, inputs). */
        WEIGHT_IH("weight_ih"),
        /** W (units, units): row j holds what unit j receives. */
        WEIGHT_HH("weight_hh"),
        /** b (units). */
        BIAS("bias"),
        /** The time constants' parameter (units): tau = softplus(tau_raw), so any value gives a positive tau. */
        TAU_RAW("tau_raw");

        private final String local;
        private final String key;

        Ctrnn(String local) {
            this.local = local;
            this.key = RNN_PREFIX + local;
        }

        /** The state-dict key. */
        public String key() {
            return key;
        }

        /** The key under another prefix (a checkpoint's own, with its dot). */
        public String key(String prefix) {
            return prefix + local;
        }

        /** This tensor for a CT-RNN of {@code inputs} inputs and {@code units} units. */
        public Tensor tensor(int inputs, int units) {
            int[] shape = switch (this) {
                case WEIGHT_IH -> new int[] {units, inputs};
                case WEIGHT_HH -> new int[] {units, units};
                case BIAS, TAU_RAW -> new int[] {units};
            };
            return new Tensor(key, shape, true);
        }
    }

    private BaselineLayout() {
    }

    /** torch's {@code weight_ih_l<layer>}: (gates x hidden, the layer's inputs). */
    public static String weightIh(int layer) {
        return weightIh(RNN_PREFIX, layer);
    }

    /** {@code weight_ih_l<layer>} under another prefix (a checkpoint's own, with its dot). */
    public static String weightIh(String prefix, int layer) {
        return prefix + "weight_ih_l" + layer;
    }

    /** torch's {@code weight_hh_l<layer>}: (gates x hidden, hidden). */
    public static String weightHh(int layer) {
        return weightHh(RNN_PREFIX, layer);
    }

    /** {@code weight_hh_l<layer>} under another prefix. */
    public static String weightHh(String prefix, int layer) {
        return prefix + "weight_hh_l" + layer;
    }

    /** torch's {@code bias_ih_l<layer>}: (gates x hidden). */
    public static String biasIh(int layer) {
        return biasIh(RNN_PREFIX, layer);
    }

    /** {@code bias_ih_l<layer>} under another prefix. */
    public static String biasIh(String prefix, int layer) {
        return prefix + "bias_ih_l" + layer;
    }

    /** torch's {@code bias_hh_l<layer>}: (gates x hidden). */
    public static String biasHh(int layer) {
        return RNN_PREFIX + "bias_hh_l" + layer;
    }

    /** The readout's weight under a checkpoint's own prefix (with its dot). */
    public static String readoutWeight(String prefix) {
        return prefix + "weight";
    }

    /** The readout's bias under a checkpoint's own prefix. */
    public static String readoutBias(String prefix) {
        return prefix + "bias";
    }

    /** True for a tensor of torch's reverse direction ({@code weight_ih_l0_reverse}, ...): a bidirectional stack. */
    public static boolean isReverseDirection(String key) {
        return key.endsWith("_reverse");
    }

    /** True for an LSTM's projection ({@code weight_hr_l<layer>}, with {@code proj_size}) under {@code prefix}. */
    public static boolean isProjection(String prefix, String key) {
        return key.startsWith(prefix + "weight_hr_l");
    }

    /**
     * The prefix (without its dot) of a baseline's recurrent tensors when {@code key} is the first layer's input
     * weight of a torch stack or a CT-RNN's {@code tau_raw} under some prefix ({@code encoder.lstm} for
     * {@code encoder.lstm.weight_ih_l0}); else null.
     */
    public static String recurrentPrefixOf(String key) {
        for (String local : new String[] {weightIh("", 0), Ctrnn.TAU_RAW.local}) {
            if (key.endsWith("." + local)) {
                return key.substring(0, key.length() - local.length() - 1);
            }
        }
        return null;
    }

    /** The tensors of a baseline model, in state-dict order. */
    public static List<Tensor> of(ModelSpec spec) {
        BaselineSpec cell = (BaselineSpec) spec.cell();
        int s = spec.inputSize();
        int h = ((UnitsSpec.Dense) spec.units()).units();
        List<Tensor> out = new ArrayList<>();
        if (cell instanceof TorchRnnSpec t) {
            int rows = t.kind().gates() * h;
            for (int l = 0; l < t.numLayers(); l++) {
                out.add(new Tensor(weightIh(l), new int[] {rows, l == 0 ? s : h}, true));
                out.add(new Tensor(weightHh(l), new int[] {rows, h}, true));
                if (t.bias()) {
                    out.add(new Tensor(biasIh(l), new int[] {rows}, true));
                    out.add(new Tensor(biasHh(l), new int[] {rows}, true));
                }
            }
        } else if (cell instanceof CtrnnSpec) {
            for (Ctrnn t : Ctrnn.values()) {
                out.add(t.tensor(s, h));
            }
        }
        int m = cell.readout().outFeatures();
        out.add(new Tensor(READOUT_WEIGHT, new int[] {m, h}, true));
        if (cell.readout().bias()) {
            out.add(new Tensor(READOUT_BIAS, new int[] {m}, true));
        }
        return List.copyOf(out);
    }
}
