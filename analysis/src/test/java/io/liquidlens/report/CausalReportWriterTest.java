package io.liquidlens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liquidlens.LiquidLensException;
import io.liquidlens.causal.CausalAudit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report folder of a hand-built audit, read back: CSV against JSON and a golden file, PDF, HTML as XML. */
class CausalReportWriterTest {
    private static final CausalAudit AUDIT = HandBuiltAudit.audit();
    @TempDir
    static Path shared;
    private static Path report;

    @BeforeAll
    static void writeOnce() {
        report = shared.resolve("out").resolve("report");
        CausalReportWriter.write(AUDIT, report);
    }

    private static java.util.List<String> withMarker(java.util.List<String> files) {
        java.util.List<String> all = new java.util.ArrayList<>(files);
        all.add(io.liquidlens.io.OutputFolders.MARKER);
        return all;
    }

    @Test
    void writesTheFourFilesAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.list(report)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(withMarker(CausalReportWriter.FILES));
        }
        try (Stream<Path> beside = Files.list(report.getParent())) {
            assertThat(beside).as("no temporary folders left beside the report").containsExactly(report);
        }
    }

    @Test
    void metricsCsvMatchesTheGoldenFileExactly() throws IOException {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/causal-metrics.csv")) {
            assertThat(in).as("golden/causal-metrics.csv").isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(report.resolve("metrics.csv"))).isEqualTo(golden);
    }

    @Test
    void csvAndJsonAgreeOnEveryNumber() throws IOException {
        List<List<String>> csv = Csv.read(Files.readString(report.resolve("metrics.csv")));
        assertThat(csv.get(0)).containsExactly("model", "section", "condition", "kind", "level", "step", "metric",
                "value", "ci_low", "ci_high");
        JsonNode json = new ObjectMapper().readTree(report.resolve("metrics.json").toFile());
        int perStep = 0;
        int intervals = 0;
        for (List<String> row : csv.subList(1, csv.size())) {
            assertThat(row).hasSize(10);
            JsonNode expected = jsonValue(json, row);
            assertThat(expected).as("JSON holds %s", row).isNotNull();
            assertThat(row.get(7)).as("%s", row).isEqualTo(expected.isNull() ? "" : Double.toString(expected.asDouble()));
            JsonNode ci = jsonValue(json, withMetric(row, row.get(6) + "_ci"));
            if (ci == null || ci.isNull()) {
                assertThat(row.subList(8, 10)).as("no interval for %s", row).containsExactly("", "");
            } else {
                assertThat(row.subList(8, 10)).as("interval of %s", row).containsExactly(
                        Double.toString(ci.get(0).asDouble()), Double.toString(ci.get(1).asDouble()));
                intervals++;
            }
            if (row.get(1).equals("frames") && !row.get(5).isEmpty()) {
                perStep++;
            }
        }
        assertThat(perStep).as("per-step rows: 2 models x 3 conditions x 5 steps x 6 metrics").isEqualTo(180);
        assertThat(intervals).as("mean and median of 6 metrics, 2 models x 3 conditions, less model 2's 4 unlabelled"
                + " series; crash rates of model 1 under 3 conditions").isEqualTo(2 * 6 * 6 - 2 * 4 * 3 + 3);
        assertThat(csv).anyMatch(r -> r.get(0).equals(HandBuiltAudit.AWKWARD));
        assertThat(csv).as("NaN shares are empty").anyMatch(r -> r.get(6).equals("task_share") && r.get(7).isEmpty());
        assertThat(json.path("provenance").path("inputs").get(0).path("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(json.path("method").asText()).isEqualTo("VisualBackProp[]");
        assertThat(json.path("output").path("name").asText()).isEqualTo("steering");
    }

    /** The JSON number a CSV row stands for. */
    private static JsonNode jsonValue(JsonNode json, List<String> row) {
        JsonNode model = find(json.path("models"), "name", row.get(0));
        String metric = row.get(6);
        if (row.get(1).equals("intervention")) {
            for (JsonNode e : model.path("interventions")) {
                if ((e.path("target").asText() + ": " + e.path("action").asText()).equals(row.get(2))) {
                    return e.get(metric);
                }
            }
            return null;
        }
        JsonNode condition = find(model.path("conditions"), "condition", row.get(2));
        JsonNode declared = find(json.path("conditions"), "name", row.get(2));
        assertThat(Double.toString(declared.path("level").asDouble())).isEqualTo(row.get(4));
        assertThat(declared.path("kind").asText()).isEqualTo(row.get(3));
        if (row.get(1).equals("closed_loop")) {
            return condition.path("closed_loop").get(metric);
        }
        if (row.get(5).isEmpty()) {
            return condition.path("summary").get(metric);
        }
        JsonNode steps = condition.path("frames").path("steps");
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).asText().equals(row.get(5))) {
                return condition.path("frames").path(metric).get(i);
            }
        }
        return null;
    }

    private static List<String> withMetric(List<String> row, String metric) {
        List<String> copy = new ArrayList<>(row);
        copy.set(6, metric);
        return copy;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + field + " = " + value);
    }

    @Test
    void thePdfHoldsEveryModelAndConditionAsText() throws IOException {
        try (PDDocument doc = Loader.loadPDF(report.resolve("report.pdf").toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(HandBuiltAudit.MODELS).contains(HandBuiltAudit.CONDITIONS)
                    .contains("SSIM of clean and perturbed saliency maps", "Crashes in closed loop", "ab".repeat(32));
            assertThat(doc.getDocumentInformation().getCustomMetadataValue("liquidlens.provenance"))
                    .contains("liquidlens report");
        }
    }

    @Test
    void theHtmlIsWellFormedXmlWithOneSvgPerFigureAndEveryName() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(report.resolve("index.html").toFile());
        var svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isEqualTo(Figures.of(AUDIT).size()).isEqualTo(6);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains(HandBuiltAudit.MODELS).contains(HandBuiltAudit.CONDITIONS)
                .contains("cd".repeat(32), "seed 7", "LiquidLens test", "Java test, TestOS");
        String html = Files.readString(report.resolve("index.html"));
        assertThat(html).doesNotContain("<script").doesNotContain(HandBuiltAudit.AWKWARD)
                .contains("data:image/png;base64,");
    }

    @Test
    void theHtmlOpensWithItsAnswerAndEndsWithTheProvenanceCollapsed() throws IOException {
        String html = Files.readString(report.resolve("index.html"));
        int summary = html.indexOf("<section id=\"summary\">");
        int reading = html.indexOf("<p>Reading: ");
        int key = html.indexOf("<h2>Key figures");
        int figure = html.indexOf("<figure");
        int table = html.indexOf("<h2>Summary per model and condition");
        int details = html.indexOf("<details id=\"provenance\">");
        int sha = html.indexOf("ab".repeat(32));
        assertThat(List.of(summary, reading, key, figure, table, details, sha)).doesNotContain(-1).isSorted();
        assertThat(html.indexOf("<figure")).as("no figure after the provenance").isLessThan(details);
        assertThat(html).contains("step-down over all 6 comparisons", "1.000 [1.000, 1.000]",
                "contiguous blocks of 2 frames");
    }

    @Test
    void thePdfStartsWithTheSummaryAndItsLastPageIsTheProvenance() throws IOException {
        try (PDDocument doc = Loader.loadPDF(report.resolve("report.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(2);
            String first = stripper.getText(doc);
            assertThat(first).contains("Question:", "Reading:", "Key figures").doesNotContain("ab".repeat(32));
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            String last = stripper.getText(doc);
            assertThat(last).contains("Provenance", "ab".repeat(32), "cd".repeat(32), "Java test, TestOS")
                    .doesNotContain("Reading:");
        }
    }

    @Test
    void aWriterFailingMidwayLeavesNoFolder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        List<CausalReportWriter.ReportFile> files = new ArrayList<>(CausalReportWriter.files(AUDIT).subList(0, 2));
        files.add(new CausalReportWriter.ReportFile("index.html", o -> {
            o.write("<html>".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("figure failed");
        }));
        assertThatThrownBy(() -> CausalReportWriter.write(out, files)).hasMessage("figure failed");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFailedRewriteKeepsTheEarlierReport(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        CausalReportWriter.write(out, List.of(new CausalReportWriter.ReportFile("metrics.csv",
                o -> o.write('x'))));
        assertThatThrownBy(() -> CausalReportWriter.write(out, List.of(new CausalReportWriter.ReportFile(
                "metrics.csv", o -> {
                    throw new IOException("disk full");
                })))).isInstanceOf(LiquidLensException.class).hasMessageContaining("disk full");
        assertThat(Files.readString(out.resolve("metrics.csv"))).isEqualTo("x");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(out);
        }
    }

    @Test
    void anOutFolderUnderAFileIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "not a folder");
        Path out = file.resolve("report");
        assertThatThrownBy(() -> CausalReportWriter.write(AUDIT, out)).isInstanceOf(LiquidLensException.class)
                .hasMessageContaining(out.toString());
        assertThat(Files.readString(file)).isEqualTo("not a folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static final class Csv {
        static List<List<String>> read(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            assertThat(field.length() == 0 && row.isEmpty()).as("the file ends with a line break").isTrue();
            return rows;
        }
    }
}
