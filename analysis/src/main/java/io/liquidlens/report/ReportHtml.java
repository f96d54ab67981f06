package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.drawing.Svg;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code index.html}: one self-contained page (no scripts, no external files; images inside the SVG as base64
 * PNG) that is also well-formed XML. It opens with its answer: the summary (the question, the reading, the key
 * figures with their intervals), then the figures as inline SVG at full width, the tables, how the numbers were
 * made, and the provenance last in a collapsed {@code <details>} block. All text from the audit is escaped.
 */
final class ReportHtml {
    private static final String STYLE = "body{font-family:'DejaVu Sans',sans-serif;max-width:60em;margin:2em auto;"
            + "line-height:1.4}figure{margin:2em 0}svg{width:100%;height:auto}table{border-collapse:collapse;"
            + "font-size:0.85em}th,td{padding:0.2em 0.6em;border-bottom:1px solid #ddd;text-align:left}";

    private ReportHtml() {
    }

    /** Writes the page of {@code audit} with {@code figures} and {@code tables} (flushed, left open). */
    static void write(CausalAudit audit, List<Figure> figures, List<Table> tables, OutputStream out)
            throws IOException {
        StringBuilder h = new StringBuilder(1 << 16);
        String title = Caption.title(audit);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(escape(title)).append("</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        paragraphs(h, List.of(Reading.question(audit)));
        paragraphs(h, Reading.paragraphs(audit));
        for (Table t : Tables.opening(audit)) {
            table(h, t);
        }
        h.append("</section>\n<section id=\"figures\">\n");
        char letter = 'a';
        for (Figure f : figures) {
            h.append("<figure id=\"fig-").append(letter).append("\">\n")
                    .append(Svg.element(f, "fig" + letter + "-")).append("\n<figcaption>(").append(letter)
                    .append(") ").append(escape(f.title())).append(": ").append(escape(f.caption()))
                    .append(f.note().isEmpty() ? "" : "; " + escape(f.note())).append("</figcaption>\n</figure>\n");
            letter++;
        }
        h.append("</section>\n<section id=\"tables\">\n");
        for (Table t : tables) {
            table(h, t);
        }
        h.append("</section>\n<section id=\"methods\">\n<h2>How the numbers were made</h2>\n");
        paragraphs(h, Caption.methods(audit));
        h.append("</section>\n<details id=\"provenance\">\n<summary>Provenance: inputs with SHA-256, options,"
                + " version</summary>\n");
        paragraphs(h, Caption.provenance(audit));
        h.append("</details>\n</body>\n</html>\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void paragraphs(StringBuilder h, List<String> paragraphs) {
        for (String p : paragraphs) {
            h.append("<p>").append(escape(p)).append("</p>\n");
        }
    }

    private static void table(StringBuilder h, Table t) {
        h.append("<h2>").append(escape(t.title())).append("</h2>\n<table>\n<tr>");
        for (String c : t.header()) {
            h.append("<th>").append(escape(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> r : t.rows()) {
            h.append("<tr>");
            for (String c : r) {
                h.append("<td>").append(escape(c)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** {@code s} safe as HTML/XML text and attribute value. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
