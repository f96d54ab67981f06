package io.liquidlens.app.drive;

import java.util.Objects;

/**
 * The car's path on one episode with the clamps and without them.
 *
 * @param seed            the seed the user entered (the run's seed, as {@code liquidlens record --seed} takes it)
 * @param episodeSeed     the held-out episode's own seed, derived from it
 * @param steps           steps driven
 * @param clamps          what was clamped, as the status line says it
 * @param clampedPath     (x, y) per step with the clamps, interleaved
 * @param ownPath         (x, y) per step without them, interleaved
 * @param clampedCrashes  lane departures (each reset the car) with the clamps
 * @param ownCrashes      lane departures without them
 * @param clampedOffset   lateral offset from the centreline per step with the clamps, in lane half-widths
 *                        (the world column {@code d_lane}): a clamp that shifts the car by a few centimetres is
 *                        invisible on a 100 m map but plain here
 * @param ownOffset       the same without the clamps
 */
public record DrivenPaths(long seed, long episodeSeed, int steps, String clamps, float[] clampedPath, float[] ownPath,
                          int clampedCrashes, int ownCrashes, float[] clampedOffset, float[] ownOffset) {
    public DrivenPaths {
        Objects.requireNonNull(clamps, "clamps");
        Objects.requireNonNull(clampedPath, "clampedPath");
        Objects.requireNonNull(ownPath, "ownPath");
        Objects.requireNonNull(clampedOffset, "clampedOffset");
        Objects.requireNonNull(ownOffset, "ownOffset");
    }
}
