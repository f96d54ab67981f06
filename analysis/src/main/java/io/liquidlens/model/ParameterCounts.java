package io.liquidlens.model;

import io.liquidlens.wiring.NeuronRole;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many trainable parameters a model has, for the NCP paper's size table.
 *
 * <ul>
 *   <li>{@code total}: what ncps reports, {@code sum(p.numel() for p in model.parameters() if
 *       p.requires_grad)}: every element of every trainable tensor, including the entries that a sparsity
 *       mask zeroes (they are trainable but never change the output). Masks are not counted.</li>
 *   <li>{@code effective}: only the parameters that can change the output, i.e. without the entries
 *       behind a zero mask (absent synapses).</li>
 *   <li>{@code byRole}: the effective parameters attributed to neurons and summed by role. A parameter
 *       belongs to the neuron whose equation it appears in: a synapse's parameters (w, sigma, mu, erev of
 *       an LTC; the masked ff1/ff2 weight of a wired CfC) belong to its postsynaptic (destination) neuron,
 *       a neuron's own constants (gleak, vleak, cm; biases, time heads, w_tau, A) to that neuron, the
 *       LSTM rows that produce neuron j's gates to neuron j, the LTC input mapping to the sensory neuron
 *       it scales and the LTC output mapping to its motor neuron. Dense (int-units) networks have no
 *       wiring; ncps makes all their neurons outputs, so they count as motor.</li>
 *   <li>{@code shared}: effective parameters that belong to no single neuron: a dense CfC backbone and
 *       the projection layer {@code fc}. {@code sum(byRole) + shared == effective}.</li>
 * </ul>
 */
public record ParameterCounts(long total, long effective, Map<NeuronRole, Long> byRole, long shared) {

    /** Copies the map (every role present, zero if none). */
    public ParameterCounts {
        EnumMap<NeuronRole, Long> m = new EnumMap<>(NeuronRole.class);
        for (NeuronRole r : NeuronRole.values()) {
            m.put(r, byRole.getOrDefault(r, 0L));
        }
        byRole = Collections.unmodifiableMap(m);
    }

    /** Effective parameters of neurons with the given role. */
    public long of(NeuronRole role) {
        return byRole.get(role);
    }

    /** Accumulates counts while a model is assembled. */
    static final class Tally {
        private long total;
        private long shared;
        private final EnumMap<NeuronRole, Long> byRole = new EnumMap<>(NeuronRole.class);

        /** A whole trainable tensor of {@code n} elements (the ncps count). */
        void tensor(long n) {
            total += n;
        }

        void neuron(NeuronRole role, long n) {
            byRole.merge(role, n, Long::sum);
        }

        void shared(long n) {
            shared += n;
        }

        ParameterCounts build() {
            long eff = shared;
            for (long v : byRole.values()) {
                eff += v;
            }
            return new ParameterCounts(total, eff, byRole, shared);
        }
    }
}
