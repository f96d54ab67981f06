package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.OutputClaim;
import io.liquidlens.io.OutputFolders;
import io.liquidlens.testing.ToyTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs never destroy what they did not write: every case a hostile user tried, through the command
 * line, checking the exit code, the one error line, and that every file the user had is byte for byte as before.
 */
class OutputSafetyTest {
    @TempDir
    Path tmp;
    private Path model;
    private Path rollouts;

    @BeforeEach
    void files() throws IOException {
        model = TreeCommandTest.sample("sample-models/vector-lanekeeping");
        rollouts = Files.createDirectories(tmp.resolve("rollouts"));
        TreeCommandTest.writeEpisodes(rollouts, 4, 60);
    }

    private CliRunner tree(Path out) {
        return CliRunner.run("tree", "--model", model.toString(), "--rollouts", rollouts.toString(), "--label",
                "expert", "--folds", "2", "--out", out.toString());
    }

    /** Every file under {@code root} with its bytes, to compare before and after. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static void assertRefused(CliRunner run, String command, Path culprit, String... words) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        List<String> lines = run.err().lines().toList();
        assertThat(lines).as(run.err()).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).startsWith("liquidlens " + command + ": ").contains(culprit.toString());
        for (String w : words) {
            assertThat(last).containsIgnoringCase(w);
        }
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aFolderHoldingTheUsersFilesIsNeverReplaced() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("thesis"));
        Files.writeString(out.resolve("chapter1.tex"), "months of work");
        Map<String, String> before = snapshot(tmp);

        assertRefused(tree(out), "tree", out, "did not write", "chapter1.tex", "nothing was touched");
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void dynamicsNeverReplacesTheUsersFolderNorWritesIntoItsInputs() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("thesis"));
        Files.writeString(out.resolve("chapter1.tex"), "months of work");
        Map<String, String> before = snapshot(tmp);
        for (Path target : List.of(out, rollouts, tmp)) {
            CliRunner run = CliRunner.run("dynamics", "--model", model.toString(), "--rollouts", rollouts.toString(),
                    "--noise-trials", "0", "--out", target.toString());
            assertRefused(run, "dynamics", target);
        }
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void theRolloutsFolderIsNeverAnOutput() throws IOException {
        Map<String, String> before = snapshot(tmp);
        assertRefused(tree(rollouts), "tree", rollouts, "is an input of this run (rollouts");
        assertRefused(tree(tmp), "tree", tmp, "holds an input of this run (rollouts");
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void theModelFolderIsNeverAnOutputNorHoldsOne() throws IOException {
        Path copy = copyModel();
        Map<String, String> before = snapshot(tmp);
        CliRunner run = CliRunner.run("tree", "--model", copy.toString(), "--rollouts", rollouts.toString(), "--out",
                copy.toString());
        assertRefused(run, "tree", copy, "is an input of this run (model folder");
        run = CliRunner.run("tree", "--model", copy.toString(), "--rollouts", rollouts.toString(), "--out",
                copy.resolve("tree").toString());
        assertRefused(run, "tree", copy.resolve("tree"), "is inside an input of this run (model folder");
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void reportAndSaliencyRefuseTheirInputsToo() throws IOException {
        Path copy = copyModel();
        Map<String, String> before = snapshot(tmp);
        for (Path out : List.of(rollouts, copy, tmp, copy.resolve("report"))) {
            CliRunner run = CliRunner.run("report", "--models", copy.toString(), "--rollouts", rollouts.toString(),
                    "--method", "gradient", "--perturbations", "channels=0.3", "--out", out.toString());
            assertRefused(run, "report", out, "input of this run");
        }
        Path episode = rollouts.resolve("episode-0000.npz");
        CliRunner run = CliRunner.run("saliency", "--model", copy.toString(), "--rollout", episode.toString(), "--out",
                episode.toString());
        assertRefused(run, "saliency", episode, "is an input of this run (rollout");
        run = CliRunner.run("saliency", "--model", copy.toString(), "--rollout", episode.toString(), "--out",
                copy.resolve("weights.npz").toString());
        assertRefused(run, "saliency", copy.resolve("weights.npz"), "inside an input of this run (model folder");
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void anEarlierOutputIsReplacedButNotOnceTheUserAddedAFile() throws IOException {
        Path out = tmp.resolve("tree-out");
        assertThat(tree(out).exitCode()).isZero();
        assertThat(OutputFolders.read(out)).get().extracting(OutputFolders.Marker::command).isEqualTo("liquidlens tree");
        assertThat(tree(out).exitCode()).as("a LiquidLens output is replaced").isZero();

        Files.writeString(out.resolve("my-notes.txt"), "the tree looks odd at depth 3");
        Map<String, String> before = snapshot(tmp);
        assertRefused(tree(out), "tree", out, "my-notes.txt");
        assertThat(snapshot(tmp)).isEqualTo(before);
    }

    @Test
    void aReportNeverReplacesATrainedModel() throws IOException {
        Path data = ToyTask.writeRollouts(tmp.resolve("toy-data"), ToyTask.filteredSquareWave(8, 16, 3, 5));
        Path toy = ToyTask.writeModelJson(tmp.resolve("toy"), "LTC", 3, null);
        Path trained = tmp.resolve("trained");
        CliRunner train = CliRunner.run("train", "--model", toy.toString(), "--data", data.toString(), "--out",
                trained.toString(), "--epochs", "1", "--batch", "4", "--lr", "0.01");
        assertThat(train.exitCode()).as(train.err()).isZero();
        Map<String, String> before = snapshot(trained);

        assertRefused(tree(trained), "tree", trained, "liquidlens train", "does not replace");
        assertThat(snapshot(trained)).isEqualTo(before);
    }

    @Test
    void simulateNeverOverwritesItsInputOrWritesIntoTheModel() throws IOException {
        Path copy = copyModel();
        Path x = tmp.resolve("x.npy");
        Npy.write(x, NdArray.ofFloats(new int[] {1, 5, 6}, new float[30]));
        Map<String, String> before = snapshot(tmp);

        CliRunner run = CliRunner.run("simulate", "--model", copy.toString(), "--input", x.toString(), "--out",
                x.toString());
        assertRefused(run, "simulate", x, "is an input of this run (input");
        run = CliRunner.run("simulate", "--model", copy.toString(), "--input", x.toString(), "--out",
                copy.resolve("model.json").toString());
        assertRefused(run, "simulate", copy.resolve("model.json"), "model.json");
        run = CliRunner.run("simulate", "--model", copy.toString(), "--input", x.toString(), "--out",
                copy.resolve("result.npz").toString());
        assertRefused(run, "simulate", copy.resolve("result.npz"), "is inside an input of this run (model folder");
        assertThat(snapshot(tmp)).isEqualTo(before);

        Path result = tmp.resolve("result.npz");
        assertThat(CliRunner.run("simulate", "--model", copy.toString(), "--input", x.toString(), "--out",
                result.toString()).exitCode()).isZero();
        assertThat(CliRunner.run("simulate", "--model", copy.toString(), "--input", x.toString(), "--out",
                result.toString()).exitCode()).as("an earlier output file may be overwritten").isZero();
    }

    @Test
    void aSecondRunOnTheSameOutputIsRefusedAtOnceNamingTheFirst() throws IOException {
        Path out = tmp.resolve("busy");
        try (OutputClaim first = OutputClaim.by("liquidlens report").folder(out).claim()) {
            assertRefused(tree(out), "tree", out, "another LiquidLens run is writing it", "liquidlens report",
                    "pid " + ProcessHandle.current().pid());
        }
        assertThat(tree(out).exitCode()).as("free again once the first run ends").isZero();
    }

    @Test
    void leftoversOfAnInterruptedRunAreRemovedAndALostFolderIsPutBack() throws IOException {
        Path out = tmp.resolve("tree-out");
        Files.createDirectories(tmp.resolve(".tree-out.ll-tmp-4242-7"));
        Files.writeString(tmp.resolve(".tree-out.ll-tmp-4242-7/tree.json"), "half");
        Files.writeString(tmp.resolve(".tree-out.ll-tmp-4242-9"), "half a lock-free file");
        Files.writeString(tmp.resolve(".tree-out.1234567890123456789.tmp"), "a temporary of version 0.1");
        Files.writeString(tmp.resolve(".tree-out.ll-lock"), "pid 4242, liquidlens tree");
        Files.writeString(tmp.resolve(".tree-out.notes"), "the user's own hidden file");
        // the earlier output, moved aside by a run killed before its new folder arrived
        Path aside = Files.createDirectories(tmp.resolve(".tree-out.ll-old-4242-8"));
        OutputFolders.mark(aside, "liquidlens tree", List.of());

        assertThat(tree(out).exitCode()).isZero();

        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("rollouts", "tree-out",
                    ".tree-out.notes");
        }
    }

    @Test
    void anOutputWithTheLongestLegalNameIsWritten() throws IOException {
        Path out = tmp.resolve("t".repeat(244));
        assertThat(tree(out).exitCode()).isZero();
        assertThat(out.resolve("tree.json")).exists();
        Path result = tmp.resolve("r".repeat(251) + ".npz");
        Path x = tmp.resolve("x.npy");
        Npy.write(x, NdArray.ofFloats(new int[] {1, 5, 6}, new float[30]));
        CliRunner run = CliRunner.run("simulate", "--model", model.toString(), "--input", x.toString(), "--out",
                result.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(result).exists();
    }

    private Path copyModel() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("my-model"));
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(model)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        return copy;
    }
}
