/**
 * Batch causality reports (docs/ANALYSES.md#causality-report): a {@link io.liquidlens.causal.CausalAudit} written as
 * a self-contained {@code index.html} (figures as inline SVG), {@code report.pdf}, {@code metrics.csv} and
 * {@code metrics.json}. Assembly only: every number comes from the audit; nothing here measures.
 *
 * <p>Depends on {@code causal}, {@code provenance}, {@code lanekeeping} (the sample world's frames),
 * {@code drawing} (PDF pages), {@code stats} (the intervals' type), {@code dynamics} (the dynamics figures'
 * type) and {@code io} (atomic writes); Java2D only for off-screen drawing into the PDF. Only {@code cli} uses it.
 */
package io.liquidlens.report;
