package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.drawing.PdfDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code report.pdf}: the caption on page 1, then one page per figure (the very painters of the HTML's SVG) and
 * one per table; real text in embedded DejaVu Sans. The provenance goes into the document information
 * ({@code liquidlens.provenance}).
 */
final class ReportPdf {
    private ReportPdf() {
    }

    /** Writes the PDF of {@code audit} with {@code figures} and {@code tables} (flushed, left open). */
    static void write(CausalAudit audit, List<Figure> figures, List<Table> tables, OutputStream out)
            throws IOException {
        try (PdfDocument doc = new PdfDocument()) {
            String title = Caption.title(audit);
            List<String> caption = Caption.paragraphs(audit);
            doc.page(new TextPage(title, caption));
            for (Figure f : figures) {
                doc.page(f);
            }
            for (Table t : tables) {
                doc.page(new TablePage(t));
            }
            doc.describe(title, String.join("\n", caption), "LiquidLens " + audit.provenance().version(),
                    Map.of("liquidlens.provenance", audit.provenance().toJson().toString()));
            doc.save(out);
        }
    }
}
