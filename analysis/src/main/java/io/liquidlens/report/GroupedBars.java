package io.liquidlens.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Bars grouped by condition, one bar per series (a model, or a model's share of one kind) in the series' colour.
 * A missing value (NaN: not driven, no labels) leaves its slot empty with a small "n/a" under it. Bars may carry
 * error bars (their intervals) and dots (e.g. the values of a group's members).
 */
final class GroupedBars extends LegendChart {
    private final List<String> groups;
    private final List<String> series;
    private final List<Color> colours;
    private final double[][] values;
    private final String yLabel;
    private double max;
    private final boolean counts;
    private final double[][] low;
    private final double[][] high;
    private double[][][] dots;

    /**
     * @param values one row per group, one value per series
     */
    GroupedBars(String title, String caption, List<String> groups, List<String> series, List<Color> colours,
                double[][] values, String yLabel) {
        this(title, caption, groups, series, colours, values, yLabel, false);
    }

    /**
     * @param counts write each bar's value above it as a whole number (so that 0 and 1 crash can be told apart)
     */
    GroupedBars(String title, String caption, List<String> groups, List<String> series, List<Color> colours,
                double[][] values, String yLabel, boolean counts) {
        this(title, caption, groups, series, colours, values, null, null, yLabel, counts);
    }

    /**
     * @param low  the lower ends of an error bar per value, laid out as {@code values} (NaN: no bar), or null for
     *             no error bars
     * @param high the upper ends; the axis reaches the highest
     */
    GroupedBars(String title, String caption, List<String> groups, List<String> series, List<Color> colours,
                double[][] values, double[][] low, double[][] high, String yLabel, boolean counts) {
        super(title, caption, series, colours);
        this.low = low;
        this.high = high;
        this.counts = counts;
        this.groups = List.copyOf(groups);
        this.series = List.copyOf(series);
        this.colours = List.copyOf(colours);
        this.values = values;
        this.yLabel = yLabel;
        this.max = axisMax(high == null ? values : concat(values, high));
    }

    private static double axisMax(double[][] rows) {
        double hi = 0;
        for (double[] row : rows) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > 0 ? Math.ceil(hi * 1.1 / niceStep(hi / 5)) * niceStep(hi / 5) : 1;
    }

    /**
     * Adds small dots over each bar, e.g. the values of the members whose mean the bar is; returns this figure.
     *
     * @param dots per group and series the dots' values (null or empty: none); the axis reaches the highest
     */
    GroupedBars dots(double[][][] dots) {
        this.dots = dots;
        double[][] all = concat(values, high == null ? new double[0][] : high);
        for (double[][] row : dots) {
            for (double[] d : row) {
                if (d != null) {
                    all = concat(all, new double[][] {d});
                }
            }
        }
        this.max = axisMax(all);
        return this;
    }

    private void drawDots(Graphics2D g, Rectangle2D plot, int k, int s, double x, double bar) {
        if (dots == null || dots[k][s] == null) {
            return;
        }
        double[] d = dots[k][s];
        g.setColor(Color.BLACK);
        for (int j = 0; j < d.length; j++) {
            if (Double.isFinite(d[j])) {
                // spread across the bar so that equal values stay countable
                double cx = x + bar * (j + 1) / (d.length + 1);
                double cy = y(plot, 0, max, d[j]);
                g.fill(new java.awt.geom.Ellipse2D.Double(cx - 1.5, cy - 1.5, 3, 3));
            }
        }
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Override
    void plot(Graphics2D g, Rectangle2D plot) {
        yAxis(g, plot, 0, max, yLabel);
        double slot = plot.getWidth() / groups.size();
        double bar = Math.min(28, slot * 0.8 / Math.max(1, series.size()));
        for (int k = 0; k < groups.size(); k++) {
            double x0 = plot.getMinX() + k * slot + (slot - bar * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                double v = values[k][s];
                double x = x0 + s * bar;
                if (Double.isFinite(v)) {
                    double barTop = y(plot, 0, max, v);
                    g.setColor(colours.get(s));
                    g.fill(new Rectangle2D.Double(x + 1, barTop, bar - 2, plot.getMaxY() - barTop));
                    boolean ranged = low != null && Double.isFinite(low[k][s]) && Double.isFinite(high[k][s]);
                    if (ranged) {
                        errorBar(g, x + bar / 2, y(plot, 0, max, low[k][s]), y(plot, 0, max, high[k][s]),
                                Math.min(4, bar / 4));
                    }
                    drawDots(g, plot, k, s, x, bar);
                    if (counts) {
                        g.setFont(SMALL);
                        g.setColor(Color.DARK_GRAY);
                        double above = ranged ? Math.min(barTop, y(plot, 0, max, high[k][s])) : barTop;
                        centred(g, Long.toString(Math.round(v)), x + bar / 2, above - 2);
                    }
                } else {
                    g.setFont(SMALL);
                    g.setColor(Color.GRAY);
                    centred(g, "n/a", x + bar / 2, plot.getMaxY() - 3);
                }
            }
            g.setFont(TEXT);
            g.setColor(Color.BLACK);
            centred(g, groups.get(k), plot.getMinX() + (k + 0.5) * slot, plot.getMaxY() + 14);
        }
    }
}
