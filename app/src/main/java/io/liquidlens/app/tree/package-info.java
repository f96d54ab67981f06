/**
 * The Tree panel: a decision tree (J48) extracted from the loaded model and rollout as a background task through the
 * analysis module's {@code io.liquidlens.tree.service.TreeRequest}, the entry point {@code liquidlens tree} uses, drawn
 * as a tidy tree ({@link io.liquidlens.app.tree.TreeLayout} the places, with collapsed subtrees; {@link
 * io.liquidlens.app.tree.TreeCanvas} the interaction: fit, pan, zoom, collapse, search, the overview; {@code
 * TreePainter} one drawing with text at a readable size or none) with the path of the step at the time cursor, and
 * exported through {@code TreeExports},
 * the command's own files. Depends on {@code app.workspace}, {@code app.task} and {@code app.export} and, of {@code
 * analysis}, {@code tree}, {@code tree.service}, {@code model} and {@code wiring}; every number it shows comes from the
 * {@code TreeResult}.
 */
package io.liquidlens.app.tree;
