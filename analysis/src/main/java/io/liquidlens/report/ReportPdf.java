package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.drawing.PdfDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code report.pdf}, in the HTML's order: the summary (the question and the reading on page 1, the key figures on
 * page 2), one page per figure (the very painters of the HTML's SVG), one per table, how the numbers were made,
 * and the provenance on the last page; real text in embedded DejaVu Sans. The provenance also goes into the
 * document information ({@code liquidlens.provenance}).
 */
final class ReportPdf {
    private ReportPdf() {
    }

    /** Writes the PDF of {@code audit} with {@code figures} and {@code tables} (flushed, left open). */
    static void write(CausalAudit audit, List<Figure> figures, List<Table> tables, OutputStream out)
            throws IOException {
        try (PdfDocument doc = new PdfDocument()) {
            String title = Caption.title(audit);
            List<String> summary = new ArrayList<>();
            summary.add(Reading.question(audit));
            summary.addAll(Reading.paragraphs(audit));
            doc.page(new TextPage(title, summary));
            for (Table t : Tables.opening(audit)) {
                doc.page(new TablePage(t));
            }
            for (Figure f : figures) {
                doc.page(f);
            }
            for (Table t : tables) {
                doc.page(new TablePage(t));
            }
            doc.page(new TextPage("How the numbers were made", Caption.methods(audit)));
            doc.page(new TextPage("Provenance", Caption.provenance(audit)));
            doc.describe(title, String.join("\n", summary), "LiquidLens " + audit.provenance().version(),
                    Map.of("liquidlens.provenance", audit.provenance().toJson().toString()));
            doc.save(out);
        }
    }
}
