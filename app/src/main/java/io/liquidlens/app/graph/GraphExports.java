package io.liquidlens.app.graph;

import io.liquidlens.app.export.Export;
import io.liquidlens.app.export.ExportFiles;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * The wiring graph as a file: a PNG snapshot of the view, or SVG vector art drawn from the graph as shown. What is
 * shown is captured on the JavaFX thread (the graph changes there at every step); encoding and writing run off it.
 */
final class GraphExports {
    private GraphExports() {
    }

    /** The PNG export of {@code view} (graph and legend), brought up to date by {@code refresh} first. */
    static Export png(Region view, Runnable refresh) {
        return file -> {
            refresh.run();
            WritableImage shot = view.snapshot(null, null);
            return progress -> ExportFiles.writePng(file, progress, shot);
        };
    }

    /**
     * The SVG export of {@code graph} as {@code view} shows it (positions, colours and widths at the cursor,
     * selection, labels, legend), each vertex a group titled with its full name; {@code refresh} runs first.
     */
    static Export svg(Region view, WiringGraph graph, Runnable refresh) {
        return file -> {
            refresh.run();
            int width = Math.max(900, (int) Math.ceil(view.getWidth()));
            int height = Math.max(600, (int) Math.ceil(view.getHeight()));
            WiringSvgWriter.Shown shown = WiringSvgWriter.Shown.of(graph);
            return progress -> ExportFiles.writeText(file, progress, WiringSvgWriter.svg(shown, width, height));
        };
    }
}
