package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.NdArray;
import io.liquidlens.io.Npy;
import io.liquidlens.io.Npz;
import io.liquidlens.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every size from a file or an option is refused over its limit before anything
 * is allocated or run, bad option values give one line and exit 2 in every command, and the misleading
 * messages name the real problem. Each case: the exit code, exactly one line on stderr naming the file or
 * option and the limit, no stack trace, nothing written.
 */
class BoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode CASE = Fixtures.caseNamed("ltc.json", "ltc_autoncp19_1_default");
    private static final String HUGE = "1000000000";

    @TempDir
    Path tmp;
    Path model;
    Path input;
    Path out;

    @BeforeEach
    void goodModelAndInput() throws IOException {
        model = FixtureModelFolders.write(CASE, tmp.resolve("model"));
        input = tmp.resolve("x.npy");
        Npy.write(input, NdArray.ofFloats(Fixtures.shape(CASE.get("input")), Fixtures.floats(CASE.get("input"))));
        out = tmp.resolve("out");
    }

    /** A model.json edit, the words its one line must hold, and the file it must name. */
    record ManifestCase(String name, java.util.function.Consumer<ObjectNode> edit, String... words) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ManifestCase> oversizedManifests() {
        return Stream.of(
                new ManifestCase("FullyConnected wiring of 100000 units", m -> ncps(m).set("units",
                        JSON.createObjectNode().put("class", "FullyConnected").put("units", 100_000)),
                        "'units'", "100000", "limit of 10000"),
                new ManifestCase("dense units 10^9", m -> ncps(m).put("units", 1_000_000_000),
                        "'units'", HUGE, "limit of 10000"),
                new ManifestCase("input_size 10^9", m -> ncps(m).put("input_size", 1_000_000_000),
                        "'input_size'", HUGE, "limit of 1000000"),
                new ManifestCase("ode_unfolds 10^9", m -> ncps(m).put("ode_unfolds", 1_000_000_000),
                        "'ode_unfolds'", HUGE, "limit of 1000"),
                new ManifestCase("backbone_layers 10^9", m -> m.set("ncps", JSON.createObjectNode().put("class", "CfC")
                        .put("input_size", 2).put("units", 8).put("backbone_layers", 1_000_000_000)),
                        "'backbone_layers'", HUGE, "limit of 100"),
                new ManifestCase("backbone_units 10^9", m -> m.set("ncps", JSON.createObjectNode().put("class", "CfC")
                        .put("input_size", 2).put("units", 8).put("backbone_units", 1_000_000_000)),
                        "'backbone_units'", HUGE, "limit of 100000"),
                new ManifestCase("NCP layers of 10^9 neurons", m -> ncps(m).set("units", JSON.createObjectNode()
                        .put("class", "NCP").put("inter_neurons", 1_000_000_000).put("command_neurons", 4)
                        .put("motor_neurons", 1).put("sensory_fanout", 1).put("inter_fanout", 1)
                        .put("recurrent_command_synapses", 1).put("motor_fanin", 1)),
                        "'inter_neurons'", HUGE, "limit of 10000"),
                new ManifestCase("conv out 10^9", m -> withHead(m, 1_000_000_000), "'out'", HUGE, "limit of 1000000"),
                new ManifestCase("conv out giving a map over the frame limit", m -> withHead(m, 900_000),
                        "900000x", "limit of 134217728"),
                new ManifestCase("weights outside the folder", m -> m.put("weights", "../elsewhere.pt"),
                        "outside the model folder", "--allow-outside-weights"),
                new ManifestCase("weights by an absolute path", m -> m.put("weights", "/etc/passwd.pt"),
                        "outside the model folder"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedManifests")
    void aManifestOverALimitIsRefusedBeforeAnythingIsAllocated(ManifestCase c) throws IOException {
        editManifest(c.edit());
        assertOneLine(simulate(), 1, model.resolve("model.json").getFileName().toString(), c.words());
    }

    @Test
    void contentAfterTheManifestObjectIsAnError() throws IOException {
        Files.writeString(model.resolve("model.json"), Files.readString(model.resolve("model.json")) + "\n{}\n",
                StandardCharsets.UTF_8);
        assertOneLine(simulate(), 1, "model.json", "content after the JSON object");
    }

    @Test
    void weightsOutsideTheFolderAreReadWhenTheUserAllowsIt() throws IOException {
        Path elsewhere = tmp.resolve("elsewhere.pt");
        Files.move(model.resolve("model.pt"), elsewhere);
        editManifest(m -> m.put("weights", "../elsewhere.pt"));
        assertOneLine(simulate(), 1, "model.json", "outside the model folder");

        CliRunner allowed = CliRunner.run("--allow-outside-weights", "simulate", "--model", model.toString(),
                "--input", input.toString(), "--out", out.toString());
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(System.getProperty(io.liquidlens.io.ModelFolder.ALLOW_OUTSIDE_WEIGHTS))
                .as("the permission lasts one run").isNull();
        Files.delete(out);
        assertOneLine(simulate(), 1, "model.json", "outside the model folder");
    }

    @Test
    void aFifoAsTheWeightsFileFailsAtOnce() throws Exception {
        Path pt = model.resolve("model.pt");
        Files.delete(pt);
        assumeTrue(mkfifo(pt), "mkfifo is available");
        assertOneLine(simulate(), 1, "model.pt", "not a regular file");
    }

    @Test
    void aFifoAsTheInputFailsAtOnce() throws Exception {
        Files.delete(input);
        assumeTrue(mkfifo(input), "mkfifo is available");
        assertOneLine(simulate(), 1, "x.npy", "not a regular file");
    }

    @Test
    void aFolderWhereAFileIsExpectedIsNamedAsSuch() throws IOException {
        Files.delete(input);
        Files.createDirectory(input);
        assertOneLine(simulate(), 1, "x.npy", "is a folder");
    }

    @Test
    void inputsWithoutSequencesSayThatInsteadOfZeroValuesPerStep() throws IOException {
        Npy.write(input, NdArray.ofFloats(new int[] {0, 20, 2}, new float[0]));
        CliRunner run = simulate();
        assertOneLine(run, 1, "x.npy", "no sequences or no steps", "[0, 20, 2]");
        assertThat(run.err()).doesNotContain("values per step");
    }

    @Test
    void aDuplicateNpzEntryIsCalledADuplicate() throws IOException {
        Path rollout = tmp.resolve("dup.npz");
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("inputs", NdArray.ofFloats(new int[] {3, 2}, new float[6]));
        arrays.put("inputz", NdArray.ofFloats(new int[] {3, 2}, new float[6]));
        Npz.write(rollout, arrays);
        // same length names, so only the names change: the archive is well formed but holds inputs.npy twice
        byte[] bytes = Files.readAllBytes(rollout);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("inputz.npy", "inputs.npy");
        Files.write(rollout, latin.getBytes(StandardCharsets.ISO_8859_1));
        input = rollout;
        CliRunner run = simulate();
        assertOneLine(run, 1, "dup.npz", "inputs.npy twice");
        assertThat(run.err()).doesNotContain("corrupt");
    }

    static Stream<Arguments> oversizedOptions() {
        return Stream.of(
                Arguments.of("tree --bins", List.of("tree", "--model", "MODEL", "--rollouts", "MODEL", "--bins", HUGE,
                        "--out", "OUT"), List.of("--bins", HUGE, "limit of 1000")),
                Arguments.of("tree --folds", List.of("tree", "--model", "MODEL", "--rollouts", "MODEL", "--folds", HUGE,
                        "--out", "OUT"), List.of("--folds", HUGE, "limit of 1000")),
                Arguments.of("tree --max-rows", List.of("tree", "--model", "MODEL", "--rollouts", "MODEL", "--max-rows",
                        HUGE, "--out", "OUT"), List.of("--max-rows", HUGE, "limit of 1000000")),
                Arguments.of("tree --level neuron --max-rows", List.of("tree", "--level", "neuron", "--model", "MODEL",
                        "--rollouts", "MODEL", "--max-rows", HUGE, "--out", "OUT"), List.of("--max-rows", HUGE,
                        "limit of 1000000")),
                Arguments.of("tree --level neuron --bins", List.of("tree", "--level", "neuron", "--model", "MODEL",
                        "--rollouts", "MODEL", "--bins", HUGE, "--out", "OUT"), List.of("--bins", HUGE, "limit of 1000")),
                Arguments.of("dynamics --noise-trials", List.of("dynamics", "--model", "MODEL", "--rollouts",
                        "MODEL", "--noise-trials", HUGE, "--out", "OUT"), List.of("--noise-trials", HUGE,
                        "limit of 64")),
                Arguments.of("saliency --window", List.of("saliency", "--model", "MODEL", "--rollout", "INPUT",
                        "--window", "100000", "--out", "OUT"), List.of("--window", "100000", "limit of 10000")),
                Arguments.of("report --episodes", report("--episodes", HUGE), List.of("--episodes", HUGE,
                        "limit of 10000")),
                Arguments.of("report --episode-steps", report("--episode-steps", HUGE), List.of("--episode-steps",
                        HUGE, "limit of 1000000")),
                Arguments.of("report --frames", report("--frames", HUGE), List.of("--frames", HUGE, "limit of 100000")),
                Arguments.of("report --overlays", report("--overlays", HUGE), List.of("--overlays", HUGE,
                        "limit of 1000")),
                Arguments.of("report ig:steps", report("--method", "ig:steps=" + HUGE), List.of("steps", HUGE,
                        "limit of 10000")),
                Arguments.of("report smoothgrad:samples", report("--method", "smoothgrad:samples=" + HUGE),
                        List.of("samples", HUGE, "limit of 10000")),
                Arguments.of("report occlusion:patch", report("--method", "occlusion:patch=" + HUGE),
                        List.of("patch", HUGE, "limit of 16384")),
                Arguments.of("evaluate --episodes", List.of("evaluate", "--model", "expert", "--episodes", HUGE,
                        "--steps", "10", "--seed", "1"), List.of("--episodes", HUGE, "limit of 10000")),
                Arguments.of("evaluate --steps", List.of("evaluate", "--model", "expert", "--episodes", "1",
                        "--steps", HUGE, "--seed", "1"), List.of("--steps", HUGE, "limit of 1000000")),
                Arguments.of("evaluate noise-channels", List.of("evaluate", "--model", "expert", "--episodes", "1",
                        "--steps", "10", "--seed", "1", "--sensor", "vector", "--distractors",
                        "noise-channels:" + HUGE), List.of("noise-channels", HUGE, "limit of 1000")),
                Arguments.of("record --steps past the road", List.of("record", "--episodes", "1", "--steps", "1000000",
                        "--seed", "1", "--out", "OUT"), List.of("--steps", "1000000 x --speed 10 m/s x dt 0.1 s",
                        "over the limit of 1000000 m", "at most 999870 steps")),
                Arguments.of("evaluate --steps past the road at --speed 40", List.of("evaluate", "--model", "expert",
                        "--episodes", "1", "--steps", "300000", "--speed", "40", "--seed", "1"), List.of("--steps",
                        "--speed 40 m/s", "at most 249967 steps")),
                Arguments.of("report --episode-steps past the road", report("--episode-steps", "1000000"),
                        List.of("--episode-steps", "1000000", "at most 999870 steps")),
                Arguments.of("record --episodes", List.of("record", "--episodes", HUGE, "--steps", "10", "--seed", "1",
                        "--out", "OUT"), List.of("--episodes", HUGE, "limit of 10000")),
                Arguments.of("train --epochs", List.of("train", "--model", "MODEL", "--data", "INPUT", "--epochs",
                        HUGE, "--out", "OUT"), List.of("epochs", HUGE, "limit of 1000000")),
                Arguments.of("train --batch", List.of("train", "--model", "MODEL", "--data", "INPUT", "--batch",
                        HUGE, "--out", "OUT"), List.of("batch", HUGE, "limit of 100000")),
                Arguments.of("train --preset --data-episodes", List.of("train", "--preset", "vector-lanekeeping",
                        "--data-episodes", HUGE, "--out", "OUT"), List.of("--data-episodes", HUGE, "limit of 10000")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedOptions")
    void anOptionOverItsLimitIsBadUsage(String name, List<String> args, List<String> words) {
        CliRunner run = CliRunner.run(substitute(args).toArray(String[]::new));
        assertOneLine(run, 2, words.get(0), words.subList(1, words.size()).toArray(String[]::new));
        assertThat(run.err()).contains("--help");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(List.of("tree", "--model", "MODEL", "--rollouts", "MODEL", "--bins", "abc", "--out",
                        "OUT"), "--bins"),
                Arguments.of(List.of("tree", "--model", "MODEL", "--rollouts", "MODEL", "--bins", "1", "--out",
                        "OUT"), "--bins"),
                Arguments.of(List.of("tree", "--model", "MODEL", "--rollouts", "MODEL", "--max-rows", "0", "--out",
                        "OUT"), "--max-rows"),
                Arguments.of(List.of("train", "--model", "MODEL", "--data", "INPUT", "--epochs", "-1", "--out", "OUT"),
                        "epochs"),
                Arguments.of(List.of("train", "--model", "MODEL", "--data", "INPUT", "--lr", "fast", "--out", "OUT"),
                        "--lr"),
                Arguments.of(List.of("saliency", "--model", "MODEL", "--rollout", "INPUT", "--window", "-1", "--out",
                        "OUT"), "--window"),
                Arguments.of(List.of("saliency", "--model", "MODEL", "--rollout", "INPUT", "--window", "x", "--out",
                        "OUT"), "--window"),
                Arguments.of(report("--episodes", "-1"), "--episodes"),
                Arguments.of(report("--frames", "many"), "--frames"),
                Arguments.of(List.of("evaluate", "--model", "expert", "--episodes", "0", "--steps", "10", "--seed",
                        "1"), "--episodes"),
                Arguments.of(List.of("record", "--episodes", "1", "--steps", "10", "--seed", "1", "--sensor", "sonar",
                        "--out", "OUT"), "sonar"),
                Arguments.of(List.of("simulate", "--model", "MODEL", "--input", "INPUT", "--out", "OUT", "--bogus"),
                        "--bogus"),
                Arguments.of(List.of("simulate", "--model", "MODEL"), "--input"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void everyCommandSaysABadValueInOneLineWithExitCodeTwo(List<String> args, String option) {
        CliRunner run = CliRunner.run(substitute(args).toArray(String[]::new));
        assertOneLine(run, 2, option);
        assertThat(run.err()).doesNotContain("Usage:").contains("--help");
    }

    @Test
    void helpStillShowsTheUsage() {
        CliRunner run = CliRunner.run("tree", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: liquidlens tree");
    }

    @Test
    void anOutOfMemoryErrorIsOneLineWhereverItIsWrapped() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        for (Throwable t : List.of(oom, new ExecutionException(oom), new RuntimeException(new RuntimeException(oom)))) {
            assertThat(LiquidLensCli.oneLine(t)).startsWith("out of memory").contains("-Xmx").doesNotContain("\n");
        }
    }

    @Test
    void nothingPrintedAfterTheErrorReachesStderr() {
        java.io.StringWriter sink = new java.io.StringWriter();
        LiquidLensCli.LastWord err = new LiquidLensCli.LastWord(new java.io.PrintWriter(sink));
        err.println("progress 10%");
        err.last("liquidlens report: broken", new IllegalStateException());
        err.println("progress 20%");
        err.printf("progress %d%%%n", 30);
        err.flush();
        assertThat(sink.toString().lines().toList()).containsExactly("progress 10%", "liquidlens report: broken");
    }

    private List<String> substitute(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            out.add(switch (a) {
                case "MODEL" -> model.toString();
                case "INPUT" -> input.toString();
                case "OUT" -> this.out.toString();
                default -> a;
            });
        }
        return out;
    }

    private static List<String> report(String option, String value) {
        return List.of("report", "--models", "MODEL", "--rollouts", "INPUT", option, value, "--out", "OUT");
    }

    private CliRunner simulate() {
        return CliRunner.run("simulate", "--model", model.toString(), "--input", input.toString(), "--out",
                out.toString());
    }

    private void assertOneLine(CliRunner run, int exitCode, String culprit, String... words) {
        String err = run.err().strip();
        assertThat(run.exitCode()).as("exit code; stderr: " + err).isEqualTo(exitCode);
        assertThat(err.lines().count()).as("one line: " + err).isEqualTo(1);
        assertThat(err).contains(culprit).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("internal error");
        for (String w : words) {
            assertThat(err).containsIgnoringCase(w);
        }
        assertThat(out).as("nothing written").doesNotExist();
    }

    private static ObjectNode ncps(ObjectNode manifest) {
        return (ObjectNode) manifest.get("ncps");
    }

    /** A camera head whose first conv has {@code out} channels, in front of the fixture's cell. */
    private static void withHead(ObjectNode manifest, int out) {
        ObjectNode head = manifest.putObject("head");
        head.putArray("input_shape").add(32).add(96).add(3);
        ObjectNode conv = head.putArray("layers").addObject();
        conv.put("type", "conv2d").put("in", 3).put("out", out).put("kernel", 5).put("stride", 2).put("padding", 2);
        head.withArray("layers").addObject().put("type", "flatten");
        ObjectNode inputs = manifest.putObject("inputs");
        inputs.put("kind", "image");
        inputs.putArray("shape").add(32).add(96).add(3);
    }

    private void editManifest(java.util.function.Consumer<ObjectNode> edit) throws IOException {
        Path file = model.resolve("model.json");
        ObjectNode m = (ObjectNode) JSON.readTree(Files.readString(file));
        edit.accept(m);
        Files.writeString(file, JSON.writeValueAsString(m));
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
