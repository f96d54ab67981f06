package io.liquidlens.lanekeeping;

/**
 * A kinematic bicycle at constant speed, steered by path curvature (the NCP paper's action, 1/r). With
 * the rear axle as reference point the bicycle's heading rate is speed * tan(steer) / wheelbase =
 * speed * curvature, so over one step of constant curvature the car drives an exact circular arc; the
 * wheelbase only matters for converting curvature to a wheel angle, which nothing here needs.
 */
public final class Car {
    private final CarSpec spec;

    /** A car with the given speed, period and steering limit. */
    public Car(CarSpec spec) {
        this.spec = spec;
    }

    /** The car's spec. */
    public CarSpec spec() {
        return spec;
    }

    /** The action the car actually executes for a requested curvature: clamped to +-maxCurvature. */
    public double executable(double curvature) {
        return Math.max(-spec.maxCurvature(), Math.min(spec.maxCurvature(), curvature));
    }

    /** The pose after one step of {@code dt} at constant speed along a path of the given (clamped) curvature. */
    public Pose advance(Pose pose, double curvature) {
        double k = executable(curvature);
        double u = spec.stepLength();
        double[] p = Road.arc(pose.x(), pose.y(), pose.heading(), k, u);
        return new Pose(p[0], p[1], pose.heading() + k * u);
    }
}
