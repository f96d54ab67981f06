package io.liquidlens.model;

import io.liquidlens.io.NdArray;
import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.model.StateDictLayout.CfcLayout.Head;
import io.liquidlens.model.StateDictLayout.Ltc;
import io.liquidlens.wiring.Wiring;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cuts a synapse where ncps keeps it: in the checkpoint's sparsity masks, which the cells multiply into their
 * weights. Editing the weights rather than our computed structures means a cut model is an ncps model (save its
 * weights and ncps computes the same).
 *
 * <p>A wired CfC needs more than its mask: ncps leaves the time heads ({@code time_a}, {@code time_b})
 * unmasked (docs/NCPS.md#wired-cfc), so through them every neuron of a layer reaches every neuron of the next whatever
 * the wiring says. A cut there also zeroes the synapse's entry in both time heads, so that the target receives nothing
 * from the source at all.
 */
final class SynapseCut {
    private SynapseCut() {
    }

    /** The weights with the mask entry of synapse from -> to set to 0. */
    static Map<String, NdArray> edit(LiquidModel model, Map<String, NdArray> weights, int from, int to,
                                     boolean sensory) {
        String what = (sensory ? "input " : "neuron ") + from + " -> neuron " + to;
        Wiring wiring = model.wiring().orElseThrow(() -> new IllegalArgumentException("cannot cut " + what
                + ": a dense CfC has no wiring, hence no synapses"));
        int n = wiring.units();
        int s = model.inputSize();
        if (to < 0 || to >= n || from < 0 || from >= (sensory ? s : n)) {
            throw new IllegalArgumentException("cannot cut " + what + ": neurons are 0.." + (n - 1)
                    + (sensory ? ", inputs 0.." + (s - 1) : ""));
        }
        String key;
        int index;
        CfcLayout layer = null;
        if (model.cellKind() == CellKind.LTC) {
            key = (sensory ? Ltc.SENSORY_SPARSITY_MASK : Ltc.SPARSITY_MASK).key();
            index = from * n + to;
        } else {
            int l = layerOf(wiring, to);
            int[] ids = wiring.layer(l);
            int inputs = l == 0 ? s : wiring.layer(l - 1).length;
            int k;
            if (sensory) {
                k = l == 0 ? from : -1;
            } else if (indexIn(ids, from) >= 0) {
                k = inputs + indexIn(ids, from);
            } else {
                k = l == 0 ? -1 : indexIn(wiring.layer(l - 1), from);
            }
            if (k < 0) {
                throw new IllegalArgumentException("cannot cut " + what + ": a wired CfC computes synapses only from"
                        + " the previous layer and within a layer");
            }
            layer = StateDictLayout.cfcLayouts(model.spec(), wiring).get(l);
            key = layer.mask().name();
            index = indexIn(ids, to) * (inputs + ids.length) + k;
        }
        NdArray mask = weights.get(key);
        float[] values = mask.toFloatArray();
        if (values[index] == 0f) {
            throw new IllegalArgumentException("cannot cut " + what + ": the checkpoint has no such synapse");
        }
        values[index] = 0f;
        Map<String, NdArray> edited = new LinkedHashMap<>(weights);
        edited.put(key, NdArray.ofFloats(mask.shape(), values));
        if (layer != null) {
            for (Head head : new Head[] {Head.TIME_A, Head.TIME_B}) {
                String name = layer.weight(head).name();
                NdArray w = weights.get(name);
                if (w != null) {
                    float[] v = w.toFloatArray();
                    v[index] = 0f;
                    edited.put(name, NdArray.ofFloats(w.shape(), v));
                }
            }
        }
        return edited;
    }

    private static int layerOf(Wiring wiring, int neuron) {
        for (int l = 0; l < wiring.layerCount(); l++) {
            if (indexIn(wiring.layer(l), neuron) >= 0) {
                return l;
            }
        }
        throw new IllegalArgumentException("neuron " + neuron + " is in no layer of the wiring");
    }

    private static int indexIn(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        return -1;
    }
}
