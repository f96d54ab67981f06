package io.liquidlens.tree.pdf;

import io.liquidlens.drawing.Svg;
import io.liquidlens.tree.TreeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {@code sweep.svg}: the sweep chart of tree.pdf's second page, drawn by the same code into JFreeSVG. */
final class SweepSvg {
    private SweepSvg() {
    }

    /** Writes the chart of {@code r}'s sweep (which must not be empty). */
    static void write(TreeResult r, OutputStream out) throws IOException {
        out.write(Svg.document(TreePdf.sweepChart(r)).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
