package io.liquidlens.bench;

import io.liquidlens.head.PerceptionHead;
import io.liquidlens.model.LiquidModel;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.model.StepBuffers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The camera NCP sample (conv head + 19-neuron LTC) one 32 x 96 x 3 frame at a time on one thread, in frames
 * per second: the head alone ({@code head}, what {@code analysis/src/jmh/python/head_forward.py} times in
 * torch on the same folder and frame) and the head then one step of the cell ({@code step}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SampleForwardBenchmark {
    private LiquidModel model;
    private PerceptionHead head;
    private PerceptionHead.Workspace workspace;
    private StepBuffers buffers;
    private float[] frame;
    private float[] features;
    private float[] h;
    private float[] c;
    private float[] out;

    /** The sample, its buffers and the frame head_forward.py uses, once. */
    @Setup
    public void setUp() {
        Path root = Stream.of(Path.of(".."), Path.of(".")).filter(p -> Files.isDirectory(p.resolve("sample-models")))
                .findFirst().orElseThrow();
        model = LoadedModel.load(root.resolve("sample-models/ncp-lanekeeping")).network();
        head = model.head().orElseThrow();
        workspace = head.newWorkspace();
        buffers = model.newBuffers();
        frame = new float[model.frameSize()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (float) ((i * 0.618034) % 1.0);
        }
        features = new float[head.outputSize()];
        h = new float[model.stateSize()];
        c = new float[model.stateSize()];
        out = new float[model.outputSize()];
    }

    /** The perception head on one frame. */
    @Benchmark
    public float[] head() {
        head.forward(frame, 0, workspace, features, 0);
        return features;
    }

    /** The head and one step of the cell, as a closed-loop drive runs each frame. */
    @Benchmark
    public float[] step() {
        model.step(frame, 0, 0.05f, h, c, out, 0, null, 0, buffers);
        return out;
    }
}
