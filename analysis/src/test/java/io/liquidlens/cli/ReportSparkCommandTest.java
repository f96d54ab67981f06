package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.RolloutSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liquidlens report --spark local[2]}: the same files as without, and bad input as one line. */
class ReportSparkCommandTest {
    @TempDir
    static Path tmp;
    static Path rollouts;

    @BeforeAll
    static void shortTraces() throws IOException {
        rollouts = Files.createDirectories(tmp.resolve("rollouts"));
        List<Path> files = Rollouts.list(List.of(TreeCommandTest.sample("sample-traces/vector-lanekeeping/clean")));
        for (Path f : files.subList(0, 2)) {
            Rollouts.write(rollouts.resolve(f.getFileName()), RolloutSlices.head(Rollouts.read(f), 60));
        }
    }

    private static CliRunner report(String model, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "--models", model, "--rollouts", rollouts.toString(),
                "--perturbations", "channels=0,0.3", "--frames", "10", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aReportOnSparkWritesTheSameMetricsCsvByteForByte() throws IOException {
        String model = TreeCommandTest.sample("sample-models/vector-lanekeeping").toString();
        CliRunner here = report(model, tmp.resolve("here"));
        CliRunner spark = report(model, tmp.resolve("spark"), "--spark", "local[2]");

        assertThat(here.exitCode()).as(here.err()).isZero();
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.out()).startsWith("1 model(s) x 2 condition(s) x 10 frame(s) in ");
        assertThat(Files.readAllBytes(tmp.resolve("spark/metrics.csv")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("here/metrics.csv")));
        assertThat(spark.err()).doesNotContain("Exception");
    }

    @Test
    void aMissingModelOnSparkIsOneLineNamingItAndNothingIsWritten() {
        Path out = tmp.resolve("missing-model-report");
        CliRunner run = report(tmp.resolve("no-such-model").toString(), out, "--spark", "local[2]");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines().filter(l -> !l.startsWith("spark: ")).toList()).hasSize(1);
        assertThat(run.err()).contains("no-such-model").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}
