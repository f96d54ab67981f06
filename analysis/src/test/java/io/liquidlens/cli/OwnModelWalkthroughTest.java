package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your own model in five minutes", run as written: every command line of its marked block that
 * calls the command-line jar is run in-process (the shipped inputs read from the checkout, the {@code my-*} outputs
 * written to a temporary folder), and what the README says about the results is checked against them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnModelWalkthroughTest {
    private static final String MARKER = "<!-- five-minutes:";
    private static final String JAR = ReadmeBlocks.JAR;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path work;
    private Path root;
    private String readme;
    private final List<CliRunner> runs = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();

    @BeforeAll
    void runTheReadmesCommands(@TempDir Path dir) throws IOException {
        work = dir;
        root = ReadmeBlocks.repositoryRoot();
        readme = Files.readString(root.resolve("README.md"));
        for (String line : walkthroughBlock()) {
            if (line.startsWith(JAR)) {
                commands.add(line);
                runs.add(CliRunner.run(ReadmeBlocks.arguments(line, root, work)));
            }
        }
    }

    @Test
    void everyCommandOfTheBlockSucceeds() {
        assertThat(commands).extracting(c -> c.split(" ")[3])
                .containsExactly("import", "import-rollout", "info", "simulate", "tree", "report");
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exitCode()).as(commands.get(i) + "\n" + runs.get(i).err()).isZero();
        }
        assertThat(walkthroughBlock()).as("the block ends by opening the pair in the workbench")
                .contains("java -jar app/target/liquidlens-app.jar my-model my-run.npz");
    }

    @Test
    void importAssumesEachUnrecordedSettingAloudAndInfoShowsTheRoles() {
        assertThat(runs.get(0).out()).contains("assumed ode_unfolds=6 (ncps default)");
        assertThat(runs.get(2).out()).contains("noise1 (distractor*)", "d (task)");
    }

    @Test
    void theImportedModelSimulatesAsNcpsDid() {
        float[] ncps = Npy.read(root.resolve("sample-models/from-ncps/ncps-outputs.npy")).toFloatArray();
        NdArray outputs = Npz.read(work.resolve("my-sim.npz")).get("outputs");

        assertThat(outputs.shape()).containsExactly(1, ncps.length, 1);
        float[] ours = outputs.toFloatArray();
        for (int t = 0; t < ncps.length; t++) {
            assertThat(ours[t]).as("step %d", t).isCloseTo(ncps[t], within(1e-5f));
        }
    }

    @Test
    void theTreeIsWritten() {
        assertThat(work.resolve("my-tree")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".dot"));
    }

    /** The README quotes the report's distractor share under channel noise 0.1: it must be what the report says. */
    @Test
    void theReadmesDistractorShareIsTheReports() throws IOException {
        Matcher quoted = Pattern.compile("median of ([0-9.]+) \\[95%: ([0-9.]+), ([0-9.]+)]").matcher(readme);
        assertThat(quoted.find()).as("the README quotes the share").isTrue();
        JsonNode metrics = JSON.readTree(work.resolve("my-report/metrics.json").toFile());
        JsonNode model = metrics.get("models").get(0);
        assertThat(model.get("input_roles").get("spurious").asText()).isEqualTo("distractor");
        JsonNode summary = null;
        for (JsonNode c : model.get("conditions")) {
            if (c.get("condition").asText().equals("channels 0.1")) {
                summary = c.get("summary");
            }
        }
        assertThat(summary).as("a channels 0.1 condition by default").isNotNull();
        assertThat(String.format(Locale.ROOT, "%.3f", summary.get("distractor_share_median").asDouble()))
                .isEqualTo(quoted.group(1));
        assertThat(String.format(Locale.ROOT, "%.3f", summary.get("distractor_share_median_ci").get(0).asDouble()))
                .isEqualTo(quoted.group(2));
        assertThat(String.format(Locale.ROOT, "%.3f", summary.get("distractor_share_median_ci").get(1).asDouble()))
                .isEqualTo(quoted.group(3));
    }

    private List<String> walkthroughBlock() {
        return ReadmeBlocks.block(readme, MARKER);
    }
}
