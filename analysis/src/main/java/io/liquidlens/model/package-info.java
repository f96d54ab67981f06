/**
 * The liquid networks themselves, with weights: the LTC cell (fused semi-implicit solver), the CfC
 * cells (dense and wired), the mixed-memory LSTM, and {@link io.liquidlens.model.LiquidModel}, which
 * loads them from an ncps state dict and advances them one step at a time. The numerics follow ncps
 * 1.0.1 (docs/NCPS.md#matching-ncps-numbers) closely enough to match it to about 1e-6.
 *
 * <p>{@link io.liquidlens.model.StateDictLayout} is the one table of ncps's tensor names: every tensor of a
 * model as a {@link io.liquidlens.model.Tensor} (key, shape, trained or constant) in ncps's order. The cells
 * here, reverse mode ({@code grad}), the initialiser ({@code train}) and the synapse cut all read names from
 * it, so no other class spells a state-dict key.
 *
 * <p>Depends on {@code io.liquidlens.spec}, {@code io.liquidlens.wiring}, {@code io.liquidlens.io}
 * (for {@code NdArray}), {@code io.liquidlens.head} (a camera model's perception head) and
 * {@code io.liquidlens.provenance} (a loaded model records itself).
 */
package io.liquidlens.model;
