package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as its own process, where the working folder and signals are real: outputs that would take the
 * working folder are refused, and a run stopped with Ctrl-C (SIGINT) or SIGTERM in the middle of writing leaves
 * nothing behind.
 */
class OutputProcessTest {
    @TempDir
    Path tmp;

    /** Starts {@code liquidlens ARGS} in {@code cwd}, with this test's class path. */
    private static Process start(Path cwd, Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LiquidLensCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static String names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return String.join(" ", s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void theWorkingFolderAndItsParentsAreNeverReplaced() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("home/work"));
        Files.writeString(work.resolve("notes.txt"), "mine");
        Files.writeString(tmp.resolve("home/sibling.txt"), "mine too");
        for (String out : List.of(".", "..", work.toString(), "../..")) {
            Path log = tmp.resolve("log.txt");
            Process p = start(work, log, "record", "--episodes", "1", "--steps", "5", "--seed", "1", "--out", out);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(said).isEqualTo(1);
            assertThat(said.strip().lines().toList()).as(said).hasSize(1);
            assertThat(said).contains("working folder");
        }
        assertThat(work.resolve("notes.txt")).hasContent("mine");
        assertThat(tmp.resolve("home/sibling.txt")).hasContent("mine too");
        assertThat(names(tmp.resolve("home"))).isEqualTo("sibling.txt work");
        assertThat(names(work)).isEqualTo("notes.txt");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSecondProcessIsRefusedAndARunStoppedWithCtrlCOrSigtermLeavesNothingBehind() throws Exception {
        for (String signal : List.of("INT", "TERM")) {
            Path work = Files.createDirectories(tmp.resolve("run-" + signal));
            Path out = work.resolve("episodes");
            Path log = tmp.resolve("log-" + signal + ".txt");
            Process p = start(work, log, "record", "--episodes", "400", "--steps", "300", "--seed", "3", "--out",
                    out.toString());
            // wait until the run is writing: its temporary folder beside the output holds a first episode
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!writing(work) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(writing(work)).as(Files.readString(log)).isTrue();
            assertThat(names(work)).contains(".episodes.ll-lock");
            // a second run on the same output, from another process, is refused at once naming the first
            CliRunner second = CliRunner.run("record", "--episodes", "1", "--steps", "5", "--seed", "1", "--out",
                    out.toString());
            assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
            assertThat(second.err().strip()).doesNotContain("\n")
                    .contains("another LiquidLens run is writing it (pid " + p.pid() + ", liquidlens record");
            assertThat(writing(work)).as("the first run goes on").isTrue();
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(names(work)).as("after SIG" + signal).isEmpty();
        }
    }

    private static boolean writing(Path work) throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            for (Path p : s.toList()) {
                if (p.getFileName().toString().startsWith(".episodes.ll-tmp-") && Files.isDirectory(p)) {
                    try (Stream<Path> inside = Files.list(p)) {
                        if (inside.findAny().isPresent()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
