package io.liquidlens.app.traces;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * How the traces look: Okabe and Ito's colour-blind-safe palette on a white plot, and three styles a reader tells
 * apart without colour: the network's output solid, the recorded action dashed and darker, the output without
 * clamps dotted and wider, so that none of them hides another where they coincide.
 */
final class TraceStyles {
    /** Okabe and Ito (2008): blue, vermillion, bluish green, reddish purple, orange, sky blue, black, yellow. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xB8A400)};
    static final BasicStroke OUTPUT = new BasicStroke(1.8f);
    static final BasicStroke ACTION = new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {6f, 3f}, 0f);
    static final BasicStroke UNCLAMPED = new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
            new float[] {0.5f, 4f}, 0f);
    /** A trace drawn from its extremes is a band of vertical strokes: dashes along it could not be seen. */
    static final BasicStroke BAND = new BasicStroke(1.3f);
    private static final Color GRID = new Color(0xDDDDDD);

    private TraceStyles() {
    }

    /** The colour of series {@code k} of a chart. */
    static Color colour(int k) {
        return PALETTE[k % PALETTE.length];
    }

    /** A white plot with light grid lines; series drawn in order, so a recorded action shows over its output. */
    static void plot(XYPlot plot) {
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
    }

    /** Series {@code 0..count-1} of a neuron chart: one palette colour each, solid. */
    static void neurons(XYLineAndShapeRenderer renderer, int count) {
        for (int k = 0; k < count; k++) {
            renderer.setSeriesPaint(k, colour(k), false);
            renderer.setSeriesStroke(k, OUTPUT, false);
        }
    }

    /**
     * The output chart's series in the order the view adds them: the outputs, then the recorded actions, then the
     * outputs without clamps. Output k and its action and unclamped twin share colour k (the action a darker
     * shade), so each trio reads as one comparison.
     *
     * @param patterned false when the traces are drawn from their extremes (then every style is a plain line)
     */
    static void outputs(XYLineAndShapeRenderer renderer, int outputs, int actions, int unclamped,
                        boolean patterned) {
        for (int k = 0; k < outputs; k++) {
            renderer.setSeriesPaint(k, colour(k), false);
            renderer.setSeriesStroke(k, OUTPUT, false);
        }
        for (int k = 0; k < actions; k++) {
            Paint p = outputs <= 1 ? Color.BLACK : colour(k).darker();
            renderer.setSeriesPaint(outputs + k, p, false);
            renderer.setSeriesStroke(outputs + k, patterned ? ACTION : BAND, false);
        }
        for (int k = 0; k < unclamped; k++) {
            Color c = outputs <= 1 ? PALETTE[1] : colour(k).brighter();
            renderer.setSeriesPaint(outputs + actions + k, c, false);
            renderer.setSeriesStroke(outputs + actions + k, patterned ? UNCLAMPED : BAND, false);
        }
    }
}
