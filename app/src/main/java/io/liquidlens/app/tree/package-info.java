/**
 * The Tree panel: a decision tree (J48, through the analysis module's {@code io.liquidlens.tree}) extracted from the
 * loaded model and rollout as a background task, drawn as a tidy tree ({@link io.liquidlens.app.tree.TreeLayout}
 * the geometry, {@link io.liquidlens.app.tree.TreeCanvas} the drawing with pan and zoom) with the path of the step
 * at the time cursor, and exported through the analysis writers. Depends on the workspace view model, the task
 * executor and the public {@code analysis} packages ({@code tree}, {@code tree.weka}, {@code model}, {@code io},
 * {@code provenance}); every number it shows comes from the {@code TreeResult}.
 */
package io.liquidlens.app.tree;
