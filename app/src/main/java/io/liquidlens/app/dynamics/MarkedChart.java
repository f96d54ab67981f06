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
import org.jfree.chart.plot.XYPlot;

/**
 * A chart with the time cursor's point marked on it by a dot laid over it as a scene node: moving the dot repaints
 * a few pixels, never the chart (on the software pipeline a chart's redraw costs a frame). The dot is placed from
 * the data area the chart last drew, and again after every redraw (new data, new size).
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
        setMinSize(0, 0);
        getChildren().addAll(viewer, overlay);
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
