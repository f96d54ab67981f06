/**
 * The causality report run from the workbench: a small dialog gathers what {@code liquidlens report} takes (models,
 * rollouts, perturbations, episodes, out folder) and {@link io.liquidlens.app.report.CausalReportViewModel} runs {@code
 * CausalAuditor} and {@code CausalReportWriter} of the analysis module as one background task through {@code app.task},
 * with progress and cancel. Nothing here measures anything; Depends on {@code app.task} and, of {@code analysis},
 * {@code causal}, {@code report} and {@code io}.
 */
package io.liquidlens.app.report;
