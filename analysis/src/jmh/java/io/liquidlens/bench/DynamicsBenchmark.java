package io.liquidlens.bench;

import io.liquidlens.dynamics.Dynamics;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.dynamics.DynamicsResult;
import io.liquidlens.dynamics.LabelledRollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.model.LoadedModel;
import io.liquidlens.sim.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dynamics analyses of the camera NCP sample over its 8 recorded traces (one per condition folder of
 * sample-traces/ncp-lanekeeping, 2,250 steps), in milliseconds per analysis with the default options: the
 * head over every frame, the cell over every step, PCA, correlations, L_max, time constants, and the sensitivity's
 * noisy copies ({@code trials}; 0 leaves the sensitivity out, to see its share).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class DynamicsBenchmark {
    @Param({"4", "0"})
    public int trials;

    private LoadedModel ncp;
    private List<LabelledRollout> traces;
    private DynamicsOptions options;

    @Setup
    public void setUp() throws IOException {
        Path root = Stream.of(Path.of(".."), Path.of(".")).filter(p -> Files.isDirectory(p.resolve("sample-models")))
                .findFirst().orElseThrow();
        ncp = LoadedModel.load(root.resolve("sample-models/ncp-lanekeeping"));
        try (Stream<Path> folders = Files.list(root.resolve("sample-traces/ncp-lanekeeping"))) {
            traces = folders.filter(Files::isDirectory).sorted()
                    .flatMap(f -> Rollouts.list(List.of(f)).stream())
                    .map(f -> new LabelledRollout(f.getParent().getFileName() + "/" + f.getFileName(),
                            Rollouts.read(f)))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (traces.size() != 8) {
            throw new IllegalStateException("expected the 8 camera traces, found " + traces.size());
        }
        DynamicsOptions d = DynamicsOptions.defaults();
        options = new DynamicsOptions(d.includeMotor(), d.noise(), trials, d.seed());
    }

    @Benchmark
    public DynamicsResult analyse() {
        return Dynamics.analyse(ncp.network(), "ncp-lanekeeping", traces, options, ProgressListener.NONE);
    }
}
