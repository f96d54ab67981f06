package io.liquidlens.lanekeeping;

/**
 * A world point in road coordinates.
 *
 * @param s       arc length of the nearest centreline point (metres from the road's start)
 * @param d       signed lateral offset from the centreline, positive to the left of the driving direction
 *                (metres)
 * @param heading heading of the centreline at s (radians)
 */
public record Frenet(double s, double d, double heading) {
}
