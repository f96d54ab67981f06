package io.liquidlens.tree.pdf;

import io.liquidlens.tree.TreeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/** {@code sweep.svg}: the sweep chart of tree.pdf's second page, drawn by the same code into JFreeSVG. */
final class SweepSvg {
    private SweepSvg() {
    }

    /** Writes the chart of {@code r}'s sweep (which must not be empty). */
    static void write(TreeResult r, OutputStream out) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(SweepChart.WIDTH, SweepChart.HEIGHT, SVGUnits.PT);
        TreePdf.sweepChart(r).draw(g);
        // the element without JFreeSVG's DOCTYPE: its external DTD makes XML readers fetch it from w3.org
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
        out.write(svg.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
