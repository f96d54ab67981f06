package io.liquidlens.bench;

import io.liquidlens.head.FeatureShape;
import io.liquidlens.head.HeadGrad;
import io.liquidlens.head.HeadInit;
import io.liquidlens.head.HeadSpec;
import io.liquidlens.head.ImageShape;
import io.liquidlens.head.LayerSpec;
import io.liquidlens.head.PerceptionHead;
import io.liquidlens.io.NdArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 32 x 96 x 3 frame through a head shaped like the NCP paper's: conv 3->24 5x5 s2 p2, 24->36 5x5 s2 p2,
 * 36->48 3x3 s2 p1, 48->64 3x3 s1 p1, 64->8 3x3 s1 p1 (ReLU after each), then the per-channel linear
 * layer 8 x (48 -> 4) = 32 features; 72,956 parameters, about 7.8 M multiply-adds per frame. One thread;
 * score = frames per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HeadBenchmark {
    private PerceptionHead head;
    private PerceptionHead.Workspace workspace;
    private HeadGrad grad;
    private HeadGrad.Scratch scratch;
    private double[] values;
    private double[] gradient;
    private double[] tape;
    private float[] frame;
    private float[] features;
    private double[] featuresD;
    private double[] dFeatures;
    private double[] dFrame;

    /** The NCP-shaped head at 32 x 96 x 3. */
    static HeadSpec ncpHead() {
        return new HeadSpec(new ImageShape(32, 96, 3), List.of(
                conv(0, 3, 24, 5, 2, 2), new LayerSpec.Relu(),
                conv(2, 24, 36, 5, 2, 2), new LayerSpec.Relu(),
                conv(4, 36, 48, 3, 2, 1), new LayerSpec.Relu(),
                conv(6, 48, 64, 3, 1, 1), new LayerSpec.Relu(),
                conv(8, 64, 8, 3, 1, 1), new LayerSpec.Relu(),
                new LayerSpec.ChannelLinear(8, 48, 4, "head.10.weight", "head.10.bias")));
    }

    private static LayerSpec.Conv2d conv(int index, int in, int out, int k, int stride, int pad) {
        return new LayerSpec.Conv2d(in, out, k, k, stride, stride, pad, pad, "head." + index + ".weight",
                "head." + index + ".bias");
    }

    /** Weights, a frame and every buffer, once. */
    @Setup
    public void setUp() {
        HeadSpec spec = ncpHead();
        Map<String, NdArray> sd = HeadInit.torchDefaults(spec, 1);
        head = PerceptionHead.fromStateDict(spec, sd);
        workspace = head.newWorkspace();
        Map<String, Integer> offsets = new HashMap<>();
        int size = 0;
        for (Map.Entry<String, int[]> t : spec.tensorShapes().entrySet()) {
            offsets.put(t.getKey(), size);
            size += sd.get(t.getKey()).size();
        }
        values = new double[size];
        for (Map.Entry<String, Integer> t : offsets.entrySet()) {
            double[] v = sd.get(t.getKey()).toDoubleArray();
            System.arraycopy(v, 0, values, t.getValue(), v.length);
        }
        grad = new HeadGrad(spec, offsets::get);
        scratch = grad.newScratch();
        gradient = new double[size];
        tape = new double[grad.tapeSize()];
        Random r = new Random(3);
        frame = new float[spec.input().size()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = r.nextFloat();
        }
        FeatureShape out = spec.shapes().get(spec.layers().size());
        features = new float[out.size()];
        featuresD = new double[out.size()];
        dFeatures = new double[out.size()];
        for (int i = 0; i < dFeatures.length; i++) {
            dFeatures[i] = r.nextGaussian();
        }
        dFrame = new double[frame.length];
    }

    /** float32 forward, as the simulator runs it. */
    @Benchmark
    public float[] forwardFloat() {
        head.forward(frame, 0, workspace, features, 0);
        return features;
    }

    /** double forward recording the tape. */
    @Benchmark
    public double[] forwardDouble() {
        grad.forward(values, frame, 0, featuresD, 0, tape, 0, scratch);
        return featuresD;
    }

    /** double forward + backward to every weight and bias (training). */
    @Benchmark
    public double[] forwardBackward() {
        grad.forward(values, frame, 0, featuresD, 0, tape, 0, scratch);
        grad.backward(values, dFeatures, 0, tape, 0, null, 0, gradient, scratch);
        return gradient;
    }

    /** double forward + backward to the weights and the frame (saliency). */
    @Benchmark
    public double[] forwardBackwardWithFrameGradient() {
        grad.forward(values, frame, 0, featuresD, 0, tape, 0, scratch);
        grad.backward(values, dFeatures, 0, tape, 0, dFrame, 0, gradient, scratch);
        return dFrame;
    }
}
