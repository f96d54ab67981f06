package io.liquidlens.dynamics.figures;

import io.liquidlens.dynamics.NeuronDynamics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.List;

/**
 * Smoothness: each neuron's L_max (the largest |x(t+1) - x(t)| / dt), sorted from the roughest down, on a log scale
 * (the NCP paper's Fig. 4c). Neurons whose L_max is 0 or undefined are left out (the caption counts them).
 */
final class LmaxChart extends Chart {
    private static final double SLOT = 22;

    private final List<NeuronDynamics> sorted;

    LmaxChart(String model, List<NeuronDynamics> neurons, List<String> caption) {
        super("Smoothness: L_max per neuron, " + model, caption, width(drawn(neurons).size()), 300);
        this.sorted = drawn(neurons);
    }

    /** The neurons with a positive L_max, largest first. */
    static List<NeuronDynamics> drawn(List<NeuronDynamics> neurons) {
        return neurons.stream().filter(n -> n.lmax() > 0 && Double.isFinite(n.lmax()))
                .sorted(Comparator.comparingDouble(NeuronDynamics::lmax).reversed()).toList();
    }

    private static double width(int n) {
        return Math.max(440, LEFT + 30 + SLOT * n);
    }

    @Override
    void body(Graphics2D g) {
        Rectangle2D plot = new Rectangle2D.Double(LEFT, top() + 8, width() - LEFT - 20, 230);
        if (sorted.isEmpty()) {
            frame(g, plot);
            centred(g, "no neuron changes (every L_max is 0 or undefined)", plot.getCenterX(), plot.getCenterY());
            return;
        }
        Axis y = Axis.log(sorted.get(sorted.size() - 1).lmax(), sorted.get(0).lmax());
        yAxis(g, plot, y, "L_max (per unit of time)");
        double slot = plot.getWidth() / sorted.size();
        for (int i = 0; i < sorted.size(); i++) {
            NeuronDynamics n = sorted.get(i);
            double x = plot.getMinX() + slot * (i + 0.5);
            double py = plot.getMaxY() - y.fraction(n.lmax()) * plot.getHeight();
            g.setColor(colour(0));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Line2D.Double(x, plot.getMaxY(), x, py));
            g.fill(new Ellipse2D.Double(x - 3, py - 3, 6, 6));
            g.setColor(Color.BLACK);
            g.setFont(SMALL);
            columnLabel(g, n.label(), x, plot.getMaxY());
        }
        g.setFont(TEXT);
        frame(g, plot);
    }
}
