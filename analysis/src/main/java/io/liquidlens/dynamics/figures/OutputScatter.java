package io.liquidlens.dynamics.figures;

import io.liquidlens.dynamics.NeuronDynamics;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Each neuron's state (x) against the network's output (y), one small panel per neuron, every point coloured by
 * the step's steering class ({@link SteeringClasses}); each panel's title gives Pearson's r.
 */
final class OutputScatter extends Chart {
    /**
     * Steps read per panel at most (evenly spaced beyond it); of those, one dot per whole point and class is drawn,
     * since dots that fall on the same spot add nothing but bytes.
     */
    static final int MAX_STEPS = 20_000;
    static final int COLUMNS = 5;
    private static final double PANEL_W = 132;
    private static final double PANEL_H = 104;
    private static final double GAP_X = 34;
    private static final double GAP_Y = 40;

    private final List<NeuronDynamics> neurons;
    private final float[][] states;
    private final float[] output;
    private final SteeringClasses classes;

    /**
     * @param states per neuron (as in {@code neurons}), its state at every step of every rollout in order
     * @param output the output at the same steps
     */
    OutputScatter(String model, List<NeuronDynamics> neurons, float[][] states, float[] output,
                  SteeringClasses classes, List<String> caption) {
        super("Neurons against the output: " + model, caption, 54 + COLUMNS * (PANEL_W + GAP_X),
                rows(neurons.size()) * (PANEL_H + GAP_Y) + 24);
        this.neurons = List.copyOf(neurons);
        this.states = states;
        this.output = output;
        this.classes = classes;
    }

    private static int rows(int panels) {
        return (panels + COLUMNS - 1) / COLUMNS;
    }

    @Override
    void body(Graphics2D g) {
        legend(g, 16, top() + 4, width() - 16, SteeringClasses.NAMES, SteeringClasses.COLOURS);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : output) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        Axis y = Axis.linear(lo, hi);
        int every = Math.max(1, (output.length + MAX_STEPS - 1) / MAX_STEPS);
        for (int i = 0; i < neurons.size(); i++) {
            double left = 24 + GAP_X + (i % COLUMNS) * (PANEL_W + GAP_X);
            double topY = top() + 30 + (i / COLUMNS) * (PANEL_H + GAP_Y);
            Rectangle2D plot = new Rectangle2D.Double(left, topY, PANEL_W, PANEL_H);
            panel(g, plot, neurons.get(i), states[i], y, every, i % COLUMNS == 0);
        }
    }

    private void panel(Graphics2D g, Rectangle2D plot, NeuronDynamics n, float[] state, Axis y, int every,
                       boolean first) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : state) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        Axis x = Axis.linear(lo, hi);
        g.setFont(SMALL);
        g.setColor(Color.BLACK);
        g.drawString(n.label() + "  r = " + Values.short4(n.corrOutput().pearson()), (float) plot.getMinX(),
                (float) (plot.getMinY() - 4));
        java.util.Set<Long> drawn = new java.util.HashSet<>();
        // one shape per steering class: the SVG gets three elements per panel, not one per step
        java.awt.geom.Path2D.Double[] dots = new java.awt.geom.Path2D.Double[SteeringClasses.COLOURS.size()];
        for (int t = 0; t < state.length; t += every) {
            double px = plot.getMinX() + x.fraction(state[t]) * plot.getWidth();
            double py = plot.getMaxY() - y.fraction(output[t]) * plot.getHeight();
            int c = classes.of(t);
            // snapped to whole points: at most one dot per point and class, and short numbers in the SVG
            long sx = Math.round(px);
            long sy = Math.round(py);
            if (drawn.add((sx * 100_000L + sy) * 3 + c)) {
                if (dots[c] == null) {
                    dots[c] = new java.awt.geom.Path2D.Double();
                }
                dots[c].append(new Rectangle2D.Double(sx - 1, sy - 1, 2, 2), false);
            }
        }
        for (int c = 0; c < dots.length; c++) {
            if (dots[c] != null) {
                g.setColor(SteeringClasses.COLOURS.get(c));
                g.fill(dots[c]);
            }
        }
        frame(g, plot);
        g.setFont(SMALL);
        g.setColor(Color.BLACK);
        centred(g, x.label(x.min), plot.getMinX(), plot.getMaxY() + 9);
        centred(g, x.label(x.max), plot.getMaxX(), plot.getMaxY() + 9);
        if (first) {
            String top = y.label(y.max);
            String bottom = y.label(y.min);
            g.drawString(top, (float) (plot.getMinX() - 3 - io.liquidlens.drawing.Fonts.width(SMALL, top)),
                    (float) (plot.getMinY() + 6));
            g.drawString(bottom, (float) (plot.getMinX() - 3 - io.liquidlens.drawing.Fonts.width(SMALL, bottom)),
                    (float) plot.getMaxY());
        }
        g.setFont(TEXT);
    }
}
