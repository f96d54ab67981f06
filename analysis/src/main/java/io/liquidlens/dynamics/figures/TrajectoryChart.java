package io.liquidlens.dynamics.figures;

import io.liquidlens.dynamics.RolloutDynamics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/** Each rollout's path through the plane of PC1 and PC2, one colour per rollout, its first step ringed. */
final class TrajectoryChart extends Chart {
    /** Points drawn per rollout at most (evenly spaced steps), so files stay small on long rollouts. */
    static final int MAX_POINTS = 2000;

    private final List<RolloutDynamics> rollouts;

    TrajectoryChart(String model, List<RolloutDynamics> rollouts, List<String> caption) {
        super("Trajectory in PC1-PC2: " + model, caption, 520, 320 + 13.0 * legendRows(labels(rollouts), LEFT, 500));
        this.rollouts = List.copyOf(rollouts);
    }

    private static List<String> labels(List<RolloutDynamics> rollouts) {
        return rollouts.stream().map(RolloutDynamics::label).toList();
    }

    @Override
    void body(Graphics2D g) {
        Rectangle2D plot = new Rectangle2D.Double(LEFT, top() + 8, width() - LEFT - 20, 260);
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (RolloutDynamics r : rollouts) {
            for (int t = 0; t < r.pc1().length; t++) {
                range[0] = Math.min(range[0], r.pc1()[t]);
                range[1] = Math.max(range[1], r.pc1()[t]);
                range[2] = Math.min(range[2], r.pc2()[t]);
                range[3] = Math.max(range[3], r.pc2()[t]);
            }
        }
        Axis x = Axis.linear(range[0], range[1]);
        Axis y = Axis.linear(range[2], range[3]);
        yAxis(g, plot, y, "PC2");
        xAxis(g, plot, x, "PC1");
        List<Color> colours = new ArrayList<>();
        for (int i = 0; i < rollouts.size(); i++) {
            RolloutDynamics r = rollouts.get(i);
            int n = r.pc1().length;
            int every = Math.max(1, (n + MAX_POINTS - 1) / MAX_POINTS);
            Path2D path = new Path2D.Double();
            for (int t = 0; t < n; t += every) {
                double px = snap(plot.getMinX() + x.fraction(r.pc1()[t]) * plot.getWidth());
                double py = snap(plot.getMaxY() - y.fraction(r.pc2()[t]) * plot.getHeight());
                if (t == 0) {
                    path.moveTo(px, py);
                    g.setColor(colour(i));
                    g.setStroke(new BasicStroke(1f));
                    g.draw(new Ellipse2D.Double(px - 4, py - 4, 8, 8));
                } else {
                    path.lineTo(px, py);
                }
            }
            g.setColor(colour(i));
            g.setStroke(new BasicStroke(1f));
            g.draw(path);
            colours.add(colour(i));
        }
        frame(g, plot);
        legend(g, plot.getMinX(), plot.getMaxY() + 44, plot.getMaxX(), labels(rollouts), colours);
    }
}
