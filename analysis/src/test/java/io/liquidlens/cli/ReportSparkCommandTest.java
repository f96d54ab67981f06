package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.Rollouts;
import io.liquidlens.io.ScratchFolder;
import io.liquidlens.testing.RolloutSlices;
import io.liquidlens.testing.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens report --spark local[2]}: the same files as without, from paths, {@code file:} URIs (read through
 * Hadoop as {@code hdfs://} would be) or inputs sent with the job, and bad input as one line.
 */
class ReportSparkCommandTest {
    /** A short report: one closed-loop episode of 100 steps per model and condition. */
    private static final String[] QUICK = {"--episodes", "1", "--episode-steps", "100"};
    private static final ObjectMapper JSON = new ObjectMapper();

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
        return report(List.of(model), rollouts.toString(), out, more);
    }

    private static CliRunner report(List<String> models, String rollouts, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "--models"));
        args.addAll(models);
        args.addAll(List.of("--rollouts", rollouts, "--perturbations", "channels=0,0.3", "--frames", "10", "--out",
                out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aReportOnSparkWritesTheSameFilesByteForByte() throws IOException {
        String model = TreeCommandTest.sample("sample-models/vector-lanekeeping").toString();
        CliRunner here = report(model, tmp.resolve("here"));
        CliRunner spark = report(model, tmp.resolve("spark"), "--spark", "local[2]");

        assertThat(here.exitCode()).as(here.err()).isZero();
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(spark.out()).startsWith("1 model(s) x 2 condition(s) x 10 frame(s) in ");
        for (String file : List.of("metrics.csv", "metrics.json", "index.html", "report.pdf")) {
            assertThat(Files.readAllBytes(tmp.resolve("spark").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("here").resolve(file)));
        }
        assertThat(spark.err()).doesNotContain("Exception");
    }

    @Test
    void aReportOfGroupsOnSparkWritesTheSameGroupDynamicsRows() throws IOException {
        String s = TreeCommandTest.sample("sample-models/vector-study").toString();
        List<String> models = List.of("ncp=" + s + "/ncp-s1," + s + "/ncp-s2", "gru=" + s + "/gru-s1," + s + "/gru-s2");
        CliRunner here = report(models, rollouts.toString(), tmp.resolve("groups-here"), "--no-interventions",
                "--episodes", "0");
        CliRunner spark = report(models, rollouts.toString(), tmp.resolve("groups-spark"), "--no-interventions",
                "--episodes", "0", "--spark", "local[2]");

        assertThat(here.exitCode()).as(here.err()).isZero();
        assertThat(spark.exitCode()).as(spark.err()).isZero();
        String csv = Files.readString(tmp.resolve("groups-here").resolve("metrics.csv"));
        assertThat(csv).contains("\nncp,group,,,,,pc1_share,").contains("\ngru,group,,,,,pc1_share,");
        assertThat(Files.readString(tmp.resolve("groups-spark").resolve("metrics.csv"))).isEqualTo(csv);
    }

    @Test
    void aReportOnFileUrisWritesTheMetricsOfTheSameFilesGivenAsPathsAndNamesTheUris() throws IOException {
        Path runs = tmp.resolve("uri-runs");
        Samples.modelFolder("sample-models/vector-study/ncp-s1", runs.resolve("e1"));
        Samples.modelFolder("sample-models/vector-study/ncp-s2", runs.resolve("e2"));
        CliRunner here = report(List.of(runs.toString()), rollouts.toString(), tmp.resolve("paths"), QUICK);
        CliRunner uris = report(List.of(Samples.fileUri(runs) + "/"), Samples.fileUri(rollouts) + "/",
                tmp.resolve("uris"), withSpark(QUICK));

        assertThat(here.exitCode()).as(here.err()).isZero();
        assertThat(uris.exitCode()).as(uris.err()).isZero();
        assertThat(uris.out()).startsWith("2 model(s) x 2 condition(s) x 10 frame(s) in ");
        assertThat(Files.readAllBytes(tmp.resolve("uris/metrics.csv")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("paths/metrics.csv")));
        // metrics.json differs only where it names the inputs: by the URIs the user gave, not the copies read
        JsonNode expected = JSON.readTree(tmp.resolve("paths/metrics.json").toFile());
        for (JsonNode input : expected.path("provenance").path("inputs")) {
            ((ObjectNode) input).put("path", "file://" + input.path("path").asText());
        }
        assertThat(JSON.readTree(tmp.resolve("uris/metrics.json").toFile())).isEqualTo(expected);
        assertThat(Files.readString(tmp.resolve("uris/index.html"))).contains(Samples.fileUri(runs) + "/e1/model.json")
                .doesNotContain("liquidlens-driver-inputs");
        assertThat(scratchFoldersLeft()).isEmpty();
    }

    @Test
    void aReportWithItsInputsSentWithTheJobWritesTheSameMetricsForModelFoldersOfOneName() throws IOException {
        Path a = Samples.modelFolder("sample-models/vector-study/ncp-s1", tmp.resolve("a/ncp"));
        Path b = Samples.modelFolder("sample-models/vector-study/ncp-s3", tmp.resolve("b/ncp"));
        List<String> models = List.of(a.toString(), b.toString());
        CliRunner here = report(models, rollouts.toString(), tmp.resolve("not-sent"), QUICK);
        List<String> ship = new ArrayList<>(List.of(withSpark(QUICK)));
        ship.add("--ship");
        CliRunner sent = report(models, rollouts.toString(), tmp.resolve("sent"), ship.toArray(String[]::new));

        assertThat(here.exitCode()).as(here.err()).isZero();
        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(Files.readString(tmp.resolve("sent/metrics.csv"))).contains("\nncp,").contains("\nncp (2),");
        assertThat(Files.readAllBytes(tmp.resolve("sent/metrics.csv")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("not-sent/metrics.csv")));
        assertThat(Files.readAllBytes(tmp.resolve("sent/metrics.json")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("not-sent/metrics.json")));
        assertThat(scratchFoldersLeft()).isEmpty();
    }

    @Test
    void aMissingUriIsOneLineNamingItAndNothingIsWrittenOrLeft() throws IOException {
        Path out = tmp.resolve("missing-uri-report");
        String missing = Samples.fileUri(tmp.resolve("no-such-run"));
        CliRunner run = report(List.of(missing), Samples.fileUri(rollouts), out, withSpark(QUICK));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines().filter(l -> !l.startsWith("spark: ")).toList())
                .containsExactly("liquidlens report: " + missing + ": no such model folder or file");
        assertThat(out).doesNotExist();
        assertThat(scratchFoldersLeft()).isEmpty();
    }

    @Test
    void aUriWithoutSparkIsOneLineSayingItNeedsSpark() {
        Path out = tmp.resolve("uri-without-spark");
        String model = Samples.fileUri(TreeCommandTest.sample("sample-models/vector-lanekeeping"));
        CliRunner models = report(List.of(model), rollouts.toString(), out);
        CliRunner traces = report(List.of(TreeCommandTest.sample("sample-models/vector-lanekeeping").toString()),
                Samples.fileUri(rollouts), out);
        CliRunner ship = report(TreeCommandTest.sample("sample-models/vector-lanekeeping").toString(), out, "--ship");

        assertThat(models.exitCode()).isEqualTo(1);
        assertThat(models.err().strip()).isEqualTo("liquidlens report: --models " + model + ": a URI is read only by report with"
                + " --spark MASTER (liquidlens-spark.jar or spark-submit); give a local path");
        assertThat(traces.exitCode()).isEqualTo(1);
        assertThat(traces.err().strip()).startsWith("liquidlens report: --rollouts " + Samples.fileUri(rollouts)
                + ": a URI is read only with --spark MASTER").doesNotContain("\n");
        assertThat(ship.exitCode()).isEqualTo(2);
        assertThat(ship.err()).contains("--ship: sends the inputs with a Spark job; add --spark MASTER");
        assertThat(out).doesNotExist();
    }

    /** The copies' folders this process made and has not removed (the driver's, and in local mode the executor's). */
    private static List<Path> scratchFoldersLeft() throws IOException {
        long pid = ProcessHandle.current().pid();
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith(ScratchFolder.prefix("driver-inputs", pid))
                    || p.getFileName().toString().startsWith(ScratchFolder.prefix("executor-inputs", pid))).toList();
        }
    }

    private static String[] withSpark(String... more) {
        List<String> args = new ArrayList<>(List.of(more));
        args.addAll(List.of("--spark", "local[2]"));
        return args.toArray(String[]::new);
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
