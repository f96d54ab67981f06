package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on vector models whose inputs are not named as the sample world names them: roles declared in
 * model.json or by {@code --input-roles} give the same shares as the sample's names, and a vector report needs no
 * {@code --perturbations}.
 */
class ReportInputRolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RENAMED = List.of("a", "b", "c", "n1", "n2", "s");

    @TempDir
    static Path tmp;
    static Path sample;
    static Path rollouts;

    @BeforeAll
    static void record() {
        sample = TreeCommandTest.sample("sample-models/vector-lanekeeping");
        rollouts = tmp.resolve("rollouts");
        CliRunner rec = CliRunner.run("record", "--model", sample.toString(), "--sensor", "vector", "--distractors",
                "noise-channels,spurious", "--held-out", "--episodes", "1", "--steps", "60", "--seed", "0", "--out",
                rollouts.toString());
        assertThat(rec.exitCode()).as(rec.err()).isZero();
    }

    /** The vector sample copied with its inputs renamed {@code a, b, c, n1, n2, s} and {@code roles} edited in. */
    private static Path renamed(String folder, Consumer<ObjectNode> roles) throws IOException {
        return renamed(folder, RENAMED, roles);
    }

    /** The vector sample copied with its inputs renamed {@code to} and {@code roles} edited in. */
    private static Path renamed(String folder, List<String> to, Consumer<ObjectNode> roles) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve(folder));
        ObjectNode manifest = (ObjectNode) JSON.readTree(sample.resolve("model.json").toFile());
        Files.copy(sample.resolve(manifest.get("weights").asText()), copy.resolve(manifest.get("weights").asText()));
        ObjectNode inputs = (ObjectNode) manifest.get("inputs");
        ArrayNode names = inputs.putArray("names");
        to.forEach(names::add);
        roles.accept(inputs);
        Files.writeString(copy.resolve("model.json"), JSON.writeValueAsString(manifest));
        return copy;
    }

    private static Path declared(String folder) throws IOException {
        return renamed(folder, in -> in.putObject("roles").put("a", "task").put("b", "task").put("c", "task")
                .put("n1", "distractor").put("n2", "distractor").put("s", "distractor"));
    }

    private static CliRunner report(Path model, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "--models", model.toString(), "--rollouts",
                rollouts.toString(), "--frames", "12", "--no-interventions", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static JsonNode metrics(CliRunner run, Path out) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(out.resolve("metrics.json").toFile());
    }

    private static List<String> series(JsonNode metrics, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : metrics.get("models").get(0).get("conditions")) {
            out.add(c.get("condition").asText() + ": " + c.get("frames").get(name));
        }
        return out;
    }

    @Test
    void declaredRolesGiveTheSharesTheSampleWorldsNamesGive() throws IOException {
        JsonNode original = metrics(report(sample, tmp.resolve("original"), "--perturbations", "channels=0,0.3",
                "--channels", "noise_1,noise_2,spurious_1"), tmp.resolve("original"));
        Path out = tmp.resolve("declared-report");
        // no --channels: the inputs declared distractors are the ones perturbed, as named above for the original
        JsonNode roles = metrics(report(declared("declared"), out, "--perturbations", "channels=0,0.3"), out);

        assertThat(series(roles, "distractor_share")).isEqualTo(series(original, "distractor_share"));
        assertThat(series(roles, "task_share")).isEqualTo(series(original, "task_share"));
        assertThat(original.get("models").get(0).get("conditions").get(1).get("summary").get("distractor_share_mean")
                .asDouble()).as("a share that is not trivially zero").isPositive();
        assertThat(roles.get("models").get(0).get("input_roles").toString()).isEqualTo("{\"a\":\"task\",\"b\":\"task\","
                + "\"c\":\"task\",\"n1\":\"distractor\",\"n2\":\"distractor\",\"s\":\"distractor\"}");
        assertThat(roles.get("provenance").get("options").get("channels").asText()).isEqualTo("n1,n2,s");
        assertThat(Files.readString(out.resolve("index.html"))).contains("input roles a task, b task, c task,"
                + " n1 distractor, n2 distractor, s distractor");
    }

    @Test
    void aModelNamingTheLaneOffsetDAsBeforeItsRenameKeepsItsRolesAndShares() throws IOException {
        assertThat(JSON.readTree(sample.resolve("model.json").toFile()).at("/inputs/names/0").asText())
                .isEqualTo("d_lane");
        Path earlier = renamed("named-d", List.of("d", "mu", "kappa", "noise_1", "noise_2", "spurious_1"), in -> { });
        Path out = tmp.resolve("both-names");
        // one report over both: the sample's d_lane and the earlier folder's d are the same task input
        JsonNode both = metrics(report(sample, out, "--models", earlier.toString(), "--perturbations",
                "channels=0,0.3", "--channels", "noise_1,noise_2,spurious_1"), out);

        JsonNode models = both.get("models");
        assertThat(models.get(0).get("input_roles").get("d_lane").asText()).isEqualTo("task");
        assertThat(models.get(1).get("input_roles").get("d").asText()).isEqualTo("task");
        assertThat(models.get(1).get("input_roles").get("spurious_1").asText()).isEqualTo("distractor");
        for (int c = 0; c < 2; c++) {
            JsonNode now = models.get(0).get("conditions").get(c);
            JsonNode before = models.get(1).get("conditions").get(c);
            assertThat(before.get("frames").get("task_share")).as("condition " + c)
                    .isEqualTo(now.get("frames").get("task_share"));
            assertThat(before.get("frames").get("distractor_share")).as("condition " + c)
                    .isEqualTo(now.get("frames").get("distractor_share"));
        }
        assertThat(models.get(0).get("conditions").get(0).get("summary").get("task_share_mean").asDouble())
                .as("a share that is not trivially zero").isPositive();
    }

    @Test
    void inputRolesOnTheCommandLineDeclareThemForAModelThatDoesNot() throws IOException {
        Path bare = renamed("bare", in -> { });
        Path undeclared = tmp.resolve("undeclared");
        JsonNode none = metrics(report(bare, undeclared, "--perturbations", "channels=0"), undeclared);
        assertThat(none.get("models").get(0).get("conditions").get(0).get("summary").get("distractor_share_mean")
                .isNull()).as("no role and no sample-world name: no labels, n/a").isTrue();

        Path given = tmp.resolve("given");
        JsonNode set = metrics(report(bare, given, "--perturbations", "channels=0", "--input-roles",
                "a=task,b=task,c=task,n1=distractor,n2=distractor,s=distractor"), given);
        Path inFile = tmp.resolve("in-file");
        JsonNode fromFile = metrics(report(declared("declared-2"), inFile, "--perturbations", "channels=0"), inFile);

        assertThat(series(set, "distractor_share")).isEqualTo(series(fromFile, "distractor_share"));
        assertThat(set.get("provenance").get("options").get("input_roles").asText())
                .isEqualTo("a=task,b=task,c=task,n1=distractor,n2=distractor,s=distractor");
    }

    @Test
    void aVectorReportWithoutPerturbationsAddsChannelNoiseAtFourLevels() throws IOException {
        Path out = tmp.resolve("default");
        JsonNode m = metrics(report(sample, out), out);

        assertThat(m.get("models").get(0).get("conditions")).extracting(c -> c.get("condition").asText())
                .containsExactly("clean", "channels 0.1", "channels 0.2", "channels 0.3");
        assertThat(m.get("provenance").get("options").get("perturbations").asText()).isEqualTo("channels=0,0.1,0.2,0.3");
        assertThat(m.get("provenance").get("options").get("channels").asText())
                .as("the sample declares no roles: every input, as before").isEmpty();
    }

    @Test
    void aBadRoleOrNameOnTheCommandLineIsOneLineAndExitTwo() {
        Path out = tmp.resolve("refused");
        CliRunner role = report(sample, out, "--input-roles", "noise_1=noise");
        assertThat(role.exitCode()).isEqualTo(2);
        assertThat(role.err().strip()).contains("--input-roles", "'noise' is not a role", "task, distractor, other")
                .doesNotContain("\n").doesNotContain("Exception");

        CliRunner name = report(sample, out, "--input-roles", "noise1=distractor");
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err().strip()).contains("--input-roles", "'noise1' is not one of the inputs", "model.json")
                .doesNotContain("\n");

        CliRunner form = report(sample, out, "--input-roles", "noise_1");
        assertThat(form.exitCode()).isEqualTo(2);
        assertThat(form.err().strip()).contains("'noise_1' is not NAME=ROLE");
        assertThat(out).doesNotExist();
    }

    @Test
    void aBadRoleInModelJsonIsOneLineNamingItAndExitOne() throws IOException {
        Path bad = renamed("bad", in -> in.putObject("roles").put("s", "shortcut"));
        Path out = tmp.resolve("bad-report");

        CliRunner run = report(bad, out);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).contains(bad.resolve("model.json").toString(), "inputs.roles.\"s\"",
                "\"shortcut\" is not a role").doesNotContain("\n");
        assertThat(out).doesNotExist();
    }
}
