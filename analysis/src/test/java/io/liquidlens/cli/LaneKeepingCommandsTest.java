package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.Npz;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code liquidlens record} and {@code liquidlens evaluate} end to end, including a small model trained on recorded data. */
class LaneKeepingCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void recordWritesOneReadableRolloutPerEpisodeWithProvenance() throws Exception {
        Path out = tmp.resolve("data");
        CliRunner run = CliRunner.run("record", "--out", out.toString(), "--episodes", "3", "--steps", "40", "--seed", "7",
                "--dart", "0.02", "--distractors", "noise-channels,spurious", "--noise", "0.1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("recorded 3 episodes of 40 steps (expert driving, vector sensor)");
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly(".liquidlens-output", "episode-0000.npz", "episode-0001.npz", "episode-0002.npz");
        Rollout r = Rollouts.read(files.get(2));
        assertThat(r.inputs().shape()).containsExactly(40, 6);
        assertThat(r.actions().shape()).containsExactly(40, 1);
        assertThat(r.world().shape()).containsExactly(40, 10);
        assertThat(r.worldNames()).startsWith("d", "d_lane", "mu", "kappa", "s", "x", "y");
        assertThat(r.position().shape()).containsExactly(40, 2);
        assertThat(r.timespans()).isNull();
        JsonNode provenance = JSON.readTree(r.extras().get("provenance").toStringArray()[0]);
        assertThat(provenance.get("command").asText()).isEqualTo("liquidlens record");
        assertThat(provenance.at("/options/episode").asText()).isEqualTo("1");
        assertThat(provenance.at("/options/dart").asText()).isEqualTo("0.02");

        // the same command into another folder writes the same arrays
        Path again = tmp.resolve("again");
        CliRunner.run("record", "--out", again.toString(), "--episodes", "3", "--steps", "40", "--seed", "7", "--dart",
                "0.02", "--distractors", "noise-channels,spurious", "--noise", "0.1");
        assertThat(Npz.read(again.resolve("episode-0002.npz"))).isEqualTo(Npz.read(files.get(3)));

        // a folder that already holds rollouts is never mixed into
        CliRunner twice = CliRunner.run("record", "--out", out.toString(), "--episodes", "1", "--steps", "5", "--seed", "8");
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err()).contains(out.toString()).contains("already holds .npz rollouts");
    }

    @Test
    void evaluateTheExpertPrintsOneJsonObjectWithTheMetrics() throws Exception {
        CliRunner run = CliRunner.run("evaluate", "--model", "expert", "--episodes", "4", "--steps", "300", "--seed", "1",
                "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonNode j = JSON.readTree(run.out());
        assertThat(j.get("model").asText()).isEqualTo("expert");
        assertThat(j.get("episodes").asInt()).isEqualTo(4);
        assertThat(j.get("steps").asInt()).isEqualTo(300);
        assertThat(j.get("seed").asLong()).isEqualTo(1);
        assertThat(j.get("held_out").asBoolean()).isTrue();
        assertThat(j.get("crashes").asInt()).isZero();
        assertThat(j.get("mean_abs_d").asDouble()).isBetween(0.0, 0.1);
        assertThat(j.get("max_abs_d").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("mean_abs_action_error").asDouble()).isZero();
        assertThat(j.get("per_episode")).hasSize(4);
        assertThat(j.at("/options/noise").asDouble()).isZero();
        assertThat(j.at("/provenance/command").asText()).isEqualTo("liquidlens evaluate");
        // the same seed drives the same roads
        assertThat(CliRunner.run("evaluate", "--model", "expert", "--episodes", "4", "--steps", "300", "--seed", "1",
                "--json").out()).isEqualTo(run.out());
    }

    @Test
    void aSmallModelTrainedOnRecordedDataDrivesInEvaluateAndRecordsItsStates() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(CliRunner.run("record", "--out", data.toString(), "--episodes", "6", "--steps", "96", "--seed", "3",
                "--dart", "0.02").exitCode()).isZero();
        Path model = ToyTask.writeModelJson(tmp.resolve("init"), "CfC", 3, null);
        Path trained = tmp.resolve("trained");
        CliRunner train = CliRunner.run("train", "--model", model.toString(), "--data", data.toString(), "--out",
                trained.toString(), "--epochs", "3", "--batch", "8", "--lr", "0.01");
        assertThat(train.exitCode()).as(train.err()).isZero();

        CliRunner eval = CliRunner.run("evaluate", "--model", trained.toString(), "--episodes", "2", "--steps", "100",
                "--seed", "4", "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        JsonNode j = JSON.readTree(eval.out());
        assertThat(j.get("model").asText()).isEqualTo(trained.toString());
        assertThat(j.get("sensor").asText()).isEqualTo("vector");
        assertThat(j.get("crashes").asInt()).isGreaterThanOrEqualTo(0);
        // a network is not the expert: its actions differ, but by a finite amount
        assertThat(j.get("mean_abs_action_error").asDouble()).isGreaterThan(0).isLessThan(1);

        Path driven = tmp.resolve("driven");
        CliRunner rec = CliRunner.run("record", "--model", trained.toString(), "--out", driven.toString(), "--episodes",
                "1", "--steps", "30", "--seed", "4", "--held-out");
        assertThat(rec.exitCode()).as(rec.err()).isZero();
        Rollout r = Rollouts.read(driven.resolve("episode-0000.npz"));
        assertThat(r.states().shape()).containsExactly(30, 8);
        assertThat(rec.out()).contains(trained.toString());
    }

    @Test
    void recordWithTheCameraWritesLabelledFramesAndDistractorsAreLabelled() throws Exception {
        Path clean = tmp.resolve("clean");
        Path busy = tmp.resolve("busy");
        assertThat(CliRunner.run("record", "--out", clean.toString(), "--episodes", "1", "--steps", "40", "--seed", "2",
                "--sensor", "camera").exitCode()).isZero();
        CliRunner run = CliRunner.run("record", "--out", busy.toString(), "--episodes", "1", "--steps", "40", "--seed",
                "2", "--sensor", "camera", "--distractors", "objects,shadows,occlusion");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Rollout a = Rollouts.read(clean.resolve("episode-0000.npz"));
        Rollout b = Rollouts.read(busy.resolve("episode-0000.npz"));
        assertThat(a.inputs().shape()).containsExactly(40, 32, 96, 3);
        assertThat(a.labels().shape()).containsExactly(40, 32, 96);
        long[] cleanCounts = counts(a);
        long[] busyCounts = counts(b);
        assertThat(cleanCounts[1]).as("road pixels").isGreaterThan(40L * 32 * 96 / 10);
        assertThat(cleanCounts[2]).as("lane marking pixels").isGreaterThan(0);
        assertThat(cleanCounts[3]).as("no distractor in a clean world").isZero();
        assertThat(busyCounts[3]).as("distractor pixels").isGreaterThan(0);
        // the same episode seed drives the same road: the expert's actions do not see the pixels
        assertThat(b.actions().toFloatArray()).containsExactly(a.actions().toFloatArray());
    }

    private static long[] counts(Rollout r) {
        long[] c = new long[4];
        for (long v : r.labels().toLongArray()) {
            c[(int) v]++;
        }
        return c;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--sensor lidar | unknown sensor 'lidar'; accepted: vector, camera",
            "--distractors fog | unknown distractor 'fog' for the vector sensor; accepted: noise-channels[:K]",
            "--sensor camera --distractors spurious | accepted: objects, shadows, brightness, occlusion",
            "--sensor camera --noise 2 | 'noise' (variance) must be in [0.0, 1.0], got 2.0",
            "--noise -0.1 | --noise -0.1: the variance must be in [0, 100]",
            "--speed 0 | --speed 0.0: must be in (0, 40] m/s",
            "--distractors spurious:x | the count after ':' must be a whole number >= 1"})
    void badSettingsAreOneLineSayingWhatIsAccepted(String option, String message) {
        String[] extra = option.trim().split(" ");
        String[] args = Stream.concat(Stream.of("evaluate", "--model", "expert", "--episodes", "1", "--steps", "5",
                "--seed", "0"), Stream.of(extra)).toArray(String[]::new);
        CliRunner run = CliRunner.run(args);
        assertThat(run.exitCode()).as("bad usage; " + run.err()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("liquidlens evaluate: ").contains(message.trim()).doesNotContain("Exception");
    }

    @Test
    void zeroEpisodesAndMissingOptionsAreRefused() {
        CliRunner zero = CliRunner.run("record", "--out", tmp.resolve("x").toString(), "--episodes", "0", "--steps", "5",
                "--seed", "0");
        assertThat(zero.exitCode()).as("bad usage").isEqualTo(2);
        assertThat(zero.err()).contains("--episodes 0: must be a whole number >= 1");
        assertThat(Files.exists(tmp.resolve("x"))).isFalse();
        CliRunner missing = CliRunner.run("evaluate", "--model", "expert", "--episodes", "2");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--steps").contains("--seed");
    }

    /**
     * A model folder from before the vector sensor named its first channel as the world column {@code d_lane}: its
     * input is still {@code d}, it still drives the same as the sample and its inputs keep their roles.
     */
    @Test
    void aModelNamingTheLaneOffsetDAsBeforeItsRenameStillDrivesAndKeepsItsRoles() throws Exception {
        Path sample = TreeCommandTest.sample("sample-models/vector-lanekeeping");
        ObjectNode manifest = (ObjectNode) JSON.readTree(sample.resolve("model.json").toFile());
        assertThat(manifest.at("/inputs/names/0").asText()).isEqualTo("d_lane");
        Path earlier = Files.createDirectories(tmp.resolve("named-d"));
        String weights = manifest.get("weights").asText();
        Files.copy(sample.resolve(weights), earlier.resolve(weights));
        ((ArrayNode) manifest.at("/inputs/names")).set(0, "d");
        Files.writeString(earlier.resolve("model.json"), JSON.writeValueAsString(manifest));
        String[] drive = {"--episodes", "1", "--steps", "200", "--seed", "3", "--distractors",
                "noise-channels,spurious", "--json"};

        CliRunner before = CliRunner.run(Stream.concat(Stream.of("evaluate", "--model", earlier.toString()),
                Stream.of(drive)).toArray(String[]::new));
        CliRunner now = CliRunner.run(Stream.concat(Stream.of("evaluate", "--model", sample.toString()),
                Stream.of(drive)).toArray(String[]::new));

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(now.exitCode()).as(now.err()).isZero();
        assertThat(JSON.readTree(before.out()).get("per_episode"))
                .isEqualTo(JSON.readTree(now.out()).get("per_episode"));
        CliRunner info = CliRunner.run("info", "--model", earlier.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(JSON.readTree(info.out()).at("/inputs/roles").toString()).isEqualTo("{\"d\":\"task\","
                + "\"mu\":\"task\",\"kappa\":\"task\",\"noise_1\":\"distractor\",\"noise_2\":\"distractor\","
                + "\"spurious_1\":\"distractor\"}");
    }

    @Test
    void aModelThatReadsOtherInputsThanTheSensorGivesIsNamed() throws Exception {
        Path data = tmp.resolve("data");
        CliRunner.run("record", "--out", data.toString(), "--episodes", "1", "--steps", "32", "--seed", "3");
        Path model = ToyTask.writeModelJson(tmp.resolve("init"), "CfC", 3, null);
        Path trained = tmp.resolve("trained");
        assertThat(CliRunner.run("train", "--model", model.toString(), "--data", data.toString(), "--out",
                trained.toString(), "--epochs", "1").exitCode()).isZero();
        CliRunner run = CliRunner.run("evaluate", "--model", trained.toString(), "--episodes", "1", "--steps", "5",
                "--seed", "0", "--distractors", "spurious");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(trained.toString()).contains("takes 3 values per step")
                .contains("[d_lane, mu, kappa, spurious_1]");
    }
}
