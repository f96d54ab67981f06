package io.liquidlens.causal;

/**
 * What one intervention during replay did to the explained output (docs/ANALYSES.md#interventions).
 *
 * @param target        the neuron or synapse, named as everywhere (e.g. {@code command 3 (id 4)})
 * @param action        what was done, e.g. {@code clamp to max (0.153)} or {@code cut}
 * @param value         the value clamped to (NaN for a cut)
 * @param meanAbsChange mean over the replayed steps of |y_intervened - y|
 * @param maxAbsChange  max over the replayed steps of |y_intervened - y|
 */
public record InterventionEffect(String target, String action, double value, double meanAbsChange,
                                 double maxAbsChange) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
}
