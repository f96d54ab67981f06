package io.liquidlens.dynamics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One neuron's dynamics over the rollouts.
 *
 * @param neuron      wiring id
 * @param name        its name ({@code command_3})
 * @param label       its short label ({@code C3})
 * @param corrOutput  with the network's first output, over every step
 * @param corrWorld   with each world column the rollouts share, in the rollouts' column order
 * @param lmax        L_max = max over steps of |x(t+1) - x(t)| / dt (within a rollout, never across two)
 * @param tauP10      10th percentile of its time constant (LTC) or time gate (CfC) over every step
 * @param tauMedian   median of the same
 * @param tauP90      90th percentile of the same
 */
public record NeuronDynamics(int neuron, String name, String label, Correlation corrOutput,
                             Map<String, Correlation> corrWorld, double lmax, double tauP10, double tauMedian,
                             double tauP90) {

    public NeuronDynamics {
        corrWorld = Collections.unmodifiableMap(new LinkedHashMap<>(corrWorld));
    }
}
