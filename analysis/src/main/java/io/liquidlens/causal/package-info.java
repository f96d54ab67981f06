/**
 * Saliency and causality (ANALYSES.md items 7 and 8): where a camera model looks
 * ({@link io.liquidlens.causal.VisualBackProp} over the conv perception head, giving a
 * {@link io.liquidlens.causal.SaliencyMap} at the frame's resolution) and how alike two such maps are
 * ({@link io.liquidlens.causal.Ssim}, the NCP paper's attention-robustness measure).
 *
 * <p>{@link io.liquidlens.causal.SaliencyMethod} is the one shape of every map of an output at step t with
 * respect to the step-t input, for camera and vector models alike, over a
 * {@link io.liquidlens.causal.SaliencyModel} (exact double-precision gradients from {@code grad}, earlier
 * steps held at their recorded values): input gradient, gradient times input, integrated gradients,
 * SmoothGrad, occlusion, and VisualBackProp for camera models.
 *
 * <p>Depends on {@code io.liquidlens.head} and {@code grad} (and may use {@code model}, {@code sim} and
 * {@code io}); only {@code cli} and {@code report} may use it.
 */
package io.liquidlens.causal;
