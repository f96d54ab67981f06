package io.liquidlens.lanekeeping;

/**
 * The car: constant speed, a fixed control period, and the tightest path it can drive.
 *
 * @param speed        forward speed (m/s)
 * @param dt           time between two actions (s)
 * @param maxCurvature largest path curvature magnitude the steering reaches (1/m); actions are clamped to it
 */
public record CarSpec(double speed, double dt, double maxCurvature) {

    /** Checks every field; the message names the field, the accepted range and the value. */
    public CarSpec {
        if (!(speed > 0 && speed <= 40)) {
            throw new IllegalArgumentException("speed must be in (0, 40] m/s, got " + speed);
        }
        if (!(dt > 0 && dt <= 1)) {
            throw new IllegalArgumentException("dt must be in (0, 1] s, got " + dt);
        }
        if (!(maxCurvature > 0 && maxCurvature <= 1)) {
            throw new IllegalArgumentException("maxCurvature must be in (0, 1] 1/m, got " + maxCurvature);
        }
    }

    /** 10 m/s, an action every 0.1 s, turning circles down to 8 m radius. */
    public static CarSpec defaults() {
        return new CarSpec(10, 0.1, 0.125);
    }

    /** The same car at another speed. */
    public CarSpec withSpeed(double newSpeed) {
        return new CarSpec(newSpeed, dt, maxCurvature);
    }

    /** Distance driven per step (m). */
    public double stepLength() {
        return speed * dt;
    }
}
