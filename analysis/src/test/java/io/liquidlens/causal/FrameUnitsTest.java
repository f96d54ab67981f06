package io.liquidlens.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.io.Rollouts;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.testing.RolloutSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report's frame measures and drives made as work units from files give the in-process report's numbers, bit for bit. */
class FrameUnitsTest {
    @TempDir
    static Path tmp;

    static Path sample(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.isDirectory(root.resolve(what))) {
                return root.resolve(what);
            }
        }
        throw new IllegalStateException("no " + what);
    }

    /** The first {@code steps} steps of the first {@code count} rollouts of {@code trace}, in a folder of their own. */
    static Path heads(Path tmp, String trace, int count, int steps) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(trace.replace('/', '-') + "-" + count + "x" + steps));
        List<Path> files = Rollouts.list(List.of(sample(trace)));
        for (Path f : files.subList(0, count)) {
            Rollouts.write(dir.resolve(f.getFileName()), RolloutSlices.head(Rollouts.read(f), steps));
        }
        return dir;
    }

    static AuditRequest vectorRequest(Path rollouts) {
        AuditOptions o = new AuditOptions(SaliencySpec.parse("gradient"), 0, 13, 2, 0, 20, 5, true);
        return new AuditRequest(List.of(sample("sample-models/vector-lanekeeping")), List.of(rollouts),
                "channels=0,0.3", List.of(), o);
    }

    static AuditRequest cameraRequest(Path rollouts) {
        AuditOptions o = new AuditOptions(SaliencySpec.of(SaliencyChoice.VBP), 0, 6, 2, 1, 20, 3, true);
        return new AuditRequest(List.of(sample("sample-models/ncp-lanekeeping"), sample("sample-models/cfc-lanekeeping")),
                List.of(rollouts), "noise=0,0.2", List.of(), o);
    }

    @Test
    void vectorMeasuresAsUnitsAreTheInProcessOnes() throws IOException {
        AuditRequest request = vectorRequest(heads(tmp, "sample-traces/vector-lanekeeping/clean", 2, 70));
        CausalAudit here = request.run("test", ProgressListener.NONE);
        AtomicLong last = new AtomicLong();
        CausalAudit units = request.runOn(WorkEngine.threads(), "test", (done, total) -> last.set(done * 1000 / total));

        assertThat(units.models()).isEqualTo(here.models());
        assertThat(units.evidence()).isEqualTo(here.evidence());
        assertThat(last.get()).as("progress reaches the end").isEqualTo(1000);
    }

    @Test
    void cameraMeasuresAndOverlaysAsUnitsAreTheInProcessOnes() throws IOException {
        AuditRequest request = cameraRequest(heads(tmp, "sample-traces/ncp-lanekeeping/clean", 1, 40));
        CausalAudit here = request.run("test", ProgressListener.NONE);
        CausalAudit units = request.runOn(WorkEngine.threads(), "test", ProgressListener.NONE);

        assertThat(here.models().get(0).overlays()).hasSize(4);
        assertThat(units.models()).isEqualTo(here.models());
    }

    @Test
    void aConditionARolloutCannotTakeNamesTheRolloutAsInProcess() throws IOException {
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Path clean = Rollouts.list(List.of(sample("sample-traces/ncp-lanekeeping/clean"))).get(0);
        Rollouts.write(bare.resolve("frames.npz"), io.liquidlens.io.Rollout.ofInputs(
                RolloutSlices.head(Rollouts.read(clean), 10).inputs()));
        AuditOptions o = new AuditOptions(SaliencySpec.of(SaliencyChoice.VBP), 0, 2, 0, 0, 20, 0, false);
        AuditRequest request = new AuditRequest(List.of(sample("sample-models/ncp-lanekeeping")), List.of(bare),
                "objects", List.of(), o);

        assertThatThrownBy(() -> request.runOn(WorkEngine.threads(), "test", ProgressListener.NONE))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining("frames.npz")
                .hasMessageContaining("objects and shadows need a rollout recorded by the sample world");
    }

    @Test
    void aRolloutChangedAfterTheDriverReadItIsRefused() throws IOException {
        Path dir = heads(tmp, "sample-traces/vector-lanekeeping/clean", 1, 30);
        AuditRequest request = vectorRequest(dir);
        Path file;
        try (var files = Files.list(dir)) {
            file = files.findFirst().orElseThrow();
        }
        WorkEngine changing = new WorkEngine() {
            @Override
            public <U extends java.io.Serializable, R extends java.io.Serializable> List<R> map(List<U> units,
                    Work<U, R> work, java.util.function.IntConsumer finished) {
                try {
                    Rollouts.write(file, RolloutSlices.head(Rollouts.read(file), 29));
                } catch (RuntimeException e) {
                    throw e;
                }
                return WorkEngine.threads().map(units, work, finished);
            }
        };

        assertThatThrownBy(() -> request.runOn(changing, "test", ProgressListener.NONE))
                .isInstanceOf(LiquidLensException.class).hasMessageContaining(file.getFileName().toString())
                .hasMessageContaining("is not the file the driver read");
    }
}
