/**
 * Running a {@link io.liquidlens.model.LiquidModel} over batches of sequences: the
 * {@link io.liquidlens.sim.Simulator} records outputs, full states and (optionally) time constants per
 * step, with per-sample elapsed times, in parallel over the batch, with progress and cancellation.
 *
 * {@link io.liquidlens.sim.Intervention}s (clamp a neuron, cut a synapse) change the model, so every run of it
 * carries them.
 *
 * <p>Depends on {@code io.liquidlens.model}, {@code io.liquidlens.spec}, {@code io.liquidlens.io},
 * {@code io.liquidlens.wiring} and {@code io.liquidlens.head}.
 */
package io.liquidlens.sim;
