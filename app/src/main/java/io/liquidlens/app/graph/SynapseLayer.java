package io.liquidlens.app.graph;

import javafx.scene.canvas.GraphicsContext;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.LayerRenderer;

/**
 * Draws the synapses of a large graph on GraphStream's canvas, under the vertices (GraphStream's back layer):
 * synapses are sorted by level (quiet ones first, so busy ones end on top) and drawn as plain lines into one
 * image by {@link SynapseRaster}. The quietest levels are left out.
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
        if (layout == null || !graph.drawsLinksItself()) {
            return;
        }
        placeVertices(layout, px2Gu, widthPx, heightPx, (minXGu + maxXGu) / 2, (minYGu + maxYGu) / 2);
        int[] levels = graph.linkLevelsView();
        sortIntoBuckets(layout, levels);
        raster.begin(widthPx, heightPx);
        int perPolarity = ActivityColors.SYNAPSE_LEVELS;
        // quiet synapses first, busy ones on top; both polarities at each level, so neither colour buries the other
        for (int level = ActivityColors.DENSE_MIN_LEVEL; level < perPolarity; level++) {
            boolean thick = level >= perPolarity / 2;
            for (int polarity : POLARITIES) {
                int b = (polarity > 0 ? 0 : perPolarity) + level;
                raster.color(ActivityColors.denseSynapse(polarity, level));
                for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                    WiringLayout.Link link = layout.links().get(order[i]);
                    raster.line(px[link.source()], py[link.source()], px[link.target()], py[link.target()], thick);
                }
            }
        }
        g.drawImage(raster.finish(), 0, 0);
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
