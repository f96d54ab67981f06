package io.liquidlens.cli;

import io.liquidlens.BadOptionException;
import io.liquidlens.Limits;
import io.liquidlens.LiquidLensException;
import io.liquidlens.lanekeeping.CarSpec;
import io.liquidlens.lanekeeping.EpisodeOptions;
import io.liquidlens.lanekeeping.Sensor;
import io.liquidlens.lanekeeping.SensorOptions;
import io.liquidlens.lanekeeping.Sensors;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.provenance.Provenance;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The sample world's options shared by {@code record} and {@code evaluate}. Values that picocli parses but
 * the world cannot use (zero episodes, negative variance, zero speed, unknown names) are problems with the
 * input: one line saying what is accepted, exit code 1.
 */
final class WorldOptions {
    @Option(names = "--episodes", required = true, paramLabel = "N", description = "Episodes to drive (>= 1).")
    int episodes;

    @Option(names = "--steps", required = true, paramLabel = "T", description = "Steps per episode (>= 1).")
    int steps;

    @Option(names = "--seed", required = true, paramLabel = "S",
            description = "Seeds every road, start, noise and distractor of the run.")
    long seed;

    @Option(names = "--sensor", paramLabel = "NAME",
            description = "What the network sees: vector (d_lane, mu, kappa + distractor channels) or camera; default:"
                    + " camera for a model with a perception head, else vector.")
    String sensor;

    @Option(names = "--noise", paramLabel = "VAR", description = "Variance of Gaussian noise on what the sensor reads"
            + " (pixels in [0, 1]; the scaled d_lane, mu, kappa channels); default ${DEFAULT-VALUE}.")
    double noise = 0;

    @Option(names = "--distractors", paramLabel = "LIST",
            description = "Comma-separated NAME or NAME:COUNT. vector: noise-channels[:K] (default 2),"
                    + " spurious[:K] (default 1); camera: objects, shadows, brightness, occlusion.")
    String distractors;

    @Option(names = "--speed", paramLabel = "M/S", description = "Car speed in (0, 40] m/s (default ${DEFAULT-VALUE}).")
    double speed = CarSpec.defaults().speed();

    /** Checks the counts and builds the episode options (DART sigma as given). */
    EpisodeOptions episodeOptions(double dartSigma) {
        if (episodes < 1) {
            throw new BadOptionException("--episodes " + episodes + ": must be a whole number >= 1");
        }
        if (episodes > Limits.EPISODES) {
            throw new BadOptionException(Limits.overLimit("--episodes", episodes, Limits.EPISODES));
        }
        if (steps < 1) {
            throw new BadOptionException("--steps " + steps + ": must be a whole number >= 1");
        }
        if (steps > Limits.STEPS) {
            throw new BadOptionException(Limits.overLimit("--steps", steps, Limits.STEPS));
        }
        if (!(speed > 0 && speed <= 40)) {
            throw new BadOptionException("--speed " + speed + ": must be in (0, 40] m/s");
        }
        CarSpec car = CarSpec.defaults().withSpeed(speed);
        if (steps > EpisodeOptions.maxSteps(car)) {
            throw new BadOptionException(EpisodeOptions.tooLong("--steps", steps, "--speed", car));
        }
        if (!(dartSigma >= 0 && dartSigma <= 1)) {
            throw new BadOptionException("--dart " + dartSigma + ": must be in [0, 1] 1/m (0 = no perturbation)");
        }
        try {
            return EpisodeOptions.defaults(steps).withCar(car).withDart(dartSigma);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(e.getMessage(), e);
        }
    }

    /** The sensor named by --sensor, or the one the model reads when it is not given. */
    Sensor sensor(LoadedModel model) {
        if (!(noise >= 0 && noise <= 100)) {
            throw new BadOptionException("--noise " + noise + ": the variance must be in [0, 100] (0 = no noise)");
        }
        String name = sensorName(model);
        SensorOptions options = new SensorOptions(noise, Sensors.parseDistractors(distractors));
        return Sensors.create(name, options);
    }

    String sensorName(LoadedModel model) {
        if (sensor != null) {
            return sensor.toLowerCase(Locale.ROOT);
        }
        return model != null && model.network().head().isPresent() ? "camera" : "vector";
    }

    /** Records the world's options in a provenance. */
    Provenance.Builder addTo(Provenance.Builder p, String sensorName) {
        return p.option("episodes", episodes).option("steps", steps).option("seed", seed).option("sensor", sensorName)
                .option("noise", noise).option("distractors", distractors == null ? "" : distractors)
                .option("speed", speed);
    }
}
