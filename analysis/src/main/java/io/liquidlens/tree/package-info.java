/**
 * Decision trees that explain a controller from its neurons' activity (docs/ANALYSES.md#policy-level-trees):
 * a data set of steps ({@link io.liquidlens.tree.TreeDataset}: chosen neurons' states, optionally their rates
 * of change, labelled with the discretised motor decision), a tree learned from it
 * ({@link io.liquidlens.tree.DecisionTree}, our own immutable nodes, so views and exports never need Weka),
 * its faithfulness to the network on held-out episodes (with a 95% interval) and in cross-validation grouped by episode
 * ({@link io.liquidlens.tree.TreeExtraction}), and the exports (DOT, text rules, tree.json; the drawings tree.pdf
 * and sweep.svg in {@code io.liquidlens.tree.pdf}, the only package that uses PDFBox and JFreeSVG).
 *
 * <p>The learner itself is behind {@link io.liquidlens.tree.TreeLearner}; Weka's J48 implements it in
 * {@code io.liquidlens.tree.weka}, the only package that may use Weka. Depends on {@code io.liquidlens.sim},
 * {@code io.liquidlens.model}, {@code io.liquidlens.io}, {@code io.liquidlens.wiring},
 * {@code io.liquidlens.stats} (the fidelity's interval) and {@code io.liquidlens.provenance}.
 *
 * <p>Callers outside the tree packages (the command line, the workbench) ask for trees through
 * {@code io.liquidlens.tree.service}, which joins this package to Weka and the drawings.
 */
package io.liquidlens.tree;
