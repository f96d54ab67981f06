package io.liquidlens.app.dynamics;

import java.awt.geom.Rectangle2D;
import javafx.geometry.Point2D;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.XYPlot;

/**
 * A chart with the time cursor's point marked on it by a dot laid over it as a scene node: moving the dot repaints
 * a few pixels, never the chart (on the software pipeline a chart's redraw costs a frame). The dot is placed from
 * the data area the chart last drew, and again after every redraw (new data, new size). A click on the chart is
 * handed to {@link #onPick} (the view moves the cursor to the step drawn nearest it).
 */
final class MarkedChart extends StackPane {
    /** The cursor's red, as the traces draw their cursor line. */
    private static final Color MARK = Color.rgb(220, 30, 30);

    private final JFreeChart chart;
    private final ChartViewer viewer;
    private final Pane overlay = new Pane();
    private final Circle marker = new Circle(4.5, MARK);
    private double markX = Double.NaN;
    private double markY = Double.NaN;
    private java.util.function.BiConsumer<Double, Double> picked = (x, y) -> { };

    MarkedChart(String id, JFreeChart chart) {
        this.chart = chart;
        this.viewer = new ChartViewer(chart);
        setId(id);
        viewer.setMinSize(120, 100);
        // a mark is a point of the data; zooming would only lose it
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        marker.setStroke(Color.WHITE);
        marker.setStrokeWidth(1.5);
        marker.setManaged(false);
        marker.setVisible(false);
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        overlay.setMinSize(0, 0);
        overlay.getChildren().add(marker);
        chart.addProgressListener(e -> {
            if (e.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                place();
            }
        });
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getTrigger().isStillSincePress()) {
                    pick(event.getTrigger().getX(), event.getTrigger().getY());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        setMinSize(0, 0);
        getChildren().addAll(viewer, overlay);
    }

    /** What a click on the chart does with the canvas point clicked. */
    void onPick(java.util.function.BiConsumer<Double, Double> action) {
        picked = action;
    }

    /** A click at canvas point ({@code x}, {@code y}) (the mouse's; tests call it). */
    void pick(double x, double y) {
        picked.accept(x, y);
    }

    /**
     * The step whose point ({@code xs[t]}, {@code ys[t]}) was drawn nearest canvas point ({@code cx}, {@code cy}),
     * within {@code radius} pixels; -1 when none is, or before the chart was drawn.
     */
    int nearest(double cx, double cy, float[] xs, float[] ys, double radius) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return -1;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        int best = -1;
        double bestDistance = radius * radius;
        for (int t = 0; t < xs.length; t++) {
            double dx = plot.getDomainAxis().valueToJava2D(xs[t], area, plot.getDomainAxisEdge()) - cx;
            double dy = plot.getRangeAxis().valueToJava2D(ys[t], area, plot.getRangeAxisEdge()) - cy;
            double d = dx * dx + dy * dy;
            if (d < bestDistance) {
                bestDistance = d;
                best = t;
            }
        }
        return best;
    }

    /** Marks the data point ({@code x}, {@code y}); NaN hides the mark. */
    void mark(double x, double y) {
        markX = x;
        markY = y;
        place();
    }

    private void place() {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (Double.isNaN(markX) || Double.isNaN(markY) || info == null || info.getPlotInfo() == null) {
            marker.setVisible(false);
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (area.getWidth() <= 0 || area.getHeight() <= 0) {
            marker.setVisible(false);
            return;
        }
        XYPlot plot = chart.getXYPlot();
        double px = plot.getDomainAxis().valueToJava2D(markX, area, plot.getDomainAxisEdge());
        double py = plot.getRangeAxis().valueToJava2D(markY, area, plot.getRangeAxisEdge());
        Point2D p = overlay.sceneToLocal(viewer.getCanvas().localToScene(px, py));
        marker.setCenterX(p.getX());
        marker.setCenterY(p.getY());
        marker.setVisible(true);
    }

    /** The chart drawn. */
    JFreeChart chart() {
        return chart;
    }

    /** The dot (tests read where it is). */
    Circle marker() {
        return marker;
    }

    /** The dot's centre in the chart canvas' coordinates, or null while it is hidden (tests). */
    Point2D markerOnCanvas() {
        if (!marker.isVisible()) {
            return null;
        }
        return viewer.getCanvas().sceneToLocal(overlay.localToScene(marker.getCenterX(), marker.getCenterY()));
    }

    /** The canvas position of data point ({@code x}, {@code y}) as last drawn, or null before a drawing (tests). */
    Point2D canvasPoint(double x, double y) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        if (info == null || info.getPlotInfo() == null) {
            return null;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        return new Point2D(plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().valueToJava2D(y, area, plot.getRangeAxisEdge()));
    }
}
