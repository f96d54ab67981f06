package io.liquidlens.model;

import io.liquidlens.io.NdArray;
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
    private static final String CELL = "rnn_cell.";

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
        if (model.cellKind() == CellKind.LTC) {
            key = CELL + (sensory ? "sensory_sparsity_mask" : "sparsity_mask");
            index = from * n + to;
        } else {
            int layer = layerOf(wiring, to);
            int[] ids = wiring.layer(layer);
            int inputs = layer == 0 ? s : wiring.layer(layer - 1).length;
            int k;
            if (sensory) {
                k = layer == 0 ? from : -1;
            } else if (indexIn(ids, from) >= 0) {
                k = inputs + indexIn(ids, from);
            } else {
                k = layer == 0 ? -1 : indexIn(wiring.layer(layer - 1), from);
            }
            if (k < 0) {
                throw new IllegalArgumentException("cannot cut " + what + ": a wired CfC computes synapses only from"
                        + " the previous layer and within a layer");
            }
            key = CELL + "layer_" + layer + ".sparsity_mask";
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
        if (model.cellKind() != CellKind.LTC) {
            String layerPrefix = key.substring(0, key.length() - "sparsity_mask".length());
            for (String head : new String[] {"time_a.weight", "time_b.weight"}) {
                NdArray w = weights.get(layerPrefix + head);
                if (w != null) {
                    float[] v = w.toFloatArray();
                    v[index] = 0f;
                    edited.put(layerPrefix + head, NdArray.ofFloats(w.shape(), v));
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
