package io.liquidlens.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.liquidlens.tree.weka.J48Learner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DOT we write is valid twice over: a strict check of the DOT grammar subset we use, here in Java (so the test
 * never passes silently), and Graphviz's own parser when {@code dot} is installed (.ci/run installs it).
 */
class DotExportTest {

    private static String sampleDot() {
        TreeDataset data = SyntheticData.rule(4, 200, 0.1, 9);
        DecisionTree tree = new J48Learner().learn(data, SyntheticData.all(data), J48Options.defaults());
        return DotExport.dot(tree, List.of("a \"quoted\" header", "classes: right; straight; left \\ back"));
    }

    @Test
    void dotFollowsTheGrammarAndNamesNeuronsThresholdsCountsAndColours() {
        String dot = sampleDot();
        StrictDot.Graph g = StrictDot.parse(dot);
        assertThat(g.nodes()).hasSizeGreaterThan(3);
        assertThat(g.edges()).hasSize(g.nodes().size() - 1);
        assertThat(g.nodes().values()).anySatisfy(a -> assertThat(a.get("label")).startsWith("command 1 (id 2)\n"));
        assertThat(g.nodes().values()).allSatisfy(a -> {
            assertThat(a.get("fillcolor")).matches("#[0-9a-f]{6}");
            assertThat(a.get("label")).contains("right ").contains("straight ").contains("left ");
        });
        assertThat(g.edges()).allSatisfy(e -> assertThat(e.get("label")).matches("(<=|>) -?[0-9.e-]+"));
        assertThat(g.graphLabel()).contains("a \"quoted\" header\nclasses");
    }

    @Test
    void graphvizRendersIt(@TempDir Path dir) throws IOException, InterruptedException {
        assumeThat(onPath("dot")).as("Graphviz 'dot' is not installed (apt-get install graphviz); the strict Java"
                + " check above still ran").isTrue();
        Path file = dir.resolve("tree.dot");
        Files.writeString(file, sampleDot(), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("dot", "-Tsvg", "-o", dir.resolve("tree.svg").toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("no warnings").isEmpty();
        assertThat(Files.readString(dir.resolve("tree.svg"))).contains("command 1 (id 2)");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
