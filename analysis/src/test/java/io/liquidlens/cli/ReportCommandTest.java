package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.RolloutSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liquidlens report} end to end on two camera samples and a short piece of the recorded clean trace. */
class ReportCommandTest {
    @TempDir
    static Path tmp;
    static Path rollouts;

    @BeforeAll
    static void shortTrace() throws IOException {
        rollouts = Files.createDirectories(tmp.resolve("rollouts"));
        Rollout clean = Rollouts.read(TreeCommandTest.sample("sample-traces/ncp-lanekeeping/clean")
                .resolve("episode-0000.npz"));
        Rollouts.write(rollouts.resolve("episode-0000.npz"), RolloutSlices.head(clean, 60));
    }

    private static CliRunner report(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("report", "--models",
                TreeCommandTest.sample("sample-models/ncp-lanekeeping").toString(),
                TreeCommandTest.sample("sample-models/cfc-lanekeeping").toString(),
                "--rollouts", rollouts.toString(), "--frames", "4", "--episodes", "1", "--episode-steps", "20",
                "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void writesTheFourFilesWithTheSameNumbers() throws IOException {
        Path out = tmp.resolve("report");
        CliRunner run = report(out, "--perturbations", "noise=0,0.2;shadows");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("2 model(s) x 3 condition(s) x 4 frame(s) in ").contains("wrote " + out);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("index.html",
                    "report.pdf", "metrics.csv", "metrics.json", ".liquidlens-output");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(json.get("models")).hasSize(2);
        assertThat(json.get("provenance").get("options").get("perturbations").asText()).isEqualTo("noise=0,0.2;shadows");
        JsonNode noise = json.get("models").get(0).get("conditions").get(1);
        assertThat(noise.get("condition").asText()).isEqualTo("noise 0.2");
        assertThat(noise.get("closed_loop").get("episodes").asInt()).isEqualTo(1);
        double firstSsim = noise.get("frames").get("ssim").get(0).asDouble();
        String csvRow = Files.readAllLines(out.resolve("metrics.csv")).stream()
                .filter(l -> l.startsWith("ncp-lanekeeping,frames,noise 0.2,") && l.contains(",ssim,")).findFirst()
                .orElseThrow();
        // value is the eighth column; the interval's ends follow it (empty for a per-step value)
        assertThat(Double.parseDouble(csvRow.split(",", -1)[7])).isEqualTo(firstSsim);
        assertThat(csvRow).endsWith(",,");
        assertThat(noise.get("summary").get("ssim_median_ci")).hasSize(2);
        assertThat(json.get("statistics").get("blocks").asText()).startsWith("contiguous blocks");
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
        assertThat(run.err()).contains("report ").doesNotContain("Exception");
    }

    @Test
    void badInputIsOneLineNamingWhatIsWrong() {
        Map<String[], String> cases = new java.util.LinkedHashMap<>();
        cases.put(new String[] {"--method", "magic"}, "--method 'magic' is unknown; accepted: vbp, gradient");
        cases.put(new String[] {"--perturbations", "fog"}, "unknown kind 'fog'");
        cases.put(new String[] {"--overlays", "-1"}, "--overlays must be >= 0, got -1");
        cases.put(new String[] {"--output", "3"}, "output 3 is not one of the model's 1 outputs");
        // bad option values are bad usage (2); an option that does not fit the model is a problem with the input (1)
        Map<String, Integer> codes = Map.of("--method", 2, "--perturbations", 2, "--overlays", 2, "--output", 1);
        for (var c : cases.entrySet()) {
            Path out = tmp.resolve("bad");
            CliRunner run = report(out, c.getKey());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(codes.get(c.getKey()[0]));
            String err = run.err().strip();
            assertThat(err.lines().filter(l -> !l.startsWith("report ")).count()).as(err).isEqualTo(1);
            assertThat(err).contains(c.getValue()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void objectsOnARolloutTheSampleWorldDidNotRecordNameTheRollout() throws IOException {
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Rollout clean = Rollouts.read(rollouts.resolve("episode-0000.npz"));
        Rollouts.write(bare.resolve("frames.npz"), Rollout.ofInputs(clean.inputs()));
        Path out = tmp.resolve("bare-report");
        CliRunner run = CliRunner.run("report", "--models", TreeCommandTest.sample("sample-models/ncp-lanekeeping")
                .toString(), "--rollouts", bare.toString(), "--perturbations", "objects", "--episodes", "0",
                "--frames", "2", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).contains("frames.npz").contains("'objects 8': objects and shadows need a rollout"
                + " recorded by the sample world").doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }

    @Test
    void aVectorModelIsTestedAgainstNoisyChannelsAndTheSpuriousCueWithTheGradientByDefault() throws IOException {
        Path vector = tmp.resolve("vector-rollouts");
        Path model = TreeCommandTest.sample("sample-models/vector-lanekeeping");
        CliRunner rec = CliRunner.run("record", "--model", model.toString(), "--sensor", "vector", "--distractors",
                "noise-channels,spurious", "--held-out", "--episodes", "2", "--steps", "80", "--seed", "0", "--out",
                vector.toString());
        assertThat(rec.exitCode()).as(rec.err()).isZero();
        Path out = tmp.resolve("vector-report");
        CliRunner run = CliRunner.run("report", "--models", model.toString(), "--rollouts", vector.toString(),
                "--perturbations", "channels=0,0.3;spurious", "--channels", "d_lane,mu,kappa",
                "--frames", "20", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.get("method").asText()).as("no --method: the vector models' default").endsWith("(gradient)");
        JsonNode conditions = metrics.get("models").get(0).get("conditions");
        assertThat(conditions).extracting(c -> c.get("condition").asText())
                .containsExactly("clean", "channels 0.3", "spurious cue");
        for (JsonNode c : conditions) {
            assertThat(c.get("closed_loop").isNull()).isTrue();
            assertThat(c.get("summary").get("task_share_mean").asDouble()).isBetween(0.5, 1.0);
            // the spurious input is one of the distractor channels: its share is part of theirs, frame by frame
            JsonNode spurious = c.get("frames").get("spurious_share");
            JsonNode distractor = c.get("frames").get("distractor_share");
            assertThat(spurious).hasSize(distractor.size());
            for (int k = 0; k < spurious.size(); k++) {
                assertThat(spurious.get(k).asDouble()).isBetween(0.0, distractor.get(k).asDouble() + 1e-12);
            }
            assertThat(c.get("summary").get("spurious_share_median_ci")).hasSize(2);
        }
        assertThat(conditions.get(2).get("summary").get("spurious_share_mean").asDouble())
                .as("the vector sample leans on its spurious input a little").isPositive();
        assertThat(conditions.get(1).get("summary").get("deviation_mean").asDouble()).isPositive();
    }

    /**
     * The provenance of a report is enough to make it again, number for number
     * (docs/DESIGN.md#provenance-on-every-result).
     */
    @Test
    void aReportRerunFromItsProvenanceGivesTheSameNumbers() throws IOException {
        Path first = tmp.resolve("first");
        CliRunner run = report(first, "--perturbations", "noise=0.1;occlusion", "--seed", "3", "--method", "gradient",
                "--no-interventions");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode provenance = new ObjectMapper().readTree(first.resolve("metrics.json").toFile()).get("provenance");

        List<String> args = new java.util.ArrayList<>(List.of("report", "--models"));
        for (JsonNode input : provenance.get("inputs")) {
            if (input.get("role").asText().equals("model")) {
                args.add(Path.of(input.get("path").asText()).getParent().toString());
            }
        }
        args.add("--rollouts");
        for (JsonNode input : provenance.get("inputs")) {
            if (input.get("role").asText().equals("rollout")) {
                args.add(input.get("path").asText());
            }
        }
        JsonNode o = provenance.get("options");
        for (String name : List.of("perturbations", "method", "output", "frames", "overlays", "episodes", "seed")) {
            args.addAll(List.of("--" + name, o.get(name).asText()));
        }
        args.addAll(List.of("--episode-steps", o.get("episode_steps").asText()));
        if (!o.get("interventions").asBoolean()) {
            args.add("--no-interventions");
        }
        Path second = tmp.resolve("second");
        args.addAll(List.of("--out", second.toString()));
        CliRunner again = CliRunner.run(args.toArray(String[]::new));

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readString(second.resolve("metrics.csv"))).isEqualTo(Files.readString(first.resolve("metrics.csv")));
    }

    /** Two groups of two vector-study seeds on a short piece of two held-out episodes. */
    private static CliRunner groups(Path out, String... models) throws IOException {
        Path vector = tmp.resolve("study-rollouts");
        if (!Files.isDirectory(vector)) {
            Files.createDirectories(vector);
            for (String e : List.of("episode-0000.npz", "episode-0001.npz")) {
                Rollout r = Rollouts.read(TreeCommandTest.sample("sample-traces/vector-study").resolve(e));
                Rollouts.write(vector.resolve(e), RolloutSlices.head(r, 40));
            }
        }
        List<String> args = new java.util.ArrayList<>(List.of("report", "--models"));
        args.addAll(List.of(models));
        args.addAll(List.of("--rollouts", vector.toString(), "--perturbations", "channels=0,0.5", "--episodes", "0",
                "--frames", "12", "--no-interventions", "--out", out.toString()));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static String study(String member) {
        return TreeCommandTest.sample("sample-models/vector-study/" + member).toString();
    }

    @Test
    void groupsOfSeedsAreSummarisedAndComparedAsGroups() throws IOException {
        Path out = tmp.resolve("groups");
        CliRunner run = groups(out, "a=" + study("ncp-s1") + "," + study("ncp-s2"),
                "b=" + study("fullyconnected-s1") + "," + study("fullyconnected-s2"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("4 model(s) x 2 condition(s) x 12 frame(s)");
        JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(json.get("models")).extracting(m -> m.get("name").asText() + " in " + m.get("group").asText())
                .containsExactly("a/ncp-s1 in a", "a/ncp-s2 in a", "b/fullyconnected-s1 in b",
                        "b/fullyconnected-s2 in b");
        JsonNode groups = json.get("groups");
        assertThat(groups).extracting(g -> g.get("name").asText()).containsExactly("a", "b");
        assertThat(groups.get(0).get("members")).extracting(JsonNode::asText).containsExactly("a/ncp-s1",
                "a/ncp-s2");
        JsonNode noisy = groups.get(0).get("conditions").get(1);
        assertThat(noisy.get("condition").asText()).isEqualTo("channels 0.5");
        assertThat(noisy.get("closed_loop").isNull()).isTrue();
        JsonNode summary = noisy.get("summary");
        for (String stat : List.of("median", "mean")) {
            String key = "deviation_" + stat;
            assertThat(summary.get(key + "_ci")).hasSize(2);
            assertThat(summary.get(key + "_members")).hasSize(2);
            assertThat(summary.get(key + "_member_range")).hasSize(2);
            assertThat(summary.get(key + "_member_sd").isNumber()).isTrue();
            assertThat(summary.get(key + "_within_ci_width").asDouble()).isPositive();
            double members = summary.get(key + "_members").get(0).asDouble() + summary.get(key + "_members").get(1)
                    .asDouble();
            assertThat(summary.get(key).asDouble()).isCloseTo(members / 2, org.assertj.core.api.Assertions.within(1e-12));
        }
        JsonNode memberSummary = json.get("models").get(0).get("conditions").get(1).get("summary");
        assertThat(summary.get("deviation_median_members").get(0).asDouble())
                .isEqualTo(memberSummary.get("deviation_median").asDouble());
        assertThat(json.get("statistics").get("groups").asText()).startsWith("two-stage percentile bootstrap");
        JsonNode comparisons = json.get("comparisons");
        assertThat(comparisons).isNotEmpty();
        for (JsonNode c : comparisons) {
            if (c.get("condition").asText().isEmpty()) {
                continue; // a dynamics figure: groupDynamicsAreTheMeansOfTheMembersDynamicsRows
            }
            assertThat(c.get("level").asText()).isEqualTo("group");
            assertThat(c.get("model_a").asText() + " vs " + c.get("model_b").asText()).isEqualTo("a vs b");
            assertThat(c.get("test").asText()).startsWith("exact permutation test of the members' medians (exact"
                    + " permutation test of the difference of means (all 6 splits)");
            assertThat(c.get("p_value").asDouble()).as("2 seeds against 2").isBetween(1 / 3.0, 1.0);
            assertThat(c.get("test_bootstrap").asText()).startsWith("two-stage bootstrap");
            assertThat(c.get("p_value_bootstrap").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).anyMatch(l -> l.startsWith(
                "b,group,channels 0.5,channels,0.5,,deviation_median,"));
        assertThat(Files.readString(out.resolve("index.html"))).contains("a (2 seeds) vs b (2 seeds)");
    }

    @Test
    void groupDynamicsAreTheMeansOfTheMembersDynamicsRowsComparedByPermutingTheSeeds() throws IOException {
        Path out = tmp.resolve("group-dynamics");
        CliRunner run = groups(out, "ncp=" + study("ncp-s1") + "," + study("ncp-s2") + "," + study("ncp-s4"),
                "lstm=" + study("lstm-s1") + "," + study("lstm-s2") + "," + study("lstm-s3"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Map<String, double[]>> rows = new java.util.HashMap<>();
        for (String line : Files.readAllLines(out.resolve("metrics.csv"))) {
            String[] f = line.split(",", -1);
            if (f[1].equals("dynamics") || f[1].equals("group") && f[2].isEmpty()) {
                rows.computeIfAbsent(f[0], k -> new java.util.HashMap<>()).put(f[1] + " " + f[6], new double[] {
                        Double.parseDouble(f[7]), f[8].isEmpty() ? Double.NaN : Double.parseDouble(f[8]),
                        f[9].isEmpty() ? Double.NaN : Double.parseDouble(f[9])});
            }
        }
        Map<String, List<String>> members = Map.of("ncp", List.of("ncp/ncp-s1", "ncp/ncp-s2", "ncp/ncp-s4"),
                "lstm", List.of("lstm/lstm-s1", "lstm/lstm-s2", "lstm/lstm-s3"));
        Map<String, double[]> shares = new java.util.HashMap<>();
        for (var g : members.entrySet()) {
            for (String figure : List.of("pc1_share", "lmax_median", "lmax_max")) {
                double[] each = g.getValue().stream().mapToDouble(m -> rows.get(m).get("dynamics " + figure)[0])
                        .toArray();
                double[] group = rows.get(g.getKey()).get("group " + figure);
                assertThat(group[0]).as(g.getKey() + " " + figure).isCloseTo(java.util.Arrays.stream(each).average()
                        .orElseThrow(), org.assertj.core.api.Assertions.within(1e-12));
                assertThat(group[1]).as("a mean over members with replacement stays within their range")
                        .isBetween(java.util.Arrays.stream(each).min().orElseThrow(), group[0]);
                assertThat(group[2]).isBetween(group[0], java.util.Arrays.stream(each).max().orElseThrow());
                assertThat(rows.get(g.getKey()).get("group " + figure + "_member_min")[0])
                        .isEqualTo(java.util.Arrays.stream(each).min().orElseThrow());
                if (figure.equals("pc1_share")) {
                    shares.put(g.getKey(), each);
                }
            }
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(json.get("groups").get(0).get("dynamics").get("pc1_share_members"))
                .extracting(JsonNode::asDouble).containsExactly(shares.get("ncp")[0], shares.get("ncp")[1],
                        shares.get("ncp")[2]);
        JsonNode pc1 = null;
        for (JsonNode c : json.get("comparisons")) {
            if (c.get("metric").asText().equals("pc1_share")) {
                assertThat(pc1).as("one pair, one comparison").isNull();
                pc1 = c;
            }
        }
        assertThat(pc1.get("condition").asText()).isEmpty();
        assertThat(pc1.get("model_a").asText() + " vs " + pc1.get("model_b").asText()).isEqualTo("ncp vs lstm");
        double difference = java.util.Arrays.stream(shares.get("ncp")).average().orElseThrow()
                - java.util.Arrays.stream(shares.get("lstm")).average().orElseThrow();
        assertThat(pc1.get("difference").asDouble()).isCloseTo(difference,
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(pc1.get("test").asText()).startsWith("exact permutation test of the difference of means (all 20"
                + " splits) of the members' pc1_share");
        // one pair on the question: Holm leaves its p-value as it is; 3 seeds against 3 cannot go below 2 / 20
        assertThat(pc1.get("p_adjusted").asDouble()).isEqualTo(pc1.get("p_value").asDouble())
                .isGreaterThanOrEqualTo(0.1);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("Dynamics by group over the clean rollouts").contains("ncp (3 seeds)")
                .contains("clean rollouts, ncp (3 seeds) vs lstm (3 seeds)");
    }

    @Test
    void badGroupTokensAreOneLineNamingTheToken() throws IOException {
        String one = study("ncp-s1");
        String two = study("ncp-s2");
        String many = String.join(",", java.util.Collections.nCopies(65, one));
        Map<String[], String> cases = new java.util.LinkedHashMap<>();
        cases.put(new String[] {"=" + one}, "--models =" + one + ": the group needs a name before '='");
        cases.put(new String[] {"a=" + one + ","}, "--models a=" + one + ",: an empty member");
        cases.put(new String[] {"a=" + one, "a=" + two}, "--models a=" + two + ": the group name 'a' is used twice");
        cases.put(new String[] {"a=" + one, "b=" + two + "," + one}, "--models b=" + two + "," + one + ": " + one
                + " is already a member of group 'a'");
        cases.put(new String[] {"a=" + many}, ": a group may have at most 64 members, got 65");
        cases.put(new String[] {one, "a=" + two + "," + one}, "--models a=" + two + "," + one + ": " + one
                + " is also given alone");
        cases.put(new String[] {"a=" + one + "," + two, one}, "--models " + one + ": it is already a member of"
                + " group 'a'");
        cases.put(new String[] {one, "ncp-s1=" + two}, "--models ncp-s1=...: the group has the name of the model"
                + " ncp-s1 given alone");
        for (var c : cases.entrySet()) {
            Path out = tmp.resolve("bad-groups");
            CliRunner run = groups(out, c.getKey());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            String err = run.err().strip();
            assertThat(err.lines().count()).as(err).isEqualTo(1);
            assertThat(err).contains(c.getValue()).doesNotContain("Exception");
            assertThat(out).doesNotExist();
        }
    }
}
