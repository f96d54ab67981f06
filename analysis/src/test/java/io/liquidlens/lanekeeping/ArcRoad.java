package io.liquidlens.lanekeeping;

/**
 * A test road of constant curvature starting at the origin heading along +x: a straight line when the
 * curvature is 0, else a circular arc (turning left for positive curvature). Its road coordinates are
 * computed in closed form, so it is an outside truth for the camera's geometry.
 */
final class ArcRoad implements RoadView {
    static final double LANE_HALF_WIDTH = 1.75;
    static final double ROAD_HALF_WIDTH = 2.5;

    private final double length;
    private final double curvature;

    ArcRoad(double length, double curvature) {
        this.length = length;
        this.curvature = curvature;
    }

    static ArcRoad straight(double length) {
        return new ArcRoad(length, 0);
    }

    @Override
    public double length() {
        return length;
    }

    @Override
    public double laneHalfWidth() {
        return LANE_HALF_WIDTH;
    }

    @Override
    public double roadHalfWidth() {
        return ROAD_HALF_WIDTH;
    }

    @Override
    public Pose centreAt(double s) {
        double c = Math.max(0, Math.min(length, s));
        if (curvature == 0) {
            return new Pose(c, 0, 0);
        }
        double angle = curvature * c;
        return new Pose(Math.sin(angle) / curvature, (1 - Math.cos(angle)) / curvature, angle);
    }

    /** The car's pose at arc length s, offset d to the left, with a heading error. */
    Pose poseAt(double s, double d, double headingError) {
        Pose c = centreAt(s);
        return new Pose(c.x() - Math.sin(c.heading()) * d, c.y() + Math.cos(c.heading()) * d,
                c.heading() + headingError);
    }

    @Override
    public double curvatureAt(double s) {
        return curvature;
    }

    @Override
    public Frenet toFrenet(double x, double y, double sHint) {
        if (curvature == 0) {
            return new Frenet(Math.max(0, Math.min(length, x)), y, 0);
        }
        double radius = 1 / curvature;
        // Circle centre at (0, radius); the start point is at angle -pi/2 (left turn) or +pi/2 (right turn).
        double vx = x;
        double vy = y - radius;
        double rho = Math.hypot(vx, vy);
        double swept = curvature > 0 ? Math.atan2(vy, vx) + Math.PI / 2 : Math.PI / 2 - Math.atan2(vy, vx);
        double period = 2 * Math.PI;
        double hintAngle = sHint * Math.abs(curvature);
        swept += period * Math.rint((hintAngle - swept) / period);
        double s = Math.max(0, Math.min(length, swept / Math.abs(curvature)));
        double d = Math.signum(curvature) * (Math.abs(radius) - rho);
        return new Frenet(s, d, curvature * s);
    }
}
