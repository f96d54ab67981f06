package io.liquidlens.lanekeeping;

/**
 * The ground truth of one step, what the rollout's {@code world} array holds (with the actions and the
 * crash flag the episode adds).
 *
 * @param d      signed lateral offset from the centreline (m, positive left)
 * @param dLane  the same in lane half-widths (d / laneHalfWidth): |dLane| > 1 is out of the lane
 * @param mu     heading error: car heading minus road heading, wrapped to (-pi, pi] (rad)
 * @param kappa  road curvature at the car's road position (1/m, positive left)
 * @param s      distance along the road (m)
 * @param x      car position x (m)
 * @param y      car position y (m)
 */
public record WorldState(double d, double dLane, double mu, double kappa, double s, double x, double y) {

    /** The state of a car at {@code pose} whose road coordinates are {@code where}. */
    public static WorldState of(RoadView road, Pose pose, Frenet where) {
        return new WorldState(where.d(), where.d() / road.laneHalfWidth(), wrap(pose.heading() - where.heading()),
                road.curvatureAt(where.s()), where.s(), pose.x(), pose.y());
    }

    /** An angle wrapped to (-pi, pi]. */
    static double wrap(double angle) {
        double a = Math.IEEEremainder(angle, 2 * Math.PI);
        return a <= -Math.PI ? a + 2 * Math.PI : a;
    }
}
