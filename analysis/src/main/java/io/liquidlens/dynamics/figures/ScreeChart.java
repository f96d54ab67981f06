package io.liquidlens.dynamics.figures;

import io.liquidlens.dynamics.Pca;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** The scree: each principal component's share of the variance (bars) and the running total (line), PCs 1-8. */
final class ScreeChart extends Chart {
    /** The most components drawn; the rest are in dynamics.json. */
    static final int SHOWN = 8;

    private final double[] ratio;

    ScreeChart(String model, Pca pca, List<String> caption) {
        super("PCA of the hidden states: " + model, caption, 520, 250);
        double[] all = pca.explainedVarianceRatio();
        this.ratio = java.util.Arrays.copyOf(all, Math.min(SHOWN, all.length));
    }

    @Override
    void body(Graphics2D g) {
        Rectangle2D plot = new Rectangle2D.Double(LEFT, top() + 8, width() - LEFT - 20, 200);
        Axis y = Axis.exact(0, 1);
        yAxis(g, plot, y, "share of the variance");
        double slot = plot.getWidth() / Math.max(1, ratio.length);
        Path2D cumulative = new Path2D.Double();
        double sum = 0;
        for (int k = 0; k < ratio.length; k++) {
            double x = plot.getMinX() + slot * (k + 0.5);
            double top = plot.getMaxY() - ratio[k] * plot.getHeight();
            g.setColor(colour(0));
            g.fill(new Rectangle2D.Double(x - slot * 0.3, top, slot * 0.6, plot.getMaxY() - top));
            g.setColor(Color.BLACK);
            g.setFont(SMALL);
            centred(g, Values.percent(ratio[k]), x, top - 3);
            g.setFont(TEXT);
            centred(g, "PC" + (k + 1), x, plot.getMaxY() + 12);
            sum += ratio[k];
            double cy = plot.getMaxY() - Math.min(1, sum) * plot.getHeight();
            if (k == 0) {
                cumulative.moveTo(x, cy);
            } else {
                cumulative.lineTo(x, cy);
            }
            g.setColor(colour(1));
            g.fill(new Ellipse2D.Double(x - 2.5, cy - 2.5, 5, 5));
        }
        g.setColor(colour(1));
        g.setStroke(new BasicStroke(1.2f));
        g.draw(cumulative);
        frame(g, plot);
        legend(g, plot.getMinX(), plot.getMaxY() + 30, plot.getMaxX(), List.of("each component", "running total"),
                List.of(colour(0), colour(1)));
    }
}
