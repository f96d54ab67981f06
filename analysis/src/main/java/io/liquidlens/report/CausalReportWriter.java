package io.liquidlens.report;

import io.liquidlens.causal.CausalAudit;
import io.liquidlens.io.AtomicFiles;
import io.liquidlens.io.AtomicFolders;
import io.liquidlens.io.IOConsumer;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a causality report folder: {@code metrics.csv}, {@code metrics.json}, {@code index.html} and
 * {@code report.pdf}, all from one {@link CausalAudit}. The folder appears complete or not at all (it is filled
 * beside the target and moved into place; see {@link AtomicFolders}).
 */
public final class CausalReportWriter {
    /** The files of a report, in the order written. */
    public static final List<String> FILES = List.of("metrics.csv", "metrics.json", "index.html", "report.pdf");

    private CausalReportWriter() {
    }

    /** One file of the report and how it is written. */
    record ReportFile(String name, IOConsumer<OutputStream> body) {
    }

    /**
     * Writes the report of {@code audit} into {@code outDir}, replacing what was there.
     *
     * @param audit  the numbers and how they were made
     * @param outDir the report folder; its parent is created when missing
     * @throws io.liquidlens.LiquidLensException naming {@code outDir} when it cannot be written (nothing is
     *                                           left behind)
     */
    public static void write(CausalAudit audit, Path outDir) {
        write(outDir, files(audit));
    }

    /** The report's files. */
    static List<ReportFile> files(CausalAudit audit) {
        List<Figure> figures = Figures.of(audit);
        List<Table> tables = new java.util.ArrayList<>();
        if (audit.evidence().byGroup()) {
            tables.add(GroupTables.spread(audit));
        }
        if (ManyModels.applies(audit)) {
            // the summary's row per model and condition is left to metrics.csv; the key figures say it compactly
            tables.addAll(List.of(Tables.comparisons(audit), Tables.interventions(audit,
                    ManyModels.shown(audit, ModelAxis.of(audit.models())))));
        } else {
            tables.addAll(List.of(Tables.summary(audit), Tables.comparisons(audit), Tables.interventions(audit)));
        }
        if (audit.models().stream().anyMatch(m -> m.dynamics() != null)) {
            tables.add(Tables.dynamics(audit));
        }
        if (audit.evidence().byGroup() && !audit.evidence().groups().dynamics().isEmpty()) {
            tables.add(GroupTables.dynamics(audit));
        }
        return List.of(new ReportFile("metrics.csv", o -> MetricsCsv.write(MetricsTable.rows(audit), o)),
                new ReportFile("metrics.json", o -> MetricsJson.write(audit, o)),
                new ReportFile("index.html", o -> ReportHtml.write(audit, figures, tables, o)),
                new ReportFile("report.pdf", o -> ReportPdf.write(audit, figures, tables, o)));
    }

    /** Writes {@code files} into {@code outDir} atomically. */
    static void write(Path outDir, List<ReportFile> files) {
        AtomicFolders.write(outDir, "liquidlens report", dir -> {
            for (ReportFile f : files) {
                AtomicFiles.write(dir.resolve(f.name()), f.body());
            }
        });
    }
}
