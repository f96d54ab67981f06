/**
 * The decision-tree analyses as their callers ask for them, the command line and the workbench alike: a
 * {@link io.liquidlens.tree.service.TreeRequest} (a model and rollouts) learns the policy-level tree or the
 * neuron-level trees with Weka's J48, with their provenance, and {@link io.liquidlens.tree.service.TreeExports}
 * writes their files. Callers need nothing from {@code tree.weka} or {@code tree.pdf}.
 *
 * <p>A package of its own so that the tree package stays free of its adapters, which all depend on it. Depends on
 * {@code tree}, {@code tree.weka}, {@code tree.pdf}, {@code model}, {@code io} and {@code provenance}.
 */
package io.liquidlens.tree.service;
