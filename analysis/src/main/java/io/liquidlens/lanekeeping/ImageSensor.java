package io.liquidlens.lanekeeping;

import io.liquidlens.head.ImageShape;

/**
 * A first-person camera: what the camera renderer implements. It is built with the run's
 * {@link SensorOptions} (noise variance, distractors) by {@link Sensors}, and must be a pure function of
 * its arguments: the same road, pose, step and seed give the same frame and labels, bit for bit, so an
 * episode can be re-rendered step by step and a distractor's randomness (placement, motion, noise) comes
 * only from {@code seed} and {@code step}.
 */
public interface ImageSensor {

    /** Shape of every frame (H, W, C). */
    ImageShape shape();

    /**
     * Renders the view from {@code pose} on {@code road}.
     *
     * @param road  the road
     * @param pose  the car (camera) pose
     * @param where the car's road coordinates (s is the hint for lookups ahead)
     * @param step  step index within the episode (moving distractors move with it)
     * @param seed  the episode seed; derive every random choice from it (and {@code step})
     * @return pixels of length H * W * C and labels of length H * W
     */
    CameraFrame render(RoadView road, Pose pose, Frenet where, int step, long seed);
}
