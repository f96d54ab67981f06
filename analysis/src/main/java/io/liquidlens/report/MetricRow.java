package io.liquidlens.report;

/**
 * One row of {@code metrics.csv}: one number and what it belongs to.
 *
 * @param model     the model's name (the group's for {@code section=group})
 * @param section   {@code frames}, {@code closed_loop}, {@code intervention}, {@code group} or {@code dynamics}
 * @param condition the condition's name, or for interventions {@code target: action}
 * @param kind      the condition's kind (empty for interventions)
 * @param level     the condition's level (NaN, written empty, for interventions)
 * @param step      the step of a per-step value, or -1 for summaries (written empty)
 * @param metric    what the value is, e.g. {@code ssim} or {@code ssim_median}
 * @param value     the value (NaN written empty)
 * @param ciLow     the lower end of the value's 95% interval (NaN, written empty, when it has none)
 * @param ciHigh    the upper end of that interval
 */
record MetricRow(String model, String section, String condition, String kind, double level, int step,
                 String metric, double value, double ciLow, double ciHigh) {

    /** A row whose value has no interval. */
    MetricRow(String model, String section, String condition, String kind, double level, int step, String metric,
              double value) {
        this(model, section, condition, kind, level, step, metric, value, Double.NaN, Double.NaN);
    }
}
