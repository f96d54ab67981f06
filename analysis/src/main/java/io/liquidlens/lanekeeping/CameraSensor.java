package io.liquidlens.lanekeeping;

import io.liquidlens.head.ImageShape;
import java.util.List;

/** Adapts an {@link ImageSensor} to a {@link Sensor}: copies each frame and its labels into the episode's arrays. */
public final class CameraSensor implements Sensor {
    private final ImageSensor camera;
    private final ImageShape shape;

    /** Wraps a camera renderer. */
    public CameraSensor(ImageSensor camera) {
        this.camera = camera;
        this.shape = camera.shape();
    }

    @Override
    public String name() {
        return "camera";
    }

    @Override
    public int[] shape() {
        return shape.toArray();
    }

    @Override
    public List<String> featureNames() {
        return List.of();
    }

    @Override
    public boolean labelsPixels() {
        return true;
    }

    @Override
    public void observe(SensorContext c, float[] frame, int offset, byte[] labels, int labelOffset) {
        CameraFrame f = camera.render(c.road(), c.pose(), c.where(), c.step(), c.episodeSeed());
        int pixels = shape.size();
        int cells = shape.height() * shape.width();
        if (f.pixels().length != pixels || f.labels().length != cells) {
            throw new IllegalStateException("the camera rendered " + f.pixels().length + " values and "
                    + f.labels().length + " labels; its shape " + shape + " needs " + pixels + " and " + cells);
        }
        System.arraycopy(f.pixels(), 0, frame, offset, pixels);
        if (labels != null) {
            System.arraycopy(f.labels(), 0, labels, labelOffset, cells);
        }
    }
}
