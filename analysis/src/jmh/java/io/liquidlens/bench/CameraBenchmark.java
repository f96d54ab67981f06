package io.liquidlens.bench;

import io.liquidlens.lanekeeping.Camera;
import io.liquidlens.lanekeeping.CameraSpec;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.Frenet;
import io.liquidlens.lanekeeping.Pose;
import io.liquidlens.lanekeeping.RoadView;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Frames per second of the lane-keeping camera at 32 x 96 RGB on one thread, driving along a bend of
 * radius 150 m (a closed-form road, so the figure is the camera's own cost; a sampled road's
 * {@code toFrenet} adds its own), clean and with distractors.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CameraBenchmark {
    @Param({"none", "objects,shadows", "objects,shadows,noise=0.1,brightness,occlusion"})
    public String distractors;

    private Arc road;
    private Camera camera;
    private float[] image;
    private byte[] labels;
    private long frame;

    /** The camera and its buffers, once. */
    @Setup
    public void setUp() {
        CameraSpec spec = CameraSpec.defaults();
        road = new Arc(2000, 1 / 150.0);
        camera = new Camera(spec, road, Distractors.parse(distractors).withSeed(1), 1);
        image = new float[spec.imageSize()];
        labels = new byte[spec.pixels()];
    }

    /** One frame, 0.5 m further along the road each time. */
    @Benchmark
    public float[] render() {
        double s = 20 + (frame % 3000) * 0.5;
        Pose centre = road.centreAt(s);
        camera.render(centre, s, frame * 0.05, frame, image, labels);
        frame++;
        return image;
    }

    /** A circular road through the origin heading along +x, turning left. */
    static final class Arc implements RoadView {
        private final double length;
        private final double curvature;

        Arc(double length, double curvature) {
            this.length = length;
            this.curvature = curvature;
        }

        @Override
        public double length() {
            return length;
        }

        @Override
        public double laneHalfWidth() {
            return 1.75;
        }

        @Override
        public double roadHalfWidth() {
            return 2.5;
        }

        @Override
        public Pose centreAt(double s) {
            double a = curvature * Math.max(0, Math.min(length, s));
            return new Pose(Math.sin(a) / curvature, (1 - Math.cos(a)) / curvature, a);
        }

        @Override
        public double curvatureAt(double s) {
            return curvature;
        }

        @Override
        public Frenet toFrenet(double x, double y, double sHint) {
            double radius = 1 / curvature;
            double vy = y - radius;
            double swept = Math.atan2(vy, x) + Math.PI / 2;
            double hint = sHint * curvature;
            swept += 2 * Math.PI * Math.rint((hint - swept) / (2 * Math.PI));
            double s = Math.max(0, Math.min(length, swept / curvature));
            return new Frenet(s, radius - Math.hypot(x, vy), curvature * s);
        }
    }
}
