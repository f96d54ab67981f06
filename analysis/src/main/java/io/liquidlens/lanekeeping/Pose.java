package io.liquidlens.lanekeeping;

/**
 * A position and heading in the world plane: metres, and radians counter-clockwise from the x axis.
 */
public record Pose(double x, double y, double heading) {
}
