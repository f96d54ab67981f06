package io.liquidlens.sim;

import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LtcCell;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.wiring.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * How strongly each synapse carries signal at a step, for views that draw firing flowing through the
 * circuit. For an LTC it is the synapse's conductance w * sigmoid(sigma (pre - mu)) (the term the cell
 * sums, whose size says how much the synapse pulls its target towards its reversal potential), with the
 * pre-synaptic neuron's state before the step and the step's input features. A CfC has no per-synapse
 * conductance (its synapses are masked weights inside dense layers), so there it is |pre-synaptic value|,
 * the activity arriving through the synapse; so it is for a baseline's dense links between layers.
 */
public final class SynapseActivity {
    /** Links a baseline's layer diagram may have (a 64-unit LSTM behind 32 features has 2,048 per layer). */
    static final long MAX_LINKS = 1_000_000;

    /**
     * One synapse.
     *
     * @param source   pre-synaptic neuron id, or the input feature index for a sensory synapse
     * @param target   post-synaptic neuron id
     * @param sensory  whether the source is an input feature
     * @param polarity +1 excitatory, -1 inhibitory
     */
    public record Synapse(int source, int target, boolean sensory, int polarity) {
    }

    private final LtcCell ltc;
    private final List<Synapse> synapses;
    private final int neurons;

    private SynapseActivity(LtcCell ltc, List<Synapse> synapses, int neurons) {
        this.ltc = ltc;
        this.synapses = List.copyOf(synapses);
        this.neurons = neurons;
    }

    /** The synapses of {@code model}: for an LTC those its checkpoint computes, else its wiring's. */
    public static SynapseActivity of(LiquidModel model) {
        List<Synapse> list = new ArrayList<>();
        if (model.cell() instanceof LtcCell cell) {
            for (int[] s : cell.synapseList()) {
                list.add(new Synapse(s[0], s[1], s[2] == 1, s[3]));
            }
            return new SynapseActivity(cell, list, model.stateSize());
        }
        if (model.spec().cell() instanceof BaselineSpec baseline) {
            addLayers(model.inputSize(), model.stateSize() / baseline.layers(), baseline.layers(), list);
        }
        model.connectivity().ifPresent(w -> addWiring(w, list));
        return new SynapseActivity(null, list, model.stateSize());
    }

    /**
     * A baseline's dense links, as its layer diagram draws them: every input to every unit of layer 0, every unit
     * of layer k to every unit of layer k + 1 (the recurrence within a layer is left out: it joins every pair).
     * One link stands for one weight per gate, so it has no one sign: each is drawn as excitatory.
     */
    private static void addLayers(int inputs, int perLayer, int layers, List<Synapse> list) {
        if ((long) perLayer * (inputs + (long) (layers - 1) * perLayer) > MAX_LINKS) {
            return; // the units are still drawn, without links: more would not be read, nor fit in memory
        }
        for (int j = 0; j < perLayer; j++) {
            for (int s = 0; s < inputs; s++) {
                list.add(new Synapse(s, j, true, 1));
            }
        }
        for (int k = 1; k < layers; k++) {
            for (int j = 0; j < perLayer; j++) {
                for (int i = 0; i < perLayer; i++) {
                    list.add(new Synapse((k - 1) * perLayer + i, k * perLayer + j, false, 1));
                }
            }
        }
    }

    private static void addWiring(Wiring w, List<Synapse> list) {
        for (int[] s : w.synapses()) {
            list.add(new Synapse(s[0], s[1], false, s[2]));
        }
        for (int[] s : w.sensorySynapses()) {
            list.add(new Synapse(s[0], s[1], true, s[2]));
        }
    }

    /** The synapses, in the order of {@link #at}. */
    public List<Synapse> synapses() {
        return synapses;
    }

    /**
     * Each synapse's activity during step {@code t} of {@code activity} into {@code out} (length
     * {@code synapses().size()}): the states before the step (zero before step 0) and the step's inputs.
     */
    public void at(Activity activity, int t, float[] out) {
        if (activity.neurons() != neurons) {
            throw new IllegalArgumentException("the activity has " + activity.neurons() + " neurons, the model "
                    + neurons);
        }
        float[] before = t == 0 ? new float[neurons] : activity.statesAt(t - 1);
        float[] inputs = activity.inputsAt(t);
        if (ltc != null) {
            ltc.synapseActivations(before, inputs, 0, out);
            return;
        }
        for (int k = 0; k < synapses.size(); k++) {
            Synapse s = synapses.get(k);
            out[k] = Math.abs(s.sensory() ? inputs[s.source()] : before[s.source()]);
        }
    }
}
