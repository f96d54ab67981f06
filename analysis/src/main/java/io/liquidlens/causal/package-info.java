/**
 * Saliency and causality (docs/ANALYSES.md#causality-report): where a model looks, whether it keeps looking there
 * when distractors appear, and which neurons cause its decisions.
 *
 * <ul>
 *   <li>Maps: {@link io.liquidlens.causal.SaliencyMethod} is the one shape of every map of an output at step t
 *       with respect to the step-t input, for camera and vector models alike, over a
 *       {@link io.liquidlens.causal.SaliencyModel} (exact double-precision gradients from {@code grad}, earlier
 *       steps held at their recorded values): input gradient, gradient times input, integrated gradients,
 *       SmoothGrad, occlusion, and {@link io.liquidlens.causal.VisualBackProp} for camera models; how alike two
 *       maps are is {@link io.liquidlens.causal.Ssim} (the NCP paper's protocol).</li>
 *   <li>One entry point for each use of maps: {@link io.liquidlens.causal.SaliencyChoice} is the registry of
 *       methods (one name and one set of defaults, {@link io.liquidlens.causal.SaliencySpec}, for the report, the
 *       command line and the workbench); {@link io.liquidlens.causal.FrameSaliency} makes a method's map of any
 *       recorded step and {@link io.liquidlens.causal.FrameChange} measures how far a perturbation moved it;
 *       {@link io.liquidlens.causal.WindowedSaliency} is every step's gradient over a window of earlier inputs.</li>
 *   <li>Distractors: seeded {@link io.liquidlens.causal.Perturbation}s of recorded rollouts (the sample world's
 *       distractors re-rendered into its own recordings, pixel noise, occlusion, channel noise and the spurious
 *       cue for vectors), and the share of saliency on distractor pixels
 *       ({@link io.liquidlens.causal.SaliencyShare}).</li>
 *   <li>Causality: {@link io.liquidlens.causal.ClosedLoop} driving under a condition, and
 *       {@link io.liquidlens.causal.InterventionRanking} of decision neurons by clamping and cutting.</li>
 *   <li>The report's numbers: {@link io.liquidlens.causal.CausalAuditor} measures a
 *       {@link io.liquidlens.causal.CausalAudit} (records only; writing it is {@code report}'s job), with its
 *       {@link io.liquidlens.causal.Evidence}: intervals and paired comparisons. Its frame measures can also be
 *       made elsewhere: {@link io.liquidlens.causal.AuditRequest#runOn} spreads them as work units named by files
 *       and options over a {@link io.liquidlens.causal.WorkEngine} (a cluster, in {@code spark}), whose
 *       {@link io.liquidlens.causal.WorkInputs} say how a unit finds those files in its process.</li>
 * </ul>
 *
 * <p>Depends on {@code head}, {@code grad}, {@code model}, {@code sim}, {@code wiring} (roles and names of
 * neurons), {@code lanekeeping} (the sample world), {@code stats} (intervals and comparisons), {@code dynamics}
 * (PC1's share and smoothness of the clean replay), {@code io} and {@code provenance}; only {@code cli},
 * {@code report} and {@code spark} may use it.
 */
package io.liquidlens.causal;
