/**
 * The dynamics analyses as the command line asks for them: a {@link io.liquidlens.dynamics.service.DynamicsRequest}
 * (model folders and rollout files or folders) reads the rollouts once, measures each model with
 * {@link io.liquidlens.dynamics.Dynamics#analyse} and keeps the provenance of every file read;
 * {@link io.liquidlens.dynamics.service.DynamicsExports} writes {@code dynamics.json}, {@code dynamics.csv},
 * {@code dynamics.pdf} and the figures' SVG files into one folder, atomically.
 *
 * <p>A package of its own so that the dynamics computations stay free of files and drawings. Depends on
 * {@code io.liquidlens.dynamics}, {@code io.liquidlens.dynamics.figures}, {@code io.liquidlens.io},
 * {@code io.liquidlens.model}, {@code io.liquidlens.sim} (progress), {@code io.liquidlens.wiring} (neuron names)
 * and {@code io.liquidlens.provenance}.
 */
package io.liquidlens.dynamics.service;
