package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.dynamics.DynamicsOptions;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.RolloutSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code liquidlens dynamics} end to end on short cuts of the vector and camera samples, and its bad input. */
class DynamicsCommandTest {

    private static String sample(String what) {
        return TreeCommandTest.sample(what).toString();
    }

    /** The first {@code steps} steps of the first {@code episodes} episodes of a sample folder, into {@code to}. */
    private static Path cut(String folder, Path to, int episodes, int steps, boolean world) throws IOException {
        Files.createDirectories(to);
        List<Path> files = Rollouts.listRecursively(List.of(Path.of(sample(folder))));
        for (int e = 0; e < episodes; e++) {
            Rollout r = RolloutSlices.head(Rollouts.read(files.get(e)), steps);
            if (!world) {
                r = new Rollout(r.inputs(), r.timespans(), r.actions(), r.states(), null, List.of(), r.position(),
                        null, Map.of());
            }
            Rollouts.write(to.resolve(String.format("episode-%04d.npz", e)), r);
        }
        return to;
    }

    @Test
    void theVectorSampleGetsEveryFileAndASummaryLine(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-lanekeeping/clean", dir.resolve("r"), 2, 80, true);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dynamics", "--model", sample("sample-models/vector-lanekeeping"), "--rollouts",
                rollouts.toString(), "--noise-trials", "1", "--map-neuron", "C1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("vector-lanekeeping (LTC): PC1 explains ")
                .contains("of the variance of 8 neurons (motor neurons left out); median L_max ")
                .contains("1 model(s) over 2 rollout(s) in ").contains("wrote " + out);
        assertThat(r.err()).contains("dynamics: model 1 of 1, vector-lanekeeping");
        for (String f : List.of("dynamics.json", "dynamics.csv", "dynamics.pdf", "scree.svg", "trajectory.svg",
                "map.svg", "output.svg", "lmax.svg", "tau.svg")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("map.svg"))).contains("The drive coloured by command 1 (id 2)");
        JsonNode json = new ObjectMapper().readTree(out.resolve("dynamics.json").toFile());
        assertThat(json.get("options").get("map_neuron").asText()).isEqualTo("C1");
        assertThat(json.get("models").get(0).get("map_neuron").asText()).isEqualTo("command 1 (id 2)");
        assertThat(json.get("provenance").get("options").get("include_motor").asText()).isEqualTo("false");
    }

    @Test
    void theMapTakesANeuronsTimeConstantWithTau(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-lanekeeping/clean", dir.resolve("r"), 1, 60, true);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dynamics", "--model", sample("sample-models/vector-lanekeeping"), "--rollouts",
                rollouts.toString(), "--noise-trials", "0", "--map-neuron", "c1:TAU", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(out.resolve("map.svg")))
                .contains("The drive coloured by command 1 (id 2)&apos;s time constant");
        JsonNode json = new ObjectMapper().readTree(out.resolve("dynamics.json").toFile());
        assertThat(json.get("models").get(0).get("map_quantity").asText()).isEqualTo("tau");
        assertThat(json.get("options").get("map_neuron").asText()).isEqualTo("c1:tau");
        Path out2 = dir.resolve("out2");
        CliRunner pc1 = CliRunner.run("dynamics", "--model", sample("sample-models/vector-lanekeeping"), "--rollouts",
                rollouts.toString(), "--map-neuron", "pc1:tau", "--out", out2.toString());
        assertThat(pc1.exitCode()).isEqualTo(2);
        assertThat(pc1.err()).contains("--map-neuron pc1:tau: pc1 has no time constant");
        assertThat(out2).doesNotExist();
    }

    @Test
    void aRerunWithTheSameOptionsGivesTheSameBytes(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-lanekeeping/clean", dir.resolve("r"), 2, 40, true);
        for (String out : List.of("first", "second")) {
            CliRunner r = CliRunner.run("dynamics", "--model", sample("sample-models/vector-lanekeeping"),
                    "--rollouts", rollouts.toString(), "--noise-trials", "2", "--seed", "3", "--out",
                    dir.resolve(out).toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        for (String f : List.of("dynamics.json", "dynamics.csv", "output.svg")) {
            assertThat(Files.readAllBytes(dir.resolve("second").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("first").resolve(f)));
        }
    }

    @Test
    void theCameraSampleRunsFromItsFramesAndDrawsTheMap(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/ncp-lanekeeping/clean", dir.resolve("r"), 1, 40, true);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dynamics", "--model", sample("sample-models/ncp-lanekeeping"), "--rollouts",
                rollouts.toString(), "--include-motor", "--noise-trials", "0", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("of the variance of 19 neurons (motor neurons included)");
        assertThat(out.resolve("map.svg")).isNotEmptyFile();
        JsonNode pca = new ObjectMapper().readTree(out.resolve("dynamics.json").toFile()).get("models").get(0)
                .get("pca");
        assertThat(pca.get("motor_included").asBoolean()).isTrue();
        assertThat(pca.get("neurons")).hasSize(19);
    }

    @Test
    void severalModelsAreComparedOverTheSameRollouts(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-study", dir.resolve("r"), 1, 50, true);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dynamics", "--models", sample("sample-models/vector-study/ncp-s1"),
                sample("sample-models/vector-study/cfc-s1"), "--rollouts", rollouts.toString(), "--noise-trials", "0",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(3);
        assertThat(out.resolve("comparison.svg")).isNotEmptyFile();
        assertThat(out.resolve("ncp-s1-scree.svg")).isNotEmptyFile();
        assertThat(out.resolve("cfc-s1-tau.svg")).isNotEmptyFile();
        JsonNode comparison = new ObjectMapper().readTree(out.resolve("dynamics.json").toFile()).get("comparison");
        assertThat(comparison).extracting(c -> c.get("model").asText()).containsExactly("ncp-s1", "cfc-s1");
    }

    @Test
    void groupsOfSeedsAreSummarisedByTheirMembersMeanAndRange(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-study", dir.resolve("r"), 1, 50, true);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dynamics", "--models", "ncp=" + sample("sample-models/vector-study/ncp-s1") + ","
                + sample("sample-models/vector-study/ncp-s2"), "cfc=" + sample("sample-models/vector-study/cfc-s1"),
                "--rollouts", rollouts.toString(), "--noise-trials", "0", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("dynamics.json").toFile());
        assertThat(json.get("comparison")).extracting(c -> c.get("model").asText())
                .containsExactly("ncp/ncp-s1", "ncp/ncp-s2", "cfc/cfc-s1");
        JsonNode ncp = json.get("groups").get(0);
        assertThat(ncp.get("name").asText()).isEqualTo("ncp");
        double s1 = json.get("comparison").get(0).get("pc1_share").asDouble();
        double s2 = json.get("comparison").get(1).get("pc1_share").asDouble();
        assertThat(ncp.get("pc1_share").get("mean").asDouble()).isCloseTo((s1 + s2) / 2, within(1e-15));
        assertThat(ncp.get("pc1_share").get("min").asDouble()).isEqualTo(Math.min(s1, s2));
        assertThat(ncp.get("pc1_share").get("max").asDouble()).isEqualTo(Math.max(s1, s2));
        assertThat(r.out()).contains(String.format(java.util.Locale.ROOT,
                "group ncp (2 model(s)): PC1 share mean %.1f%% (%.1f-%.1f%%)", 50 * (s1 + s2),
                100 * Math.min(s1, s2), 100 * Math.max(s1, s2)));
        assertThat(out.resolve("groups.svg")).isNotEmptyFile();
        assertThat(out.resolve("ncp_ncp-s2-scree.svg")).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("dynamics.csv"))).contains("ncp,,group.pc1_share.mean,");
        assertThat(bad("--models", "=" + sample("sample-models/vector-study/ncp-s1"), "--rollouts",
                rollouts.toString(), "--out", out.toString())).contains("the group needs a name before '='");
    }

    @Test
    void rolloutsWithoutWorldColumnsSayWhichAreMissingAndTheRestIsWritten(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-lanekeeping/clean", dir.resolve("r"), 1, 30, false);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dynamics", "--model", sample("sample-models/vector-lanekeeping"), "--rollouts",
                rollouts.toString(), "--noise-trials", "0", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("note: vector-lanekeeping: episode-0000.npz has no world columns x, y");
        assertThat(out.resolve("map.svg")).doesNotExist();
        assertThat(out.resolve("scree.svg")).isNotEmptyFile();
        assertThat(out.resolve("dynamics.json")).isNotEmptyFile();
    }

    @Test
    void fewerThanTwoStepsInAllIsOneLineAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-lanekeeping/clean", dir.resolve("r"), 1, 1, true);
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("dynamics", "--model", sample("sample-models/vector-lanekeeping"), "--rollouts",
                rollouts.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(lines.size() - 1)).startsWith("liquidlens dynamics: " + rollouts)
                .contains("1 step(s) in all; the dynamics need at least 2");
        assertThat(out).doesNotExist();
    }

    @Test
    void badOptionsAreOneLineNamingTheOption(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/vector-lanekeeping/clean", dir.resolve("r"), 1, 20, true);
        String model = sample("sample-models/vector-lanekeeping");
        String out = dir.resolve("out").toString();
        assertThat(bad("--model", model, "--rollouts", rollouts.toString(), "--noise", "0", "--out", out))
                .contains("--noise must be in (0, 1], got 0.0");
        assertThat(bad("--model", model, "--rollouts", rollouts.toString(), "--noise-trials", "65", "--out", out))
                .contains("--noise-trials 65 is over the limit of 64");
        assertThat(bad("--model", model, "--rollouts", rollouts.toString(), "--noise-trials", "-1", "--out", out))
                .contains("--noise-trials must be 0 or more, got -1");
        assertThat(bad("--model", model, "--models", model, "--rollouts", rollouts.toString(), "--out", out))
                .contains("give --model DIR or --models DIR..., not both");
        assertThat(bad("--model", model, "--rollouts", rollouts.toString(), "--map-neuron", "Q9", "--out", out))
                .contains("--map-neuron Q9: model vector-lanekeeping has no such neuron")
                .contains("its neurons: M0, C0, C1, C2, I0");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void rolloutsThatDoNotFitTheModelAreOneLineNamingTheModelAndTheRollout(@TempDir Path dir) throws IOException {
        Path rollouts = cut("sample-traces/ncp-lanekeeping/clean", dir.resolve("r"), 1, 3, true);
        String model = sample("sample-models/vector-lanekeeping");
        CliRunner r = CliRunner.run("dynamics", "--model", model, "--rollouts", rollouts.toString(), "--out",
                dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("liquidlens dynamics: " + model
                + ": episode-0000.npz: the rollout has 9216 values per step but the model takes 6");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private static String bad(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "dynamics";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRunner r = CliRunner.run(all);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        return r.err();
    }

    @Test
    void theDefaultsAreTheOptionsRecordsDefaults() {
        DynamicsCommand c = new DynamicsCommand();
        new CommandLine(c).parseArgs("--model", "m", "--rollouts", "r", "--out", "o");
        DynamicsOptions d = DynamicsOptions.defaults();
        assertThat(new DynamicsOptions(c.includeMotor, c.noise, c.noiseTrials, c.seed)).isEqualTo(d);
        assertThat(c.mapNeuron).isEqualTo("pc1");
    }
}
