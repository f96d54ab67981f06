package io.liquidlens.app.traces;

import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.ExportFiles;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG or JPEG (Java2D, off screen) or SVG (JFreeSVG), each through a temporary file and an
 * atomic move, so a failed export never leaves half a file behind. On screen the time cursor is a node laid
 * over the chart, not part of it; an export draws it into the picture itself so the file shows what the
 * window shows.
 *
 * <p>The chart on screen changes on the JavaFX thread (new traces, another selection, the tau axis), so each
 * method here copies it at once, on the calling JavaFX thread, and returns the drawing and writing of the copy,
 * which runs on a worker thread: the copy has its own plot, axes and renderer and no listeners.
 */
public final class ChartExports {
    private ChartExports() {
    }

    /**
     * Copies {@code chart} now; the writing draws the copy at {@code width} x {@code height} pixels with the time
     * cursor at domain value {@code cursor} (NaN: none) and encodes it as PNG.
     */
    public static Export.Writing png(JFreeChart chart, int width, int height, double cursor, Path file) {
        return image(chart, width, height, cursor, file, "png", BufferedImage.TYPE_INT_ARGB);
    }

    /** As {@link #png}, as a JPEG (no alpha channel). */
    public static Export.Writing jpeg(JFreeChart chart, int width, int height, double cursor, Path file) {
        return image(chart, width, height, cursor, file, "jpg", BufferedImage.TYPE_INT_RGB);
    }

    private static Export.Writing image(JFreeChart chart, int width, int height, double cursor, Path file,
                                        String format, int type) {
        JFreeChart copy = copyOf(chart);
        return progress -> {
            BufferedImage image = new BufferedImage(width, height, type);
            Graphics2D g2 = image.createGraphics();
            try {
                draw(copy, g2, width, height, cursor);
            } finally {
                g2.dispose();
            }
            ExportFiles.writeImage(file, progress, image, format);
        };
    }

    /** As {@link #png}, drawn on a {@code width} x {@code height} SVG canvas and written as a document (UTF-8). */
    public static Export.Writing svg(JFreeChart chart, int width, int height, double cursor, Path file) {
        JFreeChart copy = copyOf(chart);
        return progress -> {
            SVGGraphics2D g2 = new SVGGraphics2D(width, height);
            draw(copy, g2, width, height, cursor);
            ExportFiles.writeText(file, progress, g2.getSVGDocument());
        };
    }

    /** A copy to draw on another thread: JFreeChart's clone copies plot, axes, renderers and data, not listeners. */
    static JFreeChart copyOf(JFreeChart chart) {
        try {
            return (JFreeChart) chart.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the chart cannot be copied for export: " + e.getMessage(), e);
        }
    }

    /** Draws the chart, then the cursor line across its data area (when inside the domain range). */
    static void draw(JFreeChart chart, Graphics2D g2, int width, int height, double cursor) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), null, info);
        if (Double.isNaN(cursor) || !(chart.getPlot() instanceof XYPlot plot) || info.getPlotInfo() == null) {
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double x = plot.getDomainAxis().valueToJava2D(cursor, area, plot.getDomainAxisEdge());
        if (!(x >= area.getMinX() && x <= area.getMaxX())) {
            return;
        }
        g2.setPaint(CursorLine.AWT_COLOUR);
        g2.setStroke(new BasicStroke(CursorLine.WIDTH));
        // on a pixel's centre, as on screen: one column in the cursor's own colour, not two blended ones
        double centre = Math.floor(x) + 0.5;
        g2.draw(new Line2D.Double(centre, area.getMinY(), centre, area.getMaxY()));
    }
}
