package io.liquidlens.sim;

/**
 * How to run a simulation.
 *
 * @param recordTau record the time constant of every neuron at every step (LTC: liquid time constant; CfC:
 *                  the time gate); off by default because the result grows by B x L x N floats
 * @param parallel  spread independent batch elements over all cores when the batch is big enough
 */
public record SimulationOptions(boolean recordTau, boolean parallel) {

    /** No tau, parallel. */
    public static SimulationOptions defaults() {
        return new SimulationOptions(false, true);
    }

    /** The same options with tau recording on or off. */
    public SimulationOptions withTau(boolean record) {
        return new SimulationOptions(record, parallel);
    }
}
