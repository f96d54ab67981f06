package io.liquidlens.dynamics.figures;

import io.liquidlens.dynamics.NeuronDynamics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Each neuron's time constant over the rollouts (LTC: the liquid time constant; CfC: the time gate): a bar from
 * its 10th to its 90th percentile with a dot at the median, neurons in id order. Log scale when every value is
 * positive and they span more than a factor of 10, else linear.
 */
final class TimeConstantChart extends Chart {
    private static final double SLOT = 22;

    private final List<NeuronDynamics> neurons;
    private final String quantity;

    TimeConstantChart(String model, List<NeuronDynamics> neurons, String quantity, List<String> caption) {
        super("Time constants: " + model, caption, Math.max(440, LEFT + 30 + SLOT * neurons.size()), 300);
        this.neurons = List.copyOf(neurons);
        this.quantity = quantity;
    }

    @Override
    void body(Graphics2D g) {
        Rectangle2D plot = new Rectangle2D.Double(LEFT, top() + 8, width() - LEFT - 20, 230);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (NeuronDynamics n : neurons) {
            for (double v : new double[] {n.tauP10(), n.tauMedian(), n.tauP90()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            frame(g, plot);
            centred(g, "no time constants were recorded", plot.getCenterX(), plot.getCenterY());
            return;
        }
        Axis y = lo > 0 && hi / lo > 10 ? Axis.log(lo, hi) : Axis.linear(Math.min(0, lo), hi);
        yAxis(g, plot, y, quantity);
        double slot = plot.getWidth() / Math.max(1, neurons.size());
        for (int i = 0; i < neurons.size(); i++) {
            NeuronDynamics n = neurons.get(i);
            double x = plot.getMinX() + slot * (i + 0.5);
            if (Double.isFinite(n.tauP10()) && Double.isFinite(n.tauP90())) {
                double low = plot.getMaxY() - y.fraction(n.tauP10()) * plot.getHeight();
                double high = plot.getMaxY() - y.fraction(n.tauP90()) * plot.getHeight();
                g.setColor(colour(0));
                g.setStroke(new BasicStroke(1.2f));
                g.draw(new Line2D.Double(x, low, x, high));
                g.draw(new Line2D.Double(x - 4, low, x + 4, low));
                g.draw(new Line2D.Double(x - 4, high, x + 4, high));
            }
            if (Double.isFinite(n.tauMedian())) {
                double m = plot.getMaxY() - y.fraction(n.tauMedian()) * plot.getHeight();
                g.setColor(colour(1));
                g.fill(new Ellipse2D.Double(x - 3, m - 3, 6, 6));
            }
            g.setColor(Color.BLACK);
            g.setFont(SMALL);
            columnLabel(g, n.label(), x, plot.getMaxY());
        }
        g.setFont(TEXT);
        frame(g, plot);
    }
}
