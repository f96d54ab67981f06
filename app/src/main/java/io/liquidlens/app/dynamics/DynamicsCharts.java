package io.liquidlens.app.dynamics;

import io.liquidlens.tree.ClassColours;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Dynamics tab's four charts and the datasets they are given. Long rollouts are drawn from every k-th step (at
 * most {@link #MAX_DRAWN} points a chart), which a few hundred pixels cannot tell apart; the marks are exact.
 */
final class DynamicsCharts {
    /** The most points a chart draws. */
    static final int MAX_DRAWN = 20_000;
    private static final Font TITLE_FONT = new Font("SansSerif", Font.BOLD, 11);
    private static final Font LABEL_FONT = new Font("SansSerif", Font.PLAIN, 11);
    private static final Font TICK_FONT = new Font("SansSerif", Font.PLAIN, 10);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color LINE = new Color(0x0072B2);

    private DynamicsCharts() {
    }

    /** PC1 against PC2, step after step. */
    static JFreeChart trajectory() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDefaultPaint(LINE);
        renderer.setAutoPopulateSeriesPaint(false);
        renderer.setDefaultStroke(new BasicStroke(1f));
        renderer.setAutoPopulateSeriesStroke(false);
        renderer.setDrawSeriesLineAsPath(true);
        return chart("PC1-PC2 trajectory", new XYPlot(new DefaultXYDataset(), axis("PC1"), axis("PC2"), renderer),
                false);
    }

    /** Each component's share of the variance. */
    static JFreeChart scree() {
        XYBarRenderer renderer = new XYBarRenderer(0.2);
        renderer.setDefaultPaint(LINE);
        renderer.setAutoPopulateSeriesPaint(false);
        NumberAxis component = axis("component");
        component.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis share = axis("share of variance");
        share.setRange(0, 1);
        JFreeChart chart = chart("Scree", new XYPlot(new XYSeriesCollection(), component, share, renderer), false);
        // after the theme, which would give the bars a gradient and a shadow
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new StandardXYBarPainter());
        return chart;
    }

    /** The drive, each step a dot coloured by a series, with the colour bar. */
    static JFreeChart map() {
        XYShapeRenderer renderer = new XYShapeRenderer();
        renderer.setDefaultShape(new Ellipse2D.Double(-2, -2, 4, 4));
        renderer.setDrawOutlines(false);
        renderer.setPaintScale(new StateScale(0, 1));
        JFreeChart chart = chart("Drive on the map",
                new XYPlot(new DefaultXYZDataset(), axis("x"), axis("y"), renderer), false);
        NumberAxis scaleAxis = axis("");
        PaintScaleLegend bar = new PaintScaleLegend(new StateScale(0, 1), scaleAxis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(10);
        bar.setMargin(new RectangleInsets(4, 4, 4, 4));
        chart.addSubtitle(bar);
        return chart;
    }

    /** A neuron against the output, one series per steering class. */
    static JFreeChart scatter() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setDefaultShape(new Ellipse2D.Double(-2, -2, 4, 4));
        renderer.setAutoPopulateSeriesShape(false);
        return chart("Neuron against output", new XYPlot(new DefaultXYDataset(), axis("state"), axis("output"),
                renderer), true);
    }

    /** The trajectory's points. */
    static DefaultXYDataset trajectoryData(float[] pc1, float[] pc2) {
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries("PC1-PC2", drawn(pc1, pc2, null));
        return data;
    }

    /** The scree's bars: component k (from 1) and its ratio. */
    static XYSeriesCollection screeData(double[] ratios) {
        XYSeries s = new XYSeries("explained variance ratio");
        for (int k = 0; k < ratios.length; k++) {
            s.add(k + 1, ratios[k]);
        }
        return new XYSeriesCollection(s);
    }

    /** The drive's dots, coloured by {@code colours}. */
    static DefaultXYZDataset mapData(float[] x, float[] y, ColourSeries colours) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("drive", drawn(x, y, colours.values()));
        return data;
    }

    /** Puts the colour scale of {@code colours} on the map and its bar. */
    static void colourScale(JFreeChart map, ColourSeries colours) {
        StateScale scale = new StateScale(colours.min(), colours.max());
        ((XYShapeRenderer) map.getXYPlot().getRenderer()).setPaintScale(scale);
        PaintScaleLegend bar = (PaintScaleLegend) map.getSubtitle(0);
        bar.setScale(scale);
        bar.getAxis().setRange(colours.min(), colours.max());
        // the title names the series; a label beside the narrow bar would be cut
        map.setTitle("Drive by " + colours.label());
    }

    /** The scatter's points, one series per class, in the classes' colours. */
    static DefaultXYDataset scatterData(ScatterSeries s, XYPlot plot) {
        int classes = s.bins().classNames().size();
        int[] counts = new int[classes];
        int step = stride(s.x().length);
        for (int t = 0; t < s.x().length; t += step) {
            counts[s.classes()[t]]++;
        }
        double[][][] points = new double[classes][2][];
        for (int k = 0; k < classes; k++) {
            points[k][0] = new double[counts[k]];
            points[k][1] = new double[counts[k]];
        }
        int[] at = new int[classes];
        for (int t = 0; t < s.x().length; t += step) {
            int k = s.classes()[t];
            points[k][0][at[k]] = s.x()[t];
            points[k][1][at[k]++] = s.output()[t];
        }
        DefaultXYDataset data = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (int k = 0; k < classes; k++) {
            data.addSeries(s.bins().classNames().get(k), points[k]);
            // the tree's class colours, darkened: its pale fills are meant for boxes, not 4-pixel dots on white
            renderer.setSeriesPaint(k, new Color(ClassColours.rgb(k, classes)).darker());
        }
        plot.getDomainAxis().setLabel(s.xLabel());
        return data;
    }

    /** Every {@code stride}-th step of two series (and a third, when given), as a dataset's arrays. */
    private static double[][] drawn(float[] a, float[] b, float[] c) {
        int step = stride(a.length);
        int n = (a.length + step - 1) / step;
        double[][] out = new double[c == null ? 2 : 3][n];
        for (int i = 0; i < n; i++) {
            out[0][i] = a[i * step];
            out[1][i] = b[i * step];
            if (c != null) {
                out[2][i] = c[i * step];
            }
        }
        return out;
    }

    /** Every how many steps a series of {@code steps} is drawn. */
    static int stride(int steps) {
        return Math.max(1, (steps + MAX_DRAWN - 1) / MAX_DRAWN);
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    private static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        plot.setNoDataMessage("Open a model and a rollout; the dynamics are computed when this tab is shown");
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        ChartFactory.getChartTheme().apply(chart);
        // after the theme, which paints the plot grey: white as the traces, whose dots read on it
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // the theme sizes fonts for a chart filling a window; four share a tab here
        chart.getTitle().setFont(TITLE_FONT);
        plot.getDomainAxis().setLabelFont(LABEL_FONT);
        plot.getDomainAxis().setTickLabelFont(TICK_FONT);
        plot.getRangeAxis().setLabelFont(LABEL_FONT);
        plot.getRangeAxis().setTickLabelFont(TICK_FONT);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK_FONT);
        }
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        return chart;
    }
}
