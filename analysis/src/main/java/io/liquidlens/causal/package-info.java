/**
 * Saliency and causality (ANALYSES.md items 7 and 8): where a camera model looks
 * ({@link io.liquidlens.causal.VisualBackProp} over the conv perception head, giving a
 * {@link io.liquidlens.causal.SaliencyMap} at the frame's resolution) and how alike two such maps are
 * ({@link io.liquidlens.causal.Ssim}, the NCP paper's attention-robustness measure).
 *
 * <p>Depends on {@code io.liquidlens.head} (and may use {@code model}, {@code sim} and {@code io}); only
 * {@code cli} and {@code report} may use it.
 */
package io.liquidlens.causal;
