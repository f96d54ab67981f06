package io.liquidlens.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquidlens.app.TestModels;
import io.liquidlens.app.task.TaskExecutor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.io.InputRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The causality report task, headless on the calling thread, on the camera sample with tiny options. */
class CausalReportViewModelTest {
    private static final Path CLEAN = TestModels.CAMERA_EPISODE;

    @TempDir
    Path tmp;

    private final CausalReportViewModel report = new CausalReportViewModel(TaskExecutor.sameThread());

    @Test
    void aTinyReportWritesItsFourFilesAndPointsAtIndexHtml() {
        report.models().add(TestModels.CAMERA_SAMPLE);
        report.rolloutsProperty().set(CLEAN);
        report.perturbationsProperty().set("noise=0.1");
        report.framesProperty().set(3);
        report.episodesProperty().set(1);
        report.episodeStepsProperty().set(20);
        report.interventionsProperty().set(false);
        Path out = tmp.resolve("report");
        report.outProperty().set(out);

        report.run();

        assertThat(report.errorProperty().get()).isNull();
        assertThat(report.runningProperty().get()).isFalse();
        assertThat(report.writtenProperty().get()).isEqualTo(out.resolve("index.html"));
        for (String f : new String[] {"index.html", "report.pdf", "metrics.csv", "metrics.json"}) {
            assertThat(out.resolve(f)).isRegularFile();
        }
    }

    @Test
    void aVectorModelWithTheFieldsDefaultGetsTheVectorConditions() throws Exception {
        report.models().add(TestModels.VECTOR_SAMPLE);
        report.rolloutsProperty().set(Path.of("..", "sample-traces", "vector-lanekeeping"));
        report.framesProperty().set(3);
        report.interventionsProperty().set(false);
        Path out = tmp.resolve("vector");
        report.outProperty().set(out);

        report.run();

        assertThat(report.errorProperty().get()).isNull();
        assertThat(Files.readString(out.resolve("metrics.json"))).contains("\"channels 0.3\"")
                .doesNotContain("\"noise 0.1\"");
    }

    @Test
    void theInputRolesGivenAreTheOnesTheReportMeasuresBy() throws Exception {
        report.models().add(TestModels.VECTOR_SAMPLE);
        report.rolloutsProperty().set(Path.of("..", "sample-traces", "vector-lanekeeping", "clean",
                "episode-0000.npz"));
        report.perturbationsProperty().set("channels=0.1");
        report.framesProperty().set(3);
        report.episodesProperty().set(0);
        report.interventionsProperty().set(false);
        report.inputRolesProperty().set(Map.of("noise_1", InputRole.OTHER, "d_lane", InputRole.DISTRACTOR));
        Path out = tmp.resolve("roles");
        report.outProperty().set(out);

        report.run();

        assertThat(report.errorProperty().get()).isNull();
        JsonNode roles = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).path("models").path(0)
                .path("input_roles");
        assertThat(roles.path("noise_1").asText()).isEqualTo("other");
        assertThat(roles.path("d_lane").asText()).isEqualTo("distractor");
        assertThat(roles.path("noise_2").asText()).isEqualTo("distractor");
    }

    @Test
    void theDialogSaysWhichRolesTheReportSets() {
        assertThat(CausalReportDialog.rolesText(Map.of())).startsWith("as each model.json declares them");
        assertThat(CausalReportDialog.rolesText(Map.of("noise_1", InputRole.OTHER)))
                .startsWith("noise_1=other (set in the Saliency tab");
    }

    @Test
    void aBadSpecIsOneLineAndRunsNothing() {
        report.models().add(TestModels.CAMERA_SAMPLE);
        report.rolloutsProperty().set(CLEAN);
        report.perturbationsProperty().set("sparkles=3");
        report.outProperty().set(tmp.resolve("report"));

        report.run();

        assertThat(report.errorProperty().get()).isNotBlank().doesNotContain("\n");
        assertThat(report.writtenProperty().get()).isNull();
        assertThat(Files.exists(tmp.resolve("report"))).isFalse();
    }

    @Test
    void aMissingOutFolderIsNamed() {
        report.models().add(TestModels.CAMERA_SAMPLE);
        report.rolloutsProperty().set(CLEAN);
        report.run();
        assertThat(report.errorProperty().get()).startsWith("out:");
    }
}
