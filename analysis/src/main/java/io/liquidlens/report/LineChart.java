package io.liquidlens.report;

import io.liquidlens.drawing.Fonts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line per series (a condition) against a numeric x axis (a model's epoch, number or place), each value a dot,
 * its interval a translucent band of the line's colour. Values are joined in the order of x; a missing value (NaN)
 * breaks the line and the band there, and a value alone between gaps gets an error bar instead of a band. Many
 * models fit where one bar per model would not (docs/FORMATS.md#causality-report-folder).
 */
final class LineChart extends LegendChart {
    /** How opaque a band is: light enough that the lines and the other bands show through. */
    private static final int BAND_ALPHA = 48;
    private final String xLabel;
    private final double[] x;
    private final List<String> series;
    private final double[][] values;
    private final double[][] low;
    private final double[][] high;
    private final String yLabel;
    private final List<Integer> order;
    private final double yMin;
    private final double yMax;

    /**
     * @param x      one value per model
     * @param order  the models' indices in increasing x
     * @param values one row per series, one value per model (NaN: none)
     * @param low    the lower ends of the intervals, laid out as {@code values} (NaN: none)
     * @param high   the upper ends
     */
    LineChart(String title, String caption, String xLabel, double[] x, List<Integer> order, List<String> series,
              double[][] values, double[][] low, double[][] high, String yLabel) {
        super(title, caption, series, colours(series.size()));
        this.xLabel = xLabel;
        this.x = x.clone();
        this.order = List.copyOf(order);
        this.series = List.copyOf(series);
        this.values = values;
        this.low = low;
        this.high = high;
        this.yLabel = yLabel;
        double lo = 0;
        double hi = 0;
        for (double[][] rows : new double[][][] {values, low, high}) {
            for (double[] row : rows) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        double step = niceStep(Math.max(hi - lo, 1e-12) / 5);
        this.yMin = lo < 0 ? Math.floor(lo / step) * step : 0;
        this.yMax = hi > 0 ? Math.ceil(hi * 1.05 / step) * step : (lo < 0 ? 0 : 1);
    }

    /** True when some series has a value: a chart without any is left out of the report. */
    boolean hasValues() {
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The conditions' colours, in order. */
    private static List<Color> colours(int n) {
        List<Color> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            out.add(colour(s));
        }
        return out;
    }

    @Override
    void plot(Graphics2D g, Rectangle2D plot) {
        yAxis(g, plot, yMin, yMax, yLabel);
        double[] range = xRange();
        xAxis(g, plot, range);
        for (int s = 0; s < series.size(); s++) {
            drawBand(g, plot, range, s, colour(s));
        }
        for (int s = 0; s < series.size(); s++) {
            drawLine(g, plot, range, s, colour(s));
        }
    }

    /** The x axis' ends: the values' range with a little room, or one unit either side of a single value. */
    private double[] xRange() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = hi > lo ? (hi - lo) * 0.03 : 1;
        return new double[] {lo - pad, hi + pad};
    }

    private double px(Rectangle2D plot, double[] range, double v) {
        return plot.getMinX() + (v - range[0]) / (range[1] - range[0]) * plot.getWidth();
    }

    private void xAxis(Graphics2D g, Rectangle2D plot, double[] range) {
        g.setFont(TEXT);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.8f));
        // whole numbers only: epochs, folder numbers and places are counts
        double step = Math.max(1, niceStep((range[1] - range[0]) / 8));
        for (double v = Math.ceil(range[0] / step) * step; v <= range[1]; v += step) {
            double px = px(plot, range, v);
            g.draw(new Line2D.Double(px, plot.getMaxY(), px, plot.getMaxY() + 3));
            centred(g, String.format(Locale.ROOT, "%d", Math.round(v)), px, plot.getMaxY() + 14);
        }
        centred(g, fit(xLabel, TEXT, plot.getWidth()), plot.getCenterX(), plot.getMaxY() + 30);
    }

    /** The interval of series {@code s} as bands over each run of models with intervals, in x order. */
    private void drawBand(Graphics2D g, Rectangle2D plot, double[] range, int s, Color c) {
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA));
        List<Integer> run = new ArrayList<>();
        for (int k = 0; k <= order.size(); k++) {
            int i = k < order.size() ? order.get(k) : -1;
            if (i >= 0 && Double.isFinite(low[s][i]) && Double.isFinite(high[s][i])) {
                run.add(i);
                continue;
            }
            if (run.size() == 1) {
                int only = run.get(0);
                errorBar(g, px(plot, range, x[only]), y(plot, yMin, yMax, low[s][only]),
                        y(plot, yMin, yMax, high[s][only]), 3);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), BAND_ALPHA));
            } else if (run.size() > 1) {
                Path2D.Double band = new Path2D.Double();
                band.moveTo(px(plot, range, x[run.get(0)]), y(plot, yMin, yMax, high[s][run.get(0)]));
                for (int j : run) {
                    band.lineTo(px(plot, range, x[j]), y(plot, yMin, yMax, high[s][j]));
                }
                for (int r = run.size() - 1; r >= 0; r--) {
                    band.lineTo(px(plot, range, x[run.get(r)]), y(plot, yMin, yMax, low[s][run.get(r)]));
                }
                band.closePath();
                g.fill(band);
            }
            run.clear();
        }
    }

    /** Series {@code s} as a line through its values in x order, broken where a value is missing, with dots. */
    private void drawLine(Graphics2D g, Rectangle2D plot, double[] range, int s, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(1.4f));
        double[] last = null;
        for (int i : order) {
            double v = values[s][i];
            if (!Double.isFinite(v)) {
                last = null;
                continue;
            }
            double[] p = {px(plot, range, x[i]), y(plot, yMin, yMax, v)};
            if (last != null) {
                g.draw(new Line2D.Double(last[0], last[1], p[0], p[1]));
            }
            g.fill(new Ellipse2D.Double(p[0] - 2, p[1] - 2, 4, 4));
            last = p;
        }
        if (!hasValues(s)) {
            g.setFont(SMALL);
            g.setColor(Color.GRAY);
            String none = series.get(s) + ": n/a";
            g.drawString(none, (float) (plot.getMaxX() - 4 - Fonts.width(SMALL, none)),
                    (float) (plot.getMinY() + 10 + 9 * s));
        }
    }

    private boolean hasValues(int s) {
        for (double v : values[s]) {
            if (Double.isFinite(v)) {
                return true;
            }
        }
        return false;
    }
}
