/**
 * What the neurons do over time (docs/ANALYSES.md): how low-dimensional a model's activity is (PCA of the hidden
 * states, {@link io.liquidlens.dynamics.Pca}), how each neuron relates to the output and to the world
 * ({@link io.liquidlens.dynamics.Correlation}), how smoothly it changes (L_max) and how fast it is (its liquid time
 * constant or CfC time gate), and how strongly the state answers small input noise (a local Lipschitz estimate,
 * {@link io.liquidlens.dynamics.Sensitivity}). {@link io.liquidlens.dynamics.Dynamics#analyse} is the one entry
 * point ({@code analyseSimulated} when the activities are already simulated, as in the workbench); its
 * {@link io.liquidlens.dynamics.DynamicsResult} carries how it was made. Plain arithmetic over
 * {@link io.liquidlens.sim.Activity}, deterministic for a seed. Depends on {@code io.liquidlens.sim},
 * {@code io.liquidlens.model}, {@code io.liquidlens.io}, {@code io.liquidlens.wiring} and
 * {@code io.liquidlens.stats} (the bootstrap of the causality report's {@link io.liquidlens.dynamics.StateSummary}).
 */
package io.liquidlens.dynamics;
