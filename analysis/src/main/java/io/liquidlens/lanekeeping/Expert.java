package io.liquidlens.lanekeeping;

/**
 * The expert driver: pure pursuit of the centreline. It aims at the centreline point {@code lookahead}
 * metres of arc length ahead of the car's own road position and steers along the circle through that
 * point tangent to the car's heading (curvature 2 y / (x^2 + y^2) with the target in the car's frame).
 * On a bend of constant curvature with the car on the centreline this circle is the bend itself, so the
 * expert has no steady-state offset; a car off the centreline is pulled back smoothly.
 */
public final class Expert {
    private final double lookahead;
    private final double maxCurvature;

    /**
     * @param lookahead    aiming distance along the road (m), > 0
     * @param maxCurvature the car's steering limit (1/m): the expert never asks for more
     */
    public Expert(double lookahead, double maxCurvature) {
        if (!(lookahead > 0)) {
            throw new IllegalArgumentException("expert lookahead must be > 0 m, got " + lookahead);
        }
        this.lookahead = lookahead;
        this.maxCurvature = maxCurvature;
    }

    /** The sample world's expert for a car: aiming 0.6 s ahead, at least 4 m. */
    public static Expert forCar(CarSpec car) {
        return new Expert(Math.max(4, 0.6 * car.speed()), car.maxCurvature());
    }

    /** Aiming distance (m). */
    public double lookahead() {
        return lookahead;
    }

    /** The curvature (1/m, positive left) the expert steers at the car's pose, given its road position. */
    public double act(RoadView road, Pose car, Frenet where) {
        Pose target = road.centreAt(where.s() + lookahead);
        double dx = target.x() - car.x();
        double dy = target.y() - car.y();
        double cos = Math.cos(car.heading());
        double sin = Math.sin(car.heading());
        double ahead = dx * cos + dy * sin;
        double left = -dx * sin + dy * cos;
        double dist2 = ahead * ahead + left * left;
        double k = dist2 < 1e-9 ? 0 : 2 * left / dist2;
        return Math.max(-maxCurvature, Math.min(maxCurvature, k));
    }
}
