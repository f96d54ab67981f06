package io.liquidlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liquidlens.io.Rollout;
import io.liquidlens.io.Rollouts;
import io.liquidlens.testing.RolloutSlices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liquidlens report} on a folder of ten checkpoints (copies of the camera sample, each model.json saying its
 * epoch), a few frames and no drives: the many-model report, end to end.
 */
class ManyModelReportTest {
    private static final int CHECKPOINTS = 10;
    @TempDir
    static Path tmp;
    static Path run;
    static Path rollouts;

    @BeforeAll
    static void checkpointsAndAShortTrace() throws IOException {
        Path sample = TreeCommandTest.sample("sample-models/ncp-lanekeeping");
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(sample.resolve("model.json").toFile());
        String weights = manifest.get("weights").asText();
        run = tmp.resolve("run/epochs");
        for (int e = 1; e <= CHECKPOINTS; e++) {
            Path folder = Files.createDirectories(run.resolve(String.format("e%04d", e)));
            Files.copy(sample.resolve(weights), folder.resolve(weights));
            ((ObjectNode) manifest.with("provenance").with("training")).put("epochs_done", e);
            json.writeValue(folder.resolve("model.json").toFile(), manifest);
        }
        rollouts = Files.createDirectories(tmp.resolve("rollouts"));
        Rollout clean = Rollouts.read(TreeCommandTest.sample("sample-traces/ncp-lanekeeping/clean")
                .resolve("episode-0000.npz"));
        Rollouts.write(rollouts.resolve("episode-0000.npz"), RolloutSlices.head(clean, 40));
    }

    private static CliRunner report(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("report", "--models", run.toString(), "--rollouts",
                rollouts.toString(), "--frames", "3", "--episodes", "0", "--overlays", "1", "--no-interventions",
                "--perturbations", "noise=0,0.2", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void aFolderOfCheckpointsGivesTheCompactReportWithEveryModelInTheCsv() throws IOException {
        Path out = tmp.resolve("report");
        CliRunner result = report(out);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith(CHECKPOINTS + " model(s) x 2 condition(s) x 3 frame(s)");
        Set<String> csvModels = Files.readAllLines(out.resolve("metrics.csv")).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).collect(Collectors.toSet());
        assertThat(csvModels).containsExactlyInAnyOrder("e0001", "e0002", "e0003", "e0004", "e0005", "e0006",
                "e0007", "e0008", "e0009", "e0010");
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.get("statistics").get("reference").asText()).isEqualTo("e0001");
        assertThat(metrics.get("axis").get("source").asText()).isEqualTo("epoch");
        // ssim, deviation and the two shares under two conditions (no drives), each checkpoint against the first
        assertThat(metrics.get("comparisons")).hasSize((CHECKPOINTS - 1) * 4 * 2);
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("SSIM median (clean vs perturbed saliency map) by model and condition",
                "epoch (model.json: provenance.training.epochs_done)", "3 of 10 models")
                .doesNotContain("Summary per model and condition");
        try (PDDocument pdf = Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("SSIM of clean and perturbed saliency maps by model",
                    "epoch (model.json: provenance.training.epochs_done)", "e0010", "against the reference e0001");
        }
    }

    @Test
    void aNamedReferenceIsComparedWithAndAnUnknownOneIsOneLine() throws IOException {
        CliRunner named = report(tmp.resolve("named"), "--reference", "e0010");
        assertThat(named.exitCode()).as(named.err()).isZero();
        JsonNode metrics = new ObjectMapper().readTree(tmp.resolve("named/metrics.json").toFile());
        assertThat(metrics.get("comparisons").findValuesAsText("model_b")).containsOnly("e0010");
        assertThat(metrics.get("provenance").get("options").get("reference").asText()).isEqualTo("e0010");

        CliRunner unknown = report(tmp.resolve("unknown"), "--reference", "e0099");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).startsWith("liquidlens report: --reference e0099: not one of the models")
                .contains("e0001, e0002").doesNotContain("Exception").doesNotContain("\n");
        assertThat(tmp.resolve("unknown")).doesNotExist();
    }
}
