package io.liquidlens.tree.pdf;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.drawing.Painter;
import io.liquidlens.stats.Interval;
import io.liquidlens.tree.SweepPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The readability trade-off of a minimum-leaf sweep as a chart drawn with Java2D: fidelity (held-out and training,
 * two series) against the tree's leaves on a log axis, each held-out point labelled with its minimum leaf size, and
 * the 85 % line a readable tree should stay above. One drawing code serves the PDF page and {@code sweep.svg}.
 */
final class SweepChart implements Painter {
    static final double WIDTH = 640;
    static final double HEIGHT = 420;
    /** The fidelity a tree should keep to count as a faithful explanation (docs/ANALYSES.md#decision-trees). */
    static final double GOOD_FIDELITY = 0.85;
    private static final Color HELD_OUT = new Color(0x1f77b4);
    private static final Color TRAINING = new Color(0xe6550d);

    private final List<SweepPoint> points;
    private final String title;
    private final String subtitle;
    private final Font font = Fonts.plain(9);
    private final Font label = Fonts.plain(7.5f);
    private final Font heading = Fonts.bold(11);
    private final double left = 58;
    private final double right = 20;
    private final double top = 52;
    private final double bottom = 44;
    private final double xMin;
    private final double xMax;
    private final double yMin;

    /** A chart of {@code points} (at least one) under {@code title} and {@code subtitle}. */
    SweepChart(List<SweepPoint> points, String title, String subtitle) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a sweep chart needs at least one sweep point");
        }
        this.points = points.stream().sorted(Comparator.comparingInt(SweepPoint::leaves)
                .thenComparingInt(SweepPoint::minLeaf)).toList();
        this.title = title;
        this.subtitle = subtitle;
        int lo = this.points.get(0).leaves();
        int hi = this.points.get(this.points.size() - 1).leaves();
        this.xMin = Math.pow(10, Math.floor(Math.log10(Math.max(1, lo))));
        this.xMax = Math.max(xMin * 10, Math.pow(10, Math.ceil(Math.log10(Math.max(1, hi) * 1.05))));
        double low = GOOD_FIDELITY;
        for (SweepPoint p : points) {
            low = Math.min(low, Math.min(p.fidelity(), p.trainingFidelity()));
            if (p.fidelityInterval().isDefined()) {
                low = Math.min(low, p.fidelityInterval().low());
            }
        }
        this.yMin = Math.max(0, Math.floor(low * 20 - 0.5) / 20);
    }

    /** Draws the chart in a {@link #WIDTH} x {@link #HEIGHT} point box with its top left at the origin. */
    @Override
    public double width() {
        return WIDTH;
    }

    @Override
    public double height() {
        return HEIGHT;
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.setFont(heading);
        g.setColor(Color.BLACK);
        g.drawString(title, (float) left, 20f);
        g.setFont(font);
        g.setColor(Color.DARK_GRAY);
        g.drawString(subtitle, (float) left, 34f);
        Rectangle2D plot = new Rectangle2D.Double(left, top, WIDTH - left - right, HEIGHT - top - bottom);
        axes(g, plot);
        BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 3f}, 0f);
        g.setStroke(dashed);
        g.setColor(Color.GRAY);
        double y85 = y(plot, GOOD_FIDELITY);
        g.draw(new Line2D.Double(plot.getMinX(), y85, plot.getMaxX(), y85));
        g.setFont(font);
        g.drawString("85 %", (float) (plot.getMaxX() - Fonts.width(font, "85 %") - 2), (float) (y85 - 3));
        series(g, plot, true);
        series(g, plot, false);
        legend(g, plot);
    }

    private void axes(Graphics2D g, Rectangle2D plot) {
        g.setStroke(new BasicStroke(0.8f));
        g.setFont(font);
        for (double v = yMin; v <= 1.0 + 1e-9; v += 0.05) {
            double y = y(plot, v);
            g.setColor(new Color(0xeeeeee));
            g.draw(new Line2D.Double(plot.getMinX(), y, plot.getMaxX(), y));
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(plot.getMinX() - 4, y, plot.getMinX(), y));
            String s = String.format(Locale.ROOT, "%.2f", v);
            g.drawString(s, (float) (plot.getMinX() - 6 - Fonts.width(font, s)), (float) (y + 3));
        }
        for (double decade = xMin; decade <= xMax * 1.0001; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                double v = decade * m;
                if (v > xMax * 1.0001) {
                    break;
                }
                double x = x(plot, v);
                g.setColor(new Color(0xeeeeee));
                g.draw(new Line2D.Double(x, plot.getMinY(), x, plot.getMaxY()));
                g.setColor(Color.BLACK);
                g.draw(new Line2D.Double(x, plot.getMaxY(), x, plot.getMaxY() + 4));
                String s = String.valueOf((long) v);
                g.drawString(s, (float) (x - Fonts.width(font, s) / 2), (float) (plot.getMaxY() + 15));
            }
        }
        g.setColor(Color.BLACK);
        g.draw(plot);
        String xTitle = "leaves of the tree (log scale)";
        g.drawString(xTitle, (float) (plot.getCenterX() - Fonts.width(font, xTitle) / 2), (float) (HEIGHT - 10));
        var saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        String yTitle = "fidelity (agreement with the network)";
        g.drawString(yTitle, (float) (-plot.getCenterY() - Fonts.width(font, yTitle) / 2), 14f);
        g.setTransform(saved);
    }

    private void series(Graphics2D g, Rectangle2D plot, boolean heldOut) {
        g.setColor(heldOut ? HELD_OUT : TRAINING);
        g.setStroke(new BasicStroke(1.2f));
        Path2D line = new Path2D.Double();
        List<double[]> placed = new ArrayList<>();
        for (SweepPoint p : points) {
            double x = x(plot, Math.max(1, p.leaves()));
            double y = y(plot, heldOut ? p.fidelity() : p.trainingFidelity());
            if (placed.isEmpty()) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
            placed.add(new double[] {x, y});
        }
        g.draw(line);
        for (int i = 0; i < points.size(); i++) {
            double x = placed.get(i)[0];
            double y = placed.get(i)[1];
            if (heldOut) {
                g.fill(new Ellipse2D.Double(x - 3, y - 3, 6, 6));
            } else {
                g.draw(new Rectangle2D.Double(x - 2.5, y - 2.5, 5, 5));
            }
        }
        if (heldOut) {
            intervals(g, plot, placed);
            labels(g, placed);
        }
    }

    /** Each held-out point's 95% interval as a vertical bar with caps. */
    private void intervals(Graphics2D g, Rectangle2D plot, List<double[]> placed) {
        g.setStroke(new BasicStroke(0.8f));
        for (int i = 0; i < points.size(); i++) {
            Interval ci = points.get(i).fidelityInterval();
            if (!ci.isDefined()) {
                continue;
            }
            double x = placed.get(i)[0];
            double lo = y(plot, ci.low());
            double hi = y(plot, ci.high());
            g.draw(new Line2D.Double(x, lo, x, hi));
            g.draw(new Line2D.Double(x - 3, lo, x + 3, lo));
            g.draw(new Line2D.Double(x - 3, hi, x + 3, hi));
        }
    }

    /** "m=5" under each held-out point; points of the same leaf count stack their labels. */
    private void labels(Graphics2D g, List<double[]> placed) {
        g.setFont(label);
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i < points.size(); i++) {
            int stacked = 0;
            for (int j = 0; j < i; j++) {
                if (points.get(j).leaves() == points.get(i).leaves()) {
                    stacked++;
                }
            }
            String s = "m=" + points.get(i).minLeaf();
            double x = placed.get(i)[0] + 4;
            double y = placed.get(i)[1] + 12 + stacked * 9;
            g.drawString(s, (float) x, (float) y);
        }
    }

    private void legend(Graphics2D g, Rectangle2D plot) {
        double x = plot.getMinX() + 10;
        double y = plot.getMinY() + 14;
        g.setFont(font);
        g.setColor(HELD_OUT);
        g.fill(new Ellipse2D.Double(x, y - 6, 6, 6));
        g.drawString("held-out fidelity and its 95% interval (m = minimum leaf size)", (float) (x + 12), (float) y);
        g.setColor(TRAINING);
        g.draw(new Rectangle2D.Double(x + 0.5, y + 14 - 5.5, 5, 5));
        g.drawString("training fidelity", (float) (x + 12), (float) (y + 14));
    }

    private double x(Rectangle2D plot, double leaves) {
        double f = (Math.log10(leaves) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin));
        return plot.getMinX() + f * plot.getWidth();
    }

    private double y(Rectangle2D plot, double fidelity) {
        return plot.getMaxY() - (fidelity - yMin) / (1 - yMin) * plot.getHeight();
    }
}
