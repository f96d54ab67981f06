/**
 * Training liquid networks and their baselines: ncps-style (or, for a baseline, torch-style) initialisation from a
 * seed, Adam, truncated backpropagation
 * through time on subsequences, the NCP paper's curve-weighted loss, and atomic checkpoints as model
 * folders. Everything random takes its seed from the options, so a run is reproducible.
 * Depends on {@code grad}, {@code model}, {@code io}, {@code spec}, {@code wiring}, {@code head} and
 * {@code provenance}.
 */
package io.liquidlens.train;
