/**
 * The Saliency panel: where the model looks at the time cursor, on the clean rollout and on a perturbed
 * copy of it, side by side, with how alike the two maps are (SSIM) and how far the output moved. The idea: a model
 * that attends to the road keeps its map, and its output, when a distractor is added; one that does not, moves.
 *
 * <p>Every number comes from the analysis module's {@code io.liquidlens.causal}, by the report's own path: the
 * panel picks a method from the report's registry ({@link io.liquidlens.causal.SaliencySpec#defaultsFor}) and a
 * {@link io.liquidlens.causal.Perturbation} from {@link io.liquidlens.app.saliency.PerturbationChoice} (a list
 * meant to grow: one entry per new distractor), makes the perturbed rollout once per (rollout, perturbation) and
 * the two maps once per cursor step with {@link io.liquidlens.causal.FrameSaliency} and
 * {@link io.liquidlens.causal.FrameChange}, each as a background task through {@code app.task} where the latest
 * request wins. {@link io.liquidlens.app.saliency.SaliencyPixels} turns a map into colours (over the frame at the
 * opacity the user picks, under a colour scale); a vector model's map is one labelled bar per input with its value
 * ({@code SaliencyBars}); nothing here computes saliency. For a vector model, {@link io.liquidlens.app.saliency.InputRoleShares} shows each input's role (as the
 * report resolves it), lets the user change it for the session, and gives the maps' share on each role by the
 * report's own {@link io.liquidlens.causal.SaliencyShare#ofInputs}; the report run from the window takes the same
 * roles.
 *
 * <p>Depends on {@code app.workspace}, {@code app.task} and {@code app.input} and, of {@code analysis}, {@code
 * causal}, {@code lanekeeping}, {@code model}, {@code sim} and {@code io}.
 */
package io.liquidlens.app.saliency;
