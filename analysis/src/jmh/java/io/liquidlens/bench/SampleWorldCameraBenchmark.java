package io.liquidlens.bench;

import io.liquidlens.lanekeeping.Camera;
import io.liquidlens.lanekeeping.CameraSpec;
import io.liquidlens.lanekeeping.Distractors;
import io.liquidlens.lanekeeping.Pose;
import io.liquidlens.lanekeeping.Road;
import io.liquidlens.lanekeeping.RoadSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Microseconds per frame of the lane-keeping camera on the sample world's own sampled road (bends down to
 * 15 m radius), one thread: the frame a closed-loop episode renders each step, with the road's
 * {@code toFrenet} for every ground pixel included. The car drives the centreline with its heading swinging
 * by up to 0.3 rad and its offset by up to 1.5 m, so pixels fall on, beside and far from the road as they do
 * when a model weaves.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SampleWorldCameraBenchmark {
    @Param({"none", "objects,shadows"})
    public String distractors;

    private Road road;
    private Camera camera;
    private float[] image;
    private byte[] labels;
    private long frame;

    /** A 600 m road of the sample world and its camera, once. */
    @Setup
    public void setUp() {
        CameraSpec spec = CameraSpec.defaults();
        road = new Road(RoadSpec.defaults(600, 11));
        camera = new Camera(spec, road, Distractors.parse(distractors).withSeed(1), 1);
        image = new float[spec.imageSize()];
        labels = new byte[spec.pixels()];
    }

    /** One frame, 0.5 m further along the first 400 m each time. */
    @Benchmark
    public float[] render() {
        double s = 10 + (frame % 800) * 0.5;
        Pose p = road.pointAt(s, 1.5 * Math.sin(frame * 0.05));
        Pose pose = new Pose(p.x(), p.y(), p.heading() + 0.3 * Math.sin(frame * 0.13));
        camera.render(pose, s, frame * 0.05, frame, image, labels);
        frame++;
        return image;
    }
}
