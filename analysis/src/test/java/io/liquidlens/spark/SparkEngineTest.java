package io.liquidlens.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.AuditOptions;
import io.liquidlens.causal.AuditRequest;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.SaliencyChoice;
import io.liquidlens.causal.SaliencySpec;
import io.liquidlens.causal.WorkEngine;
import io.liquidlens.causal.WorkInputs;
import io.liquidlens.io.Rollouts;
import io.liquidlens.provenance.Provenance;
import io.liquidlens.report.CausalReportWriter;
import io.liquidlens.sim.ProgressListener;
import io.liquidlens.testing.RolloutSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work units as Spark tasks in local mode: one Spark context for the class (it takes seconds to start). */
class SparkEngineTest {
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static SparkEngine engine;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        engine = SparkEngine.start("local[2]");
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void resultsComeBackInUnitOrderAndEachUnitIsToldDoneOnce() throws InterruptedException {
        List<Integer> units = new ArrayList<>(IntStream.range(0, 12).boxed().toList());
        Set<Integer> told = ConcurrentHashMap.newKeySet();
        AtomicInteger tellings = new AtomicInteger();

        List<Integer> squares = engine.map(units, u -> u * u, i -> {
            told.add(i);
            tellings.incrementAndGet();
        });

        assertThat(squares).containsExactly(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121);
        // Spark tells its listeners on a thread of its own, a moment after the job returns
        for (int wait = 0; wait < 100 && told.size() < units.size(); wait++) {
            Thread.sleep(50);
        }
        assertThat(told).hasSize(12);
        assertThat(tellings.get()).isEqualTo(12);
    }

    @Test
    void aTaskThatFailsOnceIsRunAgain() {
        ATTEMPTS.set(0);
        List<Integer> out = engine.map(new ArrayList<>(List.of(1, 2, 3)), u -> {
            if (u == 2 && ATTEMPTS.getAndIncrement() == 0) {
                throw new IllegalStateException("executor lost");
            }
            return u * 10;
        }, i -> { });

        assertThat(out).containsExactly(10, 20, 30);
        assertThat(ATTEMPTS.get()).as("the failed task ran a second time").isEqualTo(2);
    }

    @Test
    void aTaskThatAlwaysFailsIsOneLineAfterFourTries() {
        ATTEMPTS.set(0);
        assertThatThrownBy(() -> engine.map(new ArrayList<>(List.of(1)), u -> {
            ATTEMPTS.incrementAndGet();
            throw new IllegalStateException("disk full");
        }, i -> { })).isInstanceOf(LiquidLensException.class)
                .hasMessageStartingWith("a work unit failed on Spark after its retries: ")
                .hasMessageContaining("disk full").hasMessageNotContaining("\n");
        assertThat(ATTEMPTS.get()).isEqualTo(4);
    }

    @Test
    void localMastersAreGivenRetriesOthersAreLeftAsGiven() {
        assertThat(SparkEngine.withRetries("local[2]", 4)).isEqualTo("local[2,4]");
        assertThat(SparkEngine.withRetries("local", 4)).isEqualTo("local[1,4]");
        assertThat(SparkEngine.withRetries("local[*]", 3)).isEqualTo("local[*,3]");
        assertThat(SparkEngine.withRetries("local[2,7]", 4)).isEqualTo("local[2,7]");
        assertThat(SparkEngine.withRetries("spark://head:7077", 4)).isEqualTo("spark://head:7077");
        assertThat(SparkEngine.withRetries("yarn", 4)).isEqualTo("yarn");
        assertThat(SparkEngine.isLocal("local[2,7]")).isTrue();
        assertThat(SparkEngine.isLocal("local")).isTrue();
        assertThat(SparkEngine.isLocal("spark://head:7077")).isFalse();
    }

    @Test
    void aVectorReportOnSparkWritesTheSameMetricsAsInProcess() throws IOException {
        AuditOptions o = new AuditOptions(SaliencySpec.parse("gradient"), 0, 13, 2, 0, 20, 5, true);
        AuditRequest request = new AuditRequest(List.of(sample("sample-models/vector-lanekeeping")),
                List.of(heads("sample-traces/vector-lanekeeping/clean", 2, 70)), "channels=0,0.3;spurious",
                List.of(), o);

        assertSameFiles(request);
    }

    @Test
    void aCameraReportOnSparkWritesTheSameMetricsAsInProcess() throws IOException {
        AuditOptions o = new AuditOptions(SaliencySpec.of(SaliencyChoice.VBP), 0, 6, 2, 1, 20, 3, true);
        AuditRequest request = new AuditRequest(List.of(sample("sample-models/ncp-lanekeeping"),
                sample("sample-models/cfc-lanekeeping")), List.of(heads("sample-traces/ncp-lanekeeping/clean", 1, 40)),
                "noise=0,0.2", List.of(), o);

        assertSameFiles(request);
    }

    @Test
    void aTaskFindsTheFilesSentWithTheJobWhenTheDriversPathsAreGone() throws IOException {
        Path sent = Files.copy(Rollouts.list(List.of(sample("sample-traces/vector-lanekeeping/clean"))).get(0),
                Files.createDirectories(tmp.resolve("sent")).resolve("episode.npz"));
        String sha = Provenance.sha256(sent);
        WorkEngine shipping = engine.shipping();
        WorkInputs inputs = shipping.inputs(Map.of(sent, sha));
        Files.delete(sent);

        List<String> read = shipping.map(new ArrayList<>(List.of(new WorkInputs.DataFile(sent.toString(), sha))),
                f -> Provenance.sha256(inputs.file(f)), i -> { });

        assertThat(read).containsExactly(sha);
    }

    private static void assertSameFiles(AuditRequest request) throws IOException {
        CausalAudit here = request.run("test", ProgressListener.NONE);
        CausalAudit spark = request.runOn(engine, "test", ProgressListener.NONE);
        Path a = tmp.resolve("here-" + System.nanoTime());
        Path b = tmp.resolve("spark-" + System.nanoTime());
        CausalReportWriter.write(here, a);
        CausalReportWriter.write(spark, b);

        assertThat(Files.readAllLines(a.resolve("metrics.csv"))).hasSizeGreaterThan(50);
        assertThat(Files.readAllBytes(b.resolve("metrics.csv"))).isEqualTo(Files.readAllBytes(a.resolve("metrics.csv")));
        assertThat(Files.readAllBytes(b.resolve("metrics.json"))).isEqualTo(Files.readAllBytes(a.resolve("metrics.json")));
        assertThat(spark.models()).isEqualTo(here.models());
    }

    private static Path sample(String what) {
        for (Path root : new Path[] {Path.of(".."), Path.of(".")}) {
            if (Files.isDirectory(root.resolve(what))) {
                return root.resolve(what);
            }
        }
        throw new IllegalStateException("no " + what);
    }

    private static Path heads(String trace, int count, int steps) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(trace.replace('/', '-')));
        List<Path> files = Rollouts.list(List.of(sample(trace)));
        for (Path f : files.subList(0, count)) {
            Rollouts.write(dir.resolve(f.getFileName()), RolloutSlices.head(Rollouts.read(f), steps));
        }
        return dir;
    }

}
