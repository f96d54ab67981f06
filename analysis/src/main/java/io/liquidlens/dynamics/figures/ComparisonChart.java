package io.liquidlens.dynamics.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Several models (or groups of seeds) side by side: PC1's share of the variance (left) and the median L_max over
 * neurons (right, log scale when every value is positive), one bar per model or group in the order given; a group's
 * bar is its members' mean, each member a dot on it.
 */
final class ComparisonChart extends Chart {
    private static final double SLOT = 30;

    private final List<String> names;
    private final double[][] pc1Share;
    private final double[][] medianLmax;

    /**
     * @param pc1Share   per bar, the values of its members (one for a model)
     * @param medianLmax the same for the median L_max
     */
    ComparisonChart(String title, List<String> names, double[][] pc1Share, double[][] medianLmax,
                    List<String> caption) {
        super(title, caption, 2 * panelWidth(names.size()) + 40, 330);
        this.names = List.copyOf(names);
        this.pc1Share = pc1Share.clone();
        this.medianLmax = medianLmax.clone();
    }

    private static double panelWidth(int models) {
        return Math.max(220, LEFT + 10 + SLOT * models);
    }

    @Override
    void body(Graphics2D g) {
        double w = panelWidth(names.size());
        Rectangle2D left = new Rectangle2D.Double(LEFT, top() + 20, w - LEFT - 10, 200);
        Rectangle2D right = new Rectangle2D.Double(w + 20 + LEFT, top() + 20, w - LEFT - 10, 200);
        g.setFont(HEADING);
        g.setColor(Color.BLACK);
        g.drawString("PC1 share", (float) left.getMinX(), (float) (top() + 10));
        g.drawString("median L_max", (float) right.getMinX(), (float) (top() + 10));
        bars(g, left, Axis.exact(0, 1), pc1Share, "share of the variance");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean positive = true;
        for (double[] bar : medianLmax) {
            for (double v : bar) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    positive &= v > 0;
                }
            }
        }
        Axis axis = lo > hi ? Axis.exact(0, 1) : positive ? Axis.log(lo, hi) : Axis.linear(Math.min(0, lo), hi);
        bars(g, right, axis, medianLmax, "median over neurons");
    }

    private void bars(Graphics2D g, Rectangle2D plot, Axis axis, double[][] values, String label) {
        yAxis(g, plot, axis, label);
        double slot = plot.getWidth() / Math.max(1, values.length);
        for (int i = 0; i < values.length; i++) {
            double x = plot.getMinX() + slot * (i + 0.5);
            double mean = mean(values[i]);
            if (Double.isFinite(mean) && (!axis.log || mean > 0)) {
                double top = plot.getMaxY() - Math.max(0, axis.fraction(mean)) * plot.getHeight();
                g.setColor(colour(i));
                g.fill(new Rectangle2D.Double(x - slot * 0.3, top, slot * 0.6, plot.getMaxY() - top));
            }
            if (values[i].length > 1) {
                g.setColor(Color.BLACK);
                for (double v : values[i]) {
                    if (Double.isFinite(v) && (!axis.log || v > 0)) {
                        double y = plot.getMaxY() - Math.max(0, axis.fraction(v)) * plot.getHeight();
                        g.fill(new Ellipse2D.Double(x - 2.5, y - 2.5, 5, 5));
                    }
                }
            }
            g.setColor(Color.BLACK);
            g.setFont(SMALL);
            columnLabel(g, names.get(i), x, plot.getMaxY());
        }
        g.setFont(TEXT);
        frame(g, plot);
    }

    /** The mean of the finite values, NaN when none is. */
    static double mean(double[] values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
