package io.liquidlens.lanekeeping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a sensor is disturbed.
 *
 * @param noiseVariance variance of zero-mean Gaussian noise added to every value the sensor reads: pixels
 *                      in [0, 1] for the camera, the scaled d_lane, mu and kappa channels for vectors (0 = none)
 * @param distractors   the distractors switched on (names depend on the sensor; see {@link Sensors})
 */
public record SensorOptions(double noiseVariance, List<Distractor> distractors) {

    /** Checks the variance is finite and not negative. */
    public SensorOptions {
        if (!(noiseVariance >= 0 && noiseVariance <= 100)) {
            throw new IllegalArgumentException("noise variance must be in [0, 100] (0 = no noise), got " + noiseVariance);
        }
        distractors = List.copyOf(distractors);
    }

    /** No noise, no distractors. */
    public static SensorOptions clean() {
        return new SensorOptions(0, List.of());
    }

    /** The distractors as {@code --distractors} writes them (empty string for none). */
    public String distractorList() {
        return distractors.stream().map(Distractor::toString).collect(Collectors.joining(","));
    }
}
