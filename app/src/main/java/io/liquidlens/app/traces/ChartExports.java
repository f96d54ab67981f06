package io.liquidlens.app.traces;

import io.liquidlens.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG (Java2D, off screen) or SVG (JFreeSVG), each through a temporary file and an
 * atomic move, so a failed export never leaves half a file behind. On screen the time cursor is a node laid
 * over the chart, not part of it; an export draws it into the picture itself so the file shows what the
 * window shows.
 */
public final class ChartExports {
    private ChartExports() {
    }

    /** Draws {@code chart} at {@code width} x {@code height} pixels into a PNG file (no cursor line). */
    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        writePng(chart, file, width, height, Double.NaN);
    }

    /**
     * Draws {@code chart} at {@code width} x {@code height} pixels and the time cursor at domain value
     * {@code cursor} (NaN: none) into a PNG file.
     */
    public static void writePng(JFreeChart chart, Path file, int width, int height, double cursor) {
        writeImage(chart, file, width, height, cursor, "png", BufferedImage.TYPE_INT_ARGB);
    }

    /** As {@link #writePng(JFreeChart, Path, int, int, double)}, as a JPEG (no alpha channel). */
    public static void writeJpeg(JFreeChart chart, Path file, int width, int height, double cursor) {
        writeImage(chart, file, width, height, cursor, "jpg", BufferedImage.TYPE_INT_RGB);
    }

    private static void writeImage(JFreeChart chart, Path file, int width, int height, double cursor, String format,
                                   int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g2 = image.createGraphics();
        try {
            draw(chart, g2, width, height, cursor);
        } finally {
            g2.dispose();
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, format, out)) {
                throw new IOException("no " + format + " writer available");
            }
        });
    }

    /** Draws {@code chart} on a {@code width} x {@code height} SVG canvas and writes the document (UTF-8). */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) {
        writeSvg(chart, file, width, height, Double.NaN);
    }

    /** As {@link #writeSvg(JFreeChart, Path, int, int)}, with the time cursor at {@code cursor} (NaN: none). */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height, double cursor) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        draw(chart, g2, width, height, cursor);
        String svg = g2.getSVGDocument();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(svg);
            w.flush();
        });
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
