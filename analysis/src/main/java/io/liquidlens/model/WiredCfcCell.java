package io.liquidlens.model;

import io.liquidlens.model.StateDictLayout.CfcLayout;
import io.liquidlens.wiring.NeuronRole;
import io.liquidlens.wiring.Wiring;
import java.util.List;

/**
 * ncps's {@code WiredCfCCell} (docs/NCPS.md#wired-cfc): one {@link CfcCell} without backbone per wiring layer (NCP:
 * inter, command, motor; single-layer wirings: all units), each fed by the previous layer's new state.
 * The masks come from the checkpoint ({@code layer_l.sparsity_mask}, docs/NCPS.md#sparsity-masks).
 *
 * <p>Bug-compatible with ncps (docs/NCPS.md#wired-cfc): recurrence inside a layer is fully connected (the
 * wiring's command->command synapses and all polarities are ignored), the time heads are unmasked, the
 * state vector is layer by layer ({@code [inter..., command..., motor...]}, each by increasing id), and the
 * output is the last layer's state, i.e. all units for a single-layer wiring.
 */
public final class WiredCfcCell implements RecurrentCell {
    private final int input;
    private final int units;
    private final CfcCell[] layers;
    private final int[] offsets;
    private final int[] neuronIds;

    /** One cell per layer of {@code parts} ({@link StateDictLayout#wiredCfc}), which follow {@code wiring}'s layers. */
    WiredCfcCell(List<CfcLayout> parts, Wiring wiring, StateDictReader r) {
        this.input = parts.get(0).inputSize();
        this.units = wiring.units();
        int count = parts.size();
        layers = new CfcCell[count];
        offsets = new int[count + 1];
        neuronIds = new int[units];
        int off = 0;
        for (int l = 0; l < count; l++) {
            int[] ids = wiring.layer(l);
            layers[l] = new CfcCell(parts.get(l), r);
            offsets[l] = off;
            System.arraycopy(ids, 0, neuronIds, off, ids.length);
            off += ids.length;
        }
        offsets[count] = off;
        if (off != units) {
            throw new IllegalArgumentException("the wiring's layers hold " + off + " neurons but it has " + units
                    + " units");
        }
    }

    @Override
    public int inputSize() {
        return input;
    }

    @Override
    public int stateSize() {
        return units;
    }

    @Override
    public int outputSize() {
        return layers[layers.length - 1].stateSize();
    }

    @Override
    public int scratchSize() {
        int max = 0;
        for (CfcCell c : layers) {
            max = Math.max(max, c.scratchSize());
        }
        return max;
    }

    /**
     * The connectivity this cell computes, as a wiring: the feed-forward blocks (inputs to the first layer,
     * each layer to the next) from the checkpoint's masks, with the wiring's polarity where it has one
     * (+1 elsewhere; a wired CfC ignores polarity); every other entry (recurrence inside a layer, which ncps
     * computes fully connected) as the wiring has it.
     */
    int[][][] computedAdjacency(Wiring wiring) {
        int[][] adj = wiring.adjacencyMatrix();
        int[][] sens = wiring.sensoryAdjacencyMatrix();
        int[] prev = null;
        for (int l = 0; l < layers.length; l++) {
            int[] ids = wiring.layer(l);
            int inputs = prev == null ? input : prev.length;
            for (int j = 0; j < ids.length; j++) {
                for (int k = 0; k < inputs; k++) {
                    int[][] m = prev == null ? sens : adj;
                    int from = prev == null ? k : prev[k];
                    boolean on = layers[l].connected(k, j);
                    m[from][ids[j]] = on ? (m[from][ids[j]] != 0 ? m[from][ids[j]] : 1) : 0;
                }
            }
            prev = ids;
        }
        return new int[][][] {adj, sens};
    }

    /** Wiring neuron id of each state entry (the state is layer by layer). */
    int[] neuronIds() {
        return neuronIds.clone();
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code tau} receives each layer's time gate (or pure-mode time constant, see {@link CfcCell}) in
     * state order.
     */
    @Override
    public void step(float[] x, int xOff, float dt, float[] h, int hOff, float[] c, int cOff, float[] out,
                     int outOff, float[] tau, int tauOff, float[] scratch, Clamp clamp) {
        float[] in = x;
        int inOff = xOff;
        clamp.apply(h, hOff);
        for (int l = 0; l < layers.length; l++) {
            int o = hOff + offsets[l];
            layers[l].step(in, inOff, dt, h, o, h, o, tau, tauOff + offsets[l], scratch);
            // the next layer reads this one's new state: a clamped neuron must reach it at its clamped value
            clamp.apply(h, hOff);
            in = h;
            inOff = o;
        }
        readout(h, hOff, out, outOff);
    }

    /** {@inheritDoc} The last (motor) layer's states. */
    @Override
    public void readout(float[] h, int hOff, float[] out, int outOff) {
        int last = layers.length - 1;
        System.arraycopy(h, hOff + offsets[last], out, outOff, layers[last].stateSize());
    }

    void count(ParameterCounts.Tally t, NeuronRole[] stateRoles) {
        for (int l = 0; l < layers.length; l++) {
            NeuronRole[] roles = new NeuronRole[layers[l].stateSize()];
            System.arraycopy(stateRoles, offsets[l], roles, 0, roles.length);
            layers[l].count(t, roles);
        }
    }
}
