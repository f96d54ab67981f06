package io.liquidlens.model;

import io.liquidlens.MemoryBudget;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.spec.BaselineSpec;
import io.liquidlens.spec.CfcSpec;
import io.liquidlens.spec.ModelSpec;
import io.liquidlens.spec.TorchRnnSpec;
import io.liquidlens.spec.UnitsSpec;
import io.liquidlens.wiring.AutoNcpSpec;
import io.liquidlens.wiring.ExplicitWiringSpec;
import io.liquidlens.wiring.FullyConnectedSpec;
import io.liquidlens.wiring.NcpSpec;
import io.liquidlens.wiring.RandomSpec;
import io.liquidlens.wiring.WiringSpec;
import java.nio.file.Path;

/**
 * The heap a model takes once loaded, estimated from {@code model.json} alone, so that a network too
 * large for this Java is refused before its wiring or weights are allocated.
 *
 * <p>The estimate counts parameter slots: every possible synapse of a wiring (the adjacency is dense,
 * n x (S + n), whatever the sparsity) and every weight of a CfC backbone, head and perception head. Each
 * slot is held about three times while loading (the float tensor as read, the float the cell keeps, a
 * temporary in decoding), and the adjacency once more as ints; {@code ModelMemoryTest} checks the result
 * against a real load.
 */
public final class ModelMemory {
    /** Bytes per parameter slot while a model is loaded (see the class comment). */
    static final long BYTES_PER_SLOT = 12;
    /** Bytes per adjacency entry (an int). */
    static final long BYTES_PER_SYNAPSE = 4;
    /**
     * Training keeps, per parameter, a double gradient and Adam's two double moments besides the model,
     * and a tape of the states; four times the loaded model is a fair bound for the parameters.
     */
    static final long TRAINING_FACTOR = 4;

    private ModelMemory() {
    }

    /**
     * Estimated bytes of the loaded model.
     *
     * @param spec the ncps call
     * @param head the perception head, or null
     * @return bytes, saturating at {@link Long#MAX_VALUE}
     */
    public static long bytes(ModelSpec spec, HeadSpec head) {
        long n = units(spec);
        long s = spec.inputSize();
        long bytes;
        if (spec.cell() instanceof BaselineSpec baseline) {
            // no adjacency: only the layers' and the readout's weights
            bytes = MemoryBudget.product(baselineSlots(baseline, n, s), BYTES_PER_SLOT);
        } else {
            long synapses = MemoryBudget.product(n, MemoryBudget.sum(n, s));
            long slots = spec.cell() instanceof CfcSpec cfc && spec.units() instanceof UnitsSpec.Dense
                    ? denseCfcSlots(cfc, n, s)
                    // LTC: w, sigma, mu, erev for every slot; wired CfC: four gate matrices over the same slots
                    : MemoryBudget.product(4, synapses);
            bytes = MemoryBudget.sum(MemoryBudget.product(slots, BYTES_PER_SLOT),
                    MemoryBudget.product(synapses, BYTES_PER_SYNAPSE));
        }
        if (head != null) {
            bytes = MemoryBudget.sum(bytes, MemoryBudget.product(head.parameterCount(), BYTES_PER_SLOT));
        }
        return bytes;
    }

    /** Estimated bytes of training the model (the model, its gradients and the optimizer's moments). */
    public static long trainingBytes(ModelSpec spec, HeadSpec head) {
        return MemoryBudget.product(bytes(spec, head), TRAINING_FACTOR);
    }

    /**
     * Refuses a model that cannot fit in this Java's heap.
     *
     * @param culprit the file named in the message (model.json)
     * @param bytes   {@link #bytes} or {@link #trainingBytes}
     */
    public static void require(Path culprit, long bytes) {
        MemoryBudget.require(culprit + ": this network", bytes);
    }

    /** Neurons of the cell. */
    static long units(ModelSpec spec) {
        if (spec.units() instanceof UnitsSpec.Dense d) {
            return d.units();
        }
        WiringSpec w = spec.wiringSpec();
        if (w instanceof AutoNcpSpec a) {
            return a.units();
        }
        if (w instanceof NcpSpec ncp) {
            return ncp.units();
        }
        if (w instanceof FullyConnectedSpec f) {
            return f.units();
        }
        if (w instanceof RandomSpec r) {
            return r.units();
        }
        return ((ExplicitWiringSpec) w).adjacency().length;
    }

    /**
     * A baseline: each layer's gate rows over its inputs, its hidden units and two biases (a CT-RNN: one gate and its
     * time constants in place of the second bias), then the readout.
     */
    private static long baselineSlots(BaselineSpec baseline, long n, long s) {
        long gates = baseline instanceof TorchRnnSpec t ? t.kind().gates() : 1;
        long slots = 0;
        for (int l = 0; l < baseline.layers(); l++) {
            long perUnit = MemoryBudget.sum(l == 0 ? s : n, n + 2);
            slots = MemoryBudget.sum(slots, MemoryBudget.product(gates, n, perUnit));
        }
        return MemoryBudget.sum(slots, MemoryBudget.product(baseline.readout().outFeatures(), n + 1));
    }

    /** A dense CfC: the backbone, then ff1, ff2, time_a and time_b from the backbone (or the input) to the units. */
    private static long denseCfcSlots(CfcSpec cfc, long n, long s) {
        long in = MemoryBudget.sum(s, n);
        long layers = cfc.backboneLayers();
        long width = cfc.backboneUnits();
        long backbone = 0;
        long headIn = in;
        if (layers > 0) {
            backbone = MemoryBudget.sum(MemoryBudget.product(in, width),
                    MemoryBudget.product(layers - 1, width, width));
            headIn = width;
        }
        return MemoryBudget.sum(backbone, MemoryBudget.product(4, headIn + 1, n));
    }
}
