package io.liquidlens.report;

/**
 * One row of {@code metrics.csv}: one number and what it belongs to.
 *
 * @param model     the model's name
 * @param section   {@code frames}, {@code closed_loop} or {@code intervention}
 * @param condition the condition's name, or for interventions {@code target: action}
 * @param kind      the condition's kind (empty for interventions)
 * @param level     the condition's level (NaN, written empty, for interventions)
 * @param step      the step of a per-step value, or -1 for summaries (written empty)
 * @param metric    what the value is, e.g. {@code ssim} or {@code ssim_median}
 * @param value     the value (NaN written empty)
 */
record MetricRow(String model, String section, String condition, String kind, double level, int step,
                 String metric, double value) {
}
