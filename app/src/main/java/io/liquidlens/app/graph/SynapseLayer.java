package io.liquidlens.app.graph;

import javafx.scene.canvas.GraphicsContext;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.LayerRenderer;

/**
 * Draws the synapses on GraphStream's canvas, under the vertices (GraphStream's back layer): sorted by level
 * (quiet ones first, so busy ones end on top) and drawn into one image by {@link SynapseRaster}. A small graph
 * gets antialiased lines as wide as their current with arrowheads at the target's rim; a large one plain
 * lines without its quietest levels.
 */
final class SynapseLayer implements LayerRenderer<GraphicsContext> {
    private static final int[] POLARITIES = {1, -1};
    private final WiringGraph graph;
    private final SynapseRaster raster = new SynapseRaster();
    private double[] px = new double[0];
    private double[] py = new double[0];
    private int[] order = new int[0];
    private final int[] bucketStart = new int[2 * ActivityColors.SYNAPSE_LEVELS + 1];

    SynapseLayer(WiringGraph graph) {
        this.graph = graph;
    }

    @Override
    public void render(GraphicsContext g, GraphicGraph graphic, double px2Gu, int widthPx, int heightPx,
                       double minXGu, double minYGu, double maxXGu, double maxYGu) {
        WiringLayout layout = graph.layout();
        if (layout == null) {
            return;
        }
        boolean large = graph.isLarge();
        placeVertices(layout, px2Gu, widthPx, heightPx, (minXGu + maxXGu) / 2, (minYGu + maxYGu) / 2);
        int[] levels = graph.linkLevelsView();
        sortIntoBuckets(layout, levels);
        raster.begin(widthPx, heightPx);
        int perPolarity = ActivityColors.SYNAPSE_LEVELS;
        // quiet synapses first, busy ones on top; both polarities at each level, so neither colour buries the other
        for (int level = large ? ActivityColors.DENSE_MIN_LEVEL : 0; level < perPolarity; level++) {
            boolean thick = level >= perPolarity / 2;
            double width = ActivityColors.synapseWidth(level);
            for (int polarity : POLARITIES) {
                int b = (polarity > 0 ? 0 : perPolarity) + level;
                raster.color(large ? ActivityColors.denseSynapse(polarity, level)
                        : ActivityColors.synapse(polarity, level));
                for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                    WiringLayout.Link link = layout.links().get(order[i]);
                    if (large) {
                        raster.line(px[link.source()], py[link.source()], px[link.target()], py[link.target()],
                                thick);
                    } else {
                        drawArrow(layout, link, width);
                    }
                }
            }
        }
        g.drawImage(raster.finish(), 0, 0);
    }

    /** A small graph's synapse: to the rim of its target, with an arrowhead; a loop for a self-synapse. */
    private void drawArrow(WiringLayout layout, WiringLayout.Link link, double width) {
        double x0 = px[link.source()];
        double y0 = py[link.source()];
        double x1 = px[link.target()];
        double y1 = py[link.target()];
        double rim = WiringGraph.vertexSizePx(layout.vertices().get(link.target()).role(), false) / 2.0 + 1;
        if (link.source() == link.target()) {
            double cy = y0 - rim - 5;
            for (int k = 0; k < 16; k++) {
                double a0 = 2 * Math.PI * k / 16;
                double a1 = 2 * Math.PI * (k + 1) / 16;
                raster.smoothLine(x0 + 6 * Math.cos(a0), cy + 6 * Math.sin(a0), x0 + 6 * Math.cos(a1),
                        cy + 6 * Math.sin(a1), width);
            }
            return;
        }
        double len = Math.hypot(x1 - x0, y1 - y0);
        if (len <= rim) {
            return;
        }
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        double tipX = x1 - ux * rim;
        double tipY = y1 - uy * rim;
        double head = 7 + width;
        double half = 2.5 + width / 2;
        double baseX = tipX - ux * head;
        double baseY = tipY - uy * head;
        raster.smoothLine(x0, y0, baseX, baseY, width);
        raster.triangle(tipX, tipY, baseX - uy * half, baseY + ux * half, baseX + uy * half, baseY - ux * half);
    }

    /**
     * Pixel positions of the vertices: the layer is drawn before GraphStream sets up its graph-unit transform,
     * so the mapping is rebuilt from the metrics it passes (pixels per graph unit and the visible area,
     * centred in the view, y upwards).
     */
    private void placeVertices(WiringLayout layout, double pxPerGu, int width, int height, double centreX,
                               double centreY) {
        int n = layout.vertices().size();
        if (px.length != n) {
            px = new double[n];
            py = new double[n];
        }
        for (WiringLayout.Vertex v : layout.vertices()) {
            px[v.index()] = width / 2.0 + (v.x() - centreX) * pxPerGu;
            py[v.index()] = height / 2.0 - (v.y() - centreY) * pxPerGu;
        }
    }

    /** Counting sort of the synapses by bucket (excitatory levels first, then inhibitory). */
    private void sortIntoBuckets(WiringLayout layout, int[] levels) {
        int k = levels.length;
        if (order.length != k) {
            order = new int[k];
        }
        java.util.Arrays.fill(bucketStart, 0);
        for (int j = 0; j < k; j++) {
            bucketStart[bucket(layout, levels, j) + 1]++;
        }
        for (int b = 1; b < bucketStart.length; b++) {
            bucketStart[b] += bucketStart[b - 1];
        }
        int[] next = java.util.Arrays.copyOf(bucketStart, bucketStart.length);
        for (int j = 0; j < k; j++) {
            order[next[bucket(layout, levels, j)]++] = j;
        }
    }

    private static int bucket(WiringLayout layout, int[] levels, int j) {
        return (layout.links().get(j).polarity() >= 0 ? 0 : ActivityColors.SYNAPSE_LEVELS) + levels[j];
    }
}
