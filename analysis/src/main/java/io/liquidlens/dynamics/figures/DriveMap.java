package io.liquidlens.dynamics.figures;

import io.liquidlens.drawing.Fonts;
import io.liquidlens.dynamics.RolloutDynamics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;

/**
 * The drive seen from above (world columns {@code x}, {@code y}), each step's stretch of road coloured by one
 * quantity of the network at that step, with a colour bar: the NCP paper's map of activity. One panel per rollout
 * (rollouts of one road would hide each other), all to one scale with a scale bar, and one colour scale for all,
 * clamped at the 1st and 99th percentiles so that a few extreme steps do not wash out the rest.
 */
final class DriveMap extends Chart {
    static final int COLUMNS = 4;
    private static final double GAP_X = 18;
    private static final double GAP_Y = 34;
    private static final double BAR_SPACE = 96;

    private final List<RolloutDynamics> rollouts;
    private final List<float[]> values;
    private final String quantity;
    private final double panelW;
    private final double panelH;
    private final int columns;

    /**
     * @param rollouts the rollouts that record x and y
     * @param values   per rollout, the value of each step
     * @param quantity what the values are, for the colour bar
     */
    DriveMap(String model, List<RolloutDynamics> rollouts, List<float[]> values, String quantity,
             List<String> caption) {
        super("The drive coloured by " + quantity + ": " + model, caption, width(rollouts.size()),
                rows(rollouts.size()) * (panelH(rollouts.size()) + GAP_Y) + 16);
        this.rollouts = List.copyOf(rollouts);
        this.values = List.copyOf(values);
        this.quantity = quantity;
        this.panelW = panelW(rollouts.size());
        this.panelH = panelH(rollouts.size());
        this.columns = Math.min(COLUMNS, rollouts.size());
    }

    private static double panelW(int n) {
        return n == 1 ? 430 : 190;
    }

    private static double panelH(int n) {
        return n == 1 ? 330 : 190;
    }

    private static int rows(int n) {
        return (n + COLUMNS - 1) / COLUMNS;
    }

    private static double width(int n) {
        return 24 + Math.min(COLUMNS, n) * (panelW(n) + GAP_X) + BAR_SPACE;
    }

    /** The colour scale's ends: the 1st and 99th percentiles of every value. */
    static double[] range(List<float[]> values) {
        int total = values.stream().mapToInt(v -> v.length).sum();
        double[] all = new double[total];
        int at = 0;
        for (float[] v : values) {
            for (float f : v) {
                all[at++] = f;
            }
        }
        Arrays.sort(all);
        if (total == 0) {
            return new double[] {0, 1};
        }
        return new double[] {all[(int) Math.floor(0.01 * (total - 1))], all[(int) Math.ceil(0.99 * (total - 1))]};
    }

    @Override
    void body(Graphics2D g) {
        double[] range = range(values);
        double scale = Double.POSITIVE_INFINITY;
        for (RolloutDynamics r : rollouts) {
            double[] b = bounds(r);
            scale = Math.min(scale, Math.min((panelW - 16) / Math.max(b[1] - b[0], 1e-6),
                    (panelH - 16) / Math.max(b[3] - b[2], 1e-6)));
        }
        for (int i = 0; i < rollouts.size(); i++) {
            double left = 24 + (i % columns) * (panelW + GAP_X);
            double topY = top() + 16 + (i / columns) * (panelH + GAP_Y);
            Rectangle2D panel = new Rectangle2D.Double(left, topY, panelW, panelH);
            panel(g, panel, rollouts.get(i), values.get(i), range, scale);
        }
        double barX = 24 + columns * (panelW + GAP_X) + 4;
        colourBar(g, new Rectangle2D.Double(barX, top() + 16, 12, Math.min(260, height() - top() - 40)), range[0],
                range[1]);
    }

    private static void panel(Graphics2D g, Rectangle2D panel, RolloutDynamics r, float[] v, double[] range,
                              double scale) {
        double[] b = bounds(r);
        double cx = (b[0] + b[1]) / 2;
        double cy = (b[2] + b[3]) / 2;
        g.setFont(SMALL);
        g.setColor(Color.BLACK);
        g.drawString(r.label(), (float) panel.getMinX(), (float) (panel.getMinY() - 4));
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int n = r.x().length;
        Path2D run = null;
        int runLevel = -1;
        for (int t = 0; t + 1 < n; t++) {
            int level = ColourRamp.level(v[t], range[0], range[1]);
            if (level != runLevel) {
                if (run != null) {
                    g.setColor(ColourRamp.colour(runLevel));
                    g.draw(run);
                }
                run = new Path2D.Double();
                run.moveTo(px(panel, cx, scale, r.x()[t]), py(panel, cy, scale, r.y()[t]));
                runLevel = level;
            }
            run.lineTo(px(panel, cx, scale, r.x()[t + 1]), py(panel, cy, scale, r.y()[t + 1]));
        }
        if (run != null) {
            g.setColor(ColourRamp.colour(runLevel));
            g.draw(run);
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Color.BLACK);
        if (n > 0) {
            g.draw(new Ellipse2D.Double(px(panel, cx, scale, r.x()[0]) - 4, py(panel, cy, scale, r.y()[0]) - 4, 8, 8));
        }
        g.setStroke(new BasicStroke(0.6f));
        g.draw(panel);
        scaleBar(g, panel, scale);
    }

    /** A bar of a round length (1, 2 or 5 times a power of ten metres) at the panel's top left. */
    private static void scaleBar(Graphics2D g, Rectangle2D panel, double scale) {
        double metres = Axis.niceStep(panel.getWidth() / 5 / scale);
        double length = metres * scale;
        double y = panel.getMinY() + 8;
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(panel.getMinX() + 6, y, panel.getMinX() + 6 + length, y));
        g.setFont(SMALL);
        g.drawString(Values.plain(metres) + " m", (float) (panel.getMinX() + 10 + length), (float) (y + 3));
    }

    private void colourBar(Graphics2D g, Rectangle2D bar, double lo, double hi) {
        double h = bar.getHeight() / ColourRamp.LEVELS;
        for (int k = 0; k < ColourRamp.LEVELS; k++) {
            g.setColor(ColourRamp.colour(k));
            g.fill(new Rectangle2D.Double(bar.getMinX(), bar.getMaxY() - (k + 1) * h, bar.getWidth(), h + 0.3));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.6f));
        g.draw(bar);
        g.setFont(SMALL);
        g.drawString(Values.short4(hi), (float) (bar.getMaxX() + 3), (float) (bar.getMinY() + 6));
        g.drawString(Values.short4((lo + hi) / 2), (float) (bar.getMaxX() + 3), (float) (bar.getCenterY() + 3));
        g.drawString(Values.short4(lo), (float) (bar.getMaxX() + 3), (float) bar.getMaxY());
        g.setFont(TEXT);
        upright(g, Chart.fitted(quantity, bar.getHeight()), bar.getMaxX() + 50, bar.getCenterY()
                + Fonts.width(TEXT, Chart.fitted(quantity, bar.getHeight())) / 2);
    }

    private static double[] bounds(RolloutDynamics r) {
        double[] b = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (int t = 0; t < r.x().length; t++) {
            if (Float.isFinite(r.x()[t]) && Float.isFinite(r.y()[t])) {
                b[0] = Math.min(b[0], r.x()[t]);
                b[1] = Math.max(b[1], r.x()[t]);
                b[2] = Math.min(b[2], r.y()[t]);
                b[3] = Math.max(b[3], r.y()[t]);
            }
        }
        return b[0] > b[1] ? new double[] {0, 1, 0, 1} : b;
    }

    private static double px(Rectangle2D panel, double cx, double scale, double x) {
        return Chart.snap(panel.getCenterX() + (x - cx) * scale);
    }

    private static double py(Rectangle2D panel, double cy, double scale, double y) {
        return Chart.snap(panel.getCenterY() - (y - cy) * scale);
    }
}
