package io.liquidlens.lanekeeping;

import io.liquidlens.head.ImageShape;

/**
 * The camera as the episodes use it ({@link ImageSensor}): a {@link Camera} per road and episode seed, with
 * the run's distractors and pixel noise, rendering the frame of each step at time {@code step * dt}.
 * Keeps the camera of the last (road, seed) it was asked for, so one instance serves one episode at a time
 * (episodes on several threads each need their own).
 */
final class CameraRenderer implements ImageSensor {
    private final CameraSpec spec;
    private final Distractors distractors;
    private final double dt;
    private RoadView lastRoad;
    private long lastSeed;
    private Camera camera;

    CameraRenderer(CameraSpec spec, Distractors distractors, double dt) {
        this.spec = spec;
        this.distractors = distractors;
        this.dt = dt;
    }

    @Override
    public ImageShape shape() {
        return new ImageShape(spec.height(), spec.width(), spec.channels());
    }

    @Override
    public CameraFrame render(RoadView road, Pose pose, Frenet where, int step, long seed) {
        if (camera == null || road != lastRoad || seed != lastSeed) {
            camera = new Camera(spec, road, distractors.withSeed(seed), seed);
            lastRoad = road;
            lastSeed = seed;
        }
        float[] pixels = new float[spec.imageSize()];
        byte[] labels = new byte[spec.pixels()];
        camera.render(pose, where.s(), step * dt, step, pixels, labels);
        return new CameraFrame(pixels, labels);
    }
}
