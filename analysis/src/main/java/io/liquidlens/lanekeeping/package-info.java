/**
 * The bundled sample world, a small rebuild of the NCP paper's lane-keeping experiment where the truth
 * is known: a seeded procedural road, a car (kinematic bicycle at constant speed, steered by road
 * curvature 1/r), an expert driver, ground-truth world state, and a first-person camera whose renderer
 * labels every pixel (background, road, lane marking, distractor). Everything is deterministic for a seed.
 * Depends on {@code io}, {@code model}, {@code sim} and {@code head} (to drive a model closed-loop).
 */
package io.liquidlens.lanekeeping;
