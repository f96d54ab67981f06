package io.liquidlens.sim;

import io.liquidlens.io.NdArray;

/**
 * What a simulation produced. Per-step arrays are always batch-first.
 *
 * @param outputs     the readout as ncps returns it: (B, L, M') with return_sequences ((L, B, M') when the
 *                    model is time-major), else the last step (B, M')
 * @param stepOutputs the output at every step (B, L, M'), whatever return_sequences says
 * @param states      the full state after every step (B, L, N) in ncps's state order (LTC: neuron id; wired
 *                    CfC: layer by layer)
 * @param hx          the final state (B, N)
 * @param cx          the final LSTM cell state (B, N) with mixed memory, else null
 * @param tau         (B, L, N) time constants when recorded (see {@link SimulationOptions}), else null
 */
public record SimulationResult(NdArray outputs, NdArray stepOutputs, NdArray states, NdArray hx, NdArray cx,
                               NdArray tau) {
}
