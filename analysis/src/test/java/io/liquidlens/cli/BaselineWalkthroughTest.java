package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.Npz;
import io.liquidlens.testing.BaselineFixtures;
import io.liquidlens.testing.BaselineFixtures.Case;
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
 * The README's "A conventional baseline", run as written after the walkthrough's {@code import-rollout} it builds
 * on, and its figures (torch's parameter count, the largest difference from torch's outputs) checked against what
 * the commands give.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineWalkthroughTest {
    private static final String JAR = ReadmeBlocks.JAR;

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
        String importRollout = block("<!-- five-minutes:").stream().filter(l -> l.startsWith(JAR + "import-rollout"))
                .findFirst().orElseThrow();
        assertThat(CliRunner.run(ReadmeBlocks.arguments(importRollout, root, work)).exitCode()).isZero();
        for (String line : block("<!-- baseline:")) {
            if (line.startsWith(JAR)) {
                commands.add(line);
                runs.add(CliRunner.run(ReadmeBlocks.arguments(line, root, work)));
            }
        }
    }

    @Test
    void everyCommandOfTheBlockSucceeds() {
        assertThat(commands).extracting(c -> c.split(" ")[3]).containsExactly("import", "info", "simulate", "dynamics");
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exitCode()).as(commands.get(i) + "\n" + runs.get(i).err()).isZero();
        }
        assertThat(Npz.read(work.resolve("my-lstm-sim.npz"))).containsKeys("outputs", "states", "hx", "cx");
    }

    @Test
    void infoSaysWhatTheReadmeQuotes() {
        Matcher quoted = Pattern.compile("`info` shows `([^`]+)` and ([0-9,]+) trainable parameters").matcher(
                readme.replaceAll("\\s+", " "));
        assertThat(quoted.find()).as("the README quotes info").isTrue();
        assertThat(runs.get(1).out()).contains(quoted.group(1))
                .contains(quoted.group(2) + " trainable");
    }

    /** The README's largest differences from torch are what simulate gives on the fixtures' inputs. */
    @Test
    void theQuotedDifferencesFromTorchAreMeasured() {
        String text = readme.replaceAll("\\s+", " ");
        Matcher lstm = Pattern.compile("its outputs equal torch's within ([0-9.e-]+) ").matcher(text);
        Matcher worst = Pattern.compile("the largest difference over the four fixtures is ([0-9.e-]+),").matcher(text);
        assertThat(lstm.find() && worst.find()).as("the README quotes both").isTrue();
        double largest = 0;
        for (Case c : BaselineFixtures.cases()) {
            Path model = work.resolve("fixture-" + c);
            assertThat(CliRunner.run("import", c.weights().toString(), "--out", model.toString()).exitCode()).isZero();
            Path result = work.resolve("fixture-" + c + ".npz");
            assertThat(CliRunner.run("simulate", "--model", model.toString(), "--input", c.inputFile().toString(),
                    "--out", result.toString()).exitCode()).isZero();
            float[] ours = Npz.read(result).get("outputs").toFloatArray();
            float[] torch = c.expected().toFloatArray();
            double difference = 0;
            for (int i = 0; i < ours.length; i++) {
                difference = Math.max(difference, Math.abs(ours[i] - torch[i]));
            }
            if (c.toString().equals("lstm24x1_in6_out1")) {
                assertThat(twoDigits(difference)).isEqualTo(twoDigits(Double.parseDouble(lstm.group(1))));
            }
            largest = Math.max(largest, difference);
        }
        assertThat(twoDigits(largest)).isEqualTo(twoDigits(Double.parseDouble(worst.group(1))));
    }

    /** A figure as the README rounds it: two significant digits. */
    private static String twoDigits(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }

    private List<String> block(String marker) {
        return ReadmeBlocks.block(readme, marker);
    }
}
