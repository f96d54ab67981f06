/**
 * The liquid networks themselves, with weights: the LTC cell (fused semi-implicit solver), the CfC
 * cells (dense and wired), the mixed-memory LSTM, and {@link io.liquidlens.model.LiquidModel}, which
 * loads them from an ncps state dict and advances them one step at a time. The numerics follow ncps
 * 1.0.1 (docs/NCPS.md#matching-ncps-numbers) closely enough to match it to about 1e-6.
 *
 * <p>Depends on {@code io.liquidlens.spec}, {@code io.liquidlens.wiring}, {@code io.liquidlens.io}
 * (for {@code NdArray}), {@code io.liquidlens.head} (a camera model's perception head) and
 * {@code io.liquidlens.provenance} (a loaded model records itself).
 */
package io.liquidlens.model;
