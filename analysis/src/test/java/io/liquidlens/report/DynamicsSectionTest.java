package io.liquidlens.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.liquidlens.causal.CausalAudit;
import io.liquidlens.causal.ModelAudit;
import io.liquidlens.dynamics.StateSummary;
import io.liquidlens.stats.Interval;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report's dynamics section: added rows, keys, a table in the HTML and the PDF; nothing earlier moves. */
class DynamicsSectionTest {
    private static final CausalAudit WITHOUT = HandBuiltAudit.audit();
    private static final StateSummary FIRST = new StateSummary(600, 18, 19, 0.8125, new Interval(0.75, 0.875, 0.95),
            0.03125, new Interval(0.025, 0.0375, 0.95), 0.5, new Interval(0.25, 0.5, 0.95),
            "contiguous blocks of 8 frames of the one episode (75 blocks)");
    private static final StateSummary SECOND = new StateSummary(600, 18, 19, 0.625, Interval.undefined(0.95),
            Double.NaN, Interval.undefined(0.95), 0.75, new Interval(0.5, 0.75, 0.95), "no interval here");
    private static final CausalAudit WITH = withDynamics(WITHOUT, List.of(FIRST, SECOND));

    private static CausalAudit withDynamics(CausalAudit audit, List<StateSummary> dynamics) {
        List<ModelAudit> models = new java.util.ArrayList<>();
        for (int i = 0; i < audit.models().size(); i++) {
            ModelAudit m = audit.models().get(i);
            models.add(new ModelAudit(m.name(), m.description(), m.conditions(), m.interventions(), m.overlays(),
                    m.inputRoles(), dynamics.get(i)));
        }
        return new CausalAudit(audit.method(), audit.output(), audit.outputName(), audit.conditions(), models,
                audit.evidence(), audit.provenance());
    }

    private static String csv(CausalAudit audit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricsCsv.write(MetricsTable.rows(audit), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void csvKeepsEveryEarlierRowAndAddsThreeRowsPerModelAtTheEnd() throws IOException {
        String before = csv(WITHOUT);
        String after = csv(WITH);
        assertThat(after).startsWith(before);
        String model = MetricsCsv.field(HandBuiltAudit.MODELS.get(1));
        assertThat(after.substring(before.length()).lines().toList()).containsExactly(
                "ncp-lanekeeping,dynamics,,,,,pc1_share,0.8125,0.75,0.875",
                "ncp-lanekeeping,dynamics,,,,,lmax_median,0.03125,0.025,0.0375",
                "ncp-lanekeeping,dynamics,,,,,lmax_max,0.5,0.25,0.5",
                model + ",dynamics,,,,,pc1_share,0.625,,",
                model + ",dynamics,,,,,lmax_median,,,",
                model + ",dynamics,,,,,lmax_max,0.75,0.5,0.75");
    }

    @Test
    void jsonAddsADynamicsObjectPerModelAndChangesNothingElse() {
        JsonNode before = MetricsJson.toJson(WITHOUT);
        JsonNode after = MetricsJson.toJson(WITH);
        JsonNode d = after.get("models").get(0).get("dynamics");
        assertThat(d.get("steps").asInt()).isEqualTo(600);
        assertThat(d.get("pca_neurons").asInt()).isEqualTo(18);
        assertThat(d.get("pc1_share").asDouble()).isEqualTo(0.8125);
        assertThat(d.get("pc1_share_ci").toString()).isEqualTo("[0.75,0.875]");
        assertThat(d.get("lmax_median_ci").toString()).isEqualTo("[0.025,0.0375]");
        assertThat(d.get("lmax_max").asDouble()).isEqualTo(0.5);
        assertThat(d.get("resampling").asText()).startsWith("contiguous blocks");
        JsonNode second = after.get("models").get(1).get("dynamics");
        assertThat(second.get("pc1_share_ci").isNull()).isTrue();
        assertThat(second.get("lmax_median").isNull()).isTrue();
        var stripped = after.deepCopy();
        for (JsonNode m : stripped.get("models")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("dynamics");
        }
        assertThat(stripped).isEqualTo(before);
        assertThat(before.get("models").get(0).has("dynamics")).isFalse();
    }

    @Test
    void htmlAndPdfShowTheTableWithIntervals() throws IOException {
        List<CausalReportWriter.ReportFile> files = CausalReportWriter.files(WITH);
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        file(files, "index.html").body().accept(html);
        assertThat(html.toString(StandardCharsets.UTF_8))
                .contains("Dynamics over the clean rollouts")
                .contains("<td>0.8125 [0.7500, 0.8750]</td>")
                .contains("Dynamics: each model&#39;s own states over the clean rollouts")
                .contains("(contiguous blocks of 8 frames of the one episode (75 blocks))");
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        file(files, "report.pdf").body().accept(pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toByteArray())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Dynamics over the clean rollouts",
                    "0.8125 [0.7500, 0.8750]", "PC1 share");
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        file(CausalReportWriter.files(WITHOUT), "index.html").body().accept(plain);
        assertThat(plain.toString(StandardCharsets.UTF_8)).doesNotContain("Dynamics over the clean rollouts")
                .doesNotContain("Dynamics: each model");
    }

    private static CausalReportWriter.ReportFile file(List<CausalReportWriter.ReportFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
