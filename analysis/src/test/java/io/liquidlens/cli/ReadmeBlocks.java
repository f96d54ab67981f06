package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's marked command blocks, for the tests that run them as written. */
final class ReadmeBlocks {
    /** How a block's command lines call the command-line jar. */
    static final String JAR = "java -jar analysis/target/liquidlens.jar ";

    private ReadmeBlocks() {
    }

    /** The lines of the first fenced block after {@code marker} (an HTML comment such as {@code <!-- baseline:}). */
    static List<String> block(String readme, String marker) {
        int at = readme.indexOf(marker);
        assertThat(at).as("README has the block " + marker).isNotNegative();
        int open = readme.indexOf("```\n", at);
        int close = readme.indexOf("\n```", open + 4);
        return List.of(readme.substring(open + 4, close).split("\n"));
    }

    /**
     * A command line's arguments after the jar: files of the checkout are read where they are ({@code root}), every
     * {@code my-*} output goes to {@code work}.
     */
    static String[] arguments(String line, Path root, Path work) {
        List<String> out = new ArrayList<>();
        for (String arg : line.substring(JAR.length()).split(" ")) {
            if (arg.startsWith("sample-models/") || arg.startsWith("sample-traces/") || arg.startsWith("analysis/")) {
                out.add(root.resolve(arg).toString());
            } else if (arg.startsWith("my-")) {
                out.add(work.resolve(arg).toString());
            } else {
                out.add(arg);
            }
        }
        return out.toArray(String[]::new);
    }

    /** The checkout the tests run in. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isRegularFile(p.resolve("analysis/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no LiquidLens checkout above " + Path.of("").toAbsolutePath());
    }
}
