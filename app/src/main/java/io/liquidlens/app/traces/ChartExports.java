package io.liquidlens.app.traces;

import io.liquidlens.io.AtomicFiles;
import java.awt.geom.Rectangle2D;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG (Java2D, off screen) or SVG (JFreeSVG), each through a temporary file and an
 * atomic move, so a failed export never leaves half a file behind.
 */
public final class ChartExports {
    private ChartExports() {
    }

    /** Draws {@code chart} at {@code width} x {@code height} pixels into a PNG file. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    /** Draws {@code chart} on a {@code width} x {@code height} SVG canvas and writes the document (UTF-8). */
    public static void writeSvg(JFreeChart chart, Path file, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        String svg = g2.getSVGDocument();
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(svg);
            w.flush();
        });
    }
}
