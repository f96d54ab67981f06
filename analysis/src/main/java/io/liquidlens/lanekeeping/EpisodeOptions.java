package io.liquidlens.lanekeeping;

import io.liquidlens.Limits;

/**
 * How an episode is driven.
 *
 * @param steps           actions per episode
 * @param car             speed, period and steering limit
 * @param dartSigma       DART perturbation of the executed action: stationary standard deviation (1/m) of an
 *                        AR(1) noise with correlation {@link #DART_CORRELATION} per step, added to the driver's
 *                        action before the car executes it (0 = none)
 * @param maxStartOffset  the car starts at a lateral offset uniform in +-this many lane half-widths
 * @param maxStartHeading and with a heading error uniform in +-this (rad)
 * @param frames          how camera frames are stored; {@link FrameStorage#UINT8} also quantises what the
 *                        driver sees (camera sensors only, checked by {@link Episode})
 * @param actionLabel     what a kept rollout's {@code actions} hold: the driver's decision or the expert's
 */
public record EpisodeOptions(int steps, CarSpec car, double dartSigma, double maxStartOffset, double maxStartHeading,
                             FrameStorage frames, ActionLabel actionLabel) {
    /**
     * Step-to-step correlation of the DART noise: white noise at 10 Hz would average out within a few
     * steps; a correlated push (time constant about half a second) actually moves the car off the
     * centreline, so the expert's labels show recoveries.
     */
    public static final double DART_CORRELATION = 0.8;
    /** Road beyond the farthest point the car can reach, for the expert's aim and the camera's view (m). */
    public static final double ROAD_MARGIN = 120;
    /** Arc length where every episode starts (m). */
    public static final double START_S = 10;

    /** Checks every field; the message names the field, the accepted range and the value. */
    public EpisodeOptions {
        if (steps < 1 || steps > Limits.STEPS) {
            throw new IllegalArgumentException("steps must be in [1, " + Limits.STEPS + "], got " + steps);
        }
        if (car == null) {
            throw new IllegalArgumentException("a car spec is required");
        }
        if (steps > maxSteps(car)) {
            throw new IllegalArgumentException(tooLong("steps", steps, "speed", car));
        }
        if (!(dartSigma >= 0 && dartSigma <= 1)) {
            throw new IllegalArgumentException("DART sigma must be in [0, 1] 1/m (0 = no perturbation), got " + dartSigma);
        }
        if (!(maxStartOffset >= 0 && maxStartOffset <= 1)) {
            throw new IllegalArgumentException("start offset must be in [0, 1] lane half-widths, got " + maxStartOffset);
        }
        if (!(maxStartHeading >= 0 && maxStartHeading <= 0.5)) {
            throw new IllegalArgumentException("start heading error must be in [0, 0.5] rad, got " + maxStartHeading);
        }
        if (frames == null) {
            throw new IllegalArgumentException("a frame storage is required (float32 or uint8)");
        }
        if (actionLabel == null) {
            throw new IllegalArgumentException("an action label is required (driver or expert)");
        }
    }

    /** Options with float32 frames and the driver's actions as labels (what recording did before either existed). */
    public EpisodeOptions(int steps, CarSpec car, double dartSigma, double maxStartOffset, double maxStartHeading) {
        this(steps, car, dartSigma, maxStartOffset, maxStartHeading, FrameStorage.FLOAT32, ActionLabel.DRIVER);
    }

    /**
     * {@code steps} steps of the default car, no DART noise, starts within half a lane half-width of the
     * centreline and 0.1 rad of its heading; float32 frames, the driver's actions recorded.
     */
    public static EpisodeOptions defaults(int steps) {
        return new EpisodeOptions(steps, CarSpec.defaults(), 0, 0.5, 0.1);
    }

    /** The same options with another DART sigma. */
    public EpisodeOptions withDart(double sigma) {
        return new EpisodeOptions(steps, car, sigma, maxStartOffset, maxStartHeading, frames, actionLabel);
    }

    /** The same options with another car. */
    public EpisodeOptions withCar(CarSpec newCar) {
        return new EpisodeOptions(steps, newCar, dartSigma, maxStartOffset, maxStartHeading, frames, actionLabel);
    }

    /** The same options with another frame storage. */
    public EpisodeOptions withFrames(FrameStorage storage) {
        return new EpisodeOptions(steps, car, dartSigma, maxStartOffset, maxStartHeading, storage, actionLabel);
    }

    /** The same options with another action label. */
    public EpisodeOptions withActionLabel(ActionLabel label) {
        return new EpisodeOptions(steps, car, dartSigma, maxStartOffset, maxStartHeading, frames, label);
    }

    /** The most steps an episode of {@code car} can take: its road (steps x speed x dt and margins) fits 1e6 m. */
    public static int maxSteps(CarSpec car) {
        return (int) Math.min(Integer.MAX_VALUE,
                Math.floor((RoadSpec.MAX_LENGTH - START_S - ROAD_MARGIN) / car.stepLength()));
    }

    /**
     * The one wording of an episode too long for its road, naming the steps and speed as the caller calls them (a
     * field or a command-line option): {@code --steps 1000000 x --speed 10 m/s x dt 0.1 s = 1000000 m of road, over
     * the limit of 1000000 m with the margins; at most 999870 steps at this speed}.
     */
    public static String tooLong(String stepsName, int steps, String speedName, CarSpec car) {
        return String.format(java.util.Locale.ROOT, "%s %d x %s %s m/s x dt %s s = %.0f m of road, over the limit of"
                        + " %.0f m with the margins; at most %d steps at this speed", stepsName, steps, speedName,
                num(car.speed()), num(car.dt()), steps * car.stepLength(), RoadSpec.MAX_LENGTH, maxSteps(car));
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The road an episode with this seed drives on: long enough for every step, plus a margin. */
    public RoadSpec road(long episodeSeed) {
        double length = START_S + steps * car.stepLength() + ROAD_MARGIN;
        return RoadSpec.defaults(length, EpisodeSeeds.derive(episodeSeed, EpisodeSeeds.ROAD, 0));
    }
}
