package io.liquidlens.app.graph;

import javafx.scene.canvas.GraphicsContext;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.LayerRenderer;

/**
 * Draws the synapses and then the vertices on GraphStream's canvas (its back layer; GraphStream's own vertices
 * are invisible, see {@link WiringGraph}); vertices are copied from {@link VertexSprites}. Synapses are sorted
 * by level (quiet ones first, so busy ones end on top) and drawn into one image by {@link SynapseRaster}. A
 * small graph gets antialiased lines as wide as their current with arrowheads at the target's rim; a large one
 * plain lines without its quietest levels.
 *
 * <p>What a frame costs is kept to what changed: the pixel geometry of every synapse (ends, direction, the
 * rim of its target) is computed again only when the view's size or camera changes, the raster covers only
 * the box around the vertices, and when no synapse level changed since the last frame (GraphStream repaints
 * for a selection outline, a vertex colour or a resize) the previous image is drawn again as it is.
 */
final class SynapseLayer implements LayerRenderer<GraphicsContext> {
    private static final int[] POLARITIES = {1, -1};
    /** Pixels around the vertices' box that arrowheads, loops and wide lines may reach. */
    private static final int MARGIN = 24;
    private final WiringGraph graph;
    private final SynapseRaster raster = new SynapseRaster();
    private final int[] bucketStart = new int[2 * ActivityColors.SYNAPSE_LEVELS + 1];
    private final int[] bucketNext = new int[2 * ActivityColors.SYNAPSE_LEVELS + 1];

    // static geometry, valid for `placed` with the metrics below
    private WiringLayout placed;
    private double pxPerGu = Double.NaN;
    private int width = -1;
    private int height = -1;
    private double centreX = Double.NaN;
    private double centreY = Double.NaN;
    private int originX;
    private int originY;
    private int boxWidth;
    private int boxHeight;
    private double[] px = new double[0];
    private double[] py = new double[0];
    /** Per synapse: unit direction, tip at the target's rim, and whether it is long enough to draw. */
    private double[] ux = new double[0];
    private double[] uy = new double[0];
    private double[] tipX = new double[0];
    private double[] tipY = new double[0];
    private boolean[] drawable = new boolean[0];
    private int[] bucketBase = new int[0];
    private int[] order = new int[0];

    private VertexSprites sprites;
    private boolean spritesLarge;
    private long rasterisedVersion = -1;
    private int geometryVersion;
    private int rasterised;
    private int drawn;

    SynapseLayer(WiringGraph graph) {
        this.graph = graph;
    }

    @Override
    public void render(GraphicsContext g, GraphicGraph graphic, double px2Gu, int widthPx, int heightPx,
                       double minXGu, double minYGu, double maxXGu, double maxYGu) {
        WiringLayout layout = graph.layout();
        if (layout == null) {
            placed = null;
            return;
        }
        boolean moved = place(layout, px2Gu, widthPx, heightPx, (minXGu + maxXGu) / 2, (minYGu + maxYGu) / 2);
        if (moved || graph.linksVersion() != rasterisedVersion) {
            rasterise(layout);
            rasterisedVersion = graph.linksVersion();
            rasterised++;
        }
        g.drawImage(raster.image(), originX, originY);
        drawVertices(g, layout);
        drawn++;
    }

    /** The vertices over the synapses, each copied from the sprite sheet at its level and selection. */
    private void drawVertices(GraphicsContext g, WiringLayout layout) {
        boolean large = graph.isLarge();
        if (sprites == null || spritesLarge != large) {
            sprites = new VertexSprites(large);
            spritesLarge = large;
        }
        int[] levels = graph.vertexLevelsView();
        boolean[] selected = graph.selectionView();
        // selected vertices last, so their outline is on top (GraphStream's z-index 4)
        for (int pass = 0; pass < 2; pass++) {
            for (WiringLayout.Vertex v : layout.vertices()) {
                int i = v.index();
                if (selected[i] == (pass == 1)) {
                    sprites.draw(g, v.role(), levels[i], selected[i], px[i] + originX, py[i] + originY);
                }
            }
        }
        drawClampRings(g, layout);
    }

    /** A ring around each clamped vertex, a little wider than the vertex, over everything else. */
    private void drawClampRings(GraphicsContext g, WiringLayout layout) {
        boolean[] clamped = graph.clampedView();
        g.setStroke(ActivityColors.CLAMPED);
        g.setLineWidth(2.5);
        for (WiringLayout.Vertex v : layout.vertices()) {
            int i = v.index();
            if (clamped[i]) {
                double r = WiringGraph.vertexSizePx(v.role(), graph.isLarge()) / 2.0 + 5;
                g.strokeOval(px[i] + originX - r, py[i] + originY - r, 2 * r, 2 * r);
            }
        }
    }

    /** Frames whose synapses were rasterised anew (tests: an unchanged step rasterises nothing). */
    int rasterised() {
        return rasterised;
    }

    /** Frames this layer has drawn. */
    int drawn() {
        return drawn;
    }

    /** Changes whenever the pixel positions of the vertices change (a resize, a new layout). */
    int geometryVersion() {
        return geometryVersion;
    }

    /** True once the vertices have pixel positions (after the first frame of a layout). */
    boolean isPlaced() {
        return placed != null && placed == graph.layout();
    }

    /** Pixel x of vertex {@code v} in the view, as last drawn. */
    double x(int v) {
        return px[v] + originX;
    }

    /** Pixel y of vertex {@code v} in the view, as last drawn. */
    double y(int v) {
        return py[v] + originY;
    }

    private void rasterise(WiringLayout layout) {
        boolean large = graph.isLarge();
        int[] levels = graph.linkLevelsView();
        sortIntoBuckets(levels);
        raster.begin(boxWidth, boxHeight);
        int perPolarity = ActivityColors.SYNAPSE_LEVELS;
        // quiet synapses first, busy ones on top; both polarities at each level, so neither colour buries the other
        for (int level = large ? ActivityColors.DENSE_MIN_LEVEL : 0; level < perPolarity; level++) {
            boolean thick = level >= perPolarity / 2;
            double lineWidth = ActivityColors.synapseWidth(level);
            for (int polarity : POLARITIES) {
                int b = (polarity > 0 ? 0 : perPolarity) + level;
                raster.color(large ? ActivityColors.denseSynapse(polarity, level)
                        : ActivityColors.synapse(polarity, level));
                for (int i = bucketStart[b]; i < bucketStart[b + 1]; i++) {
                    int k = order[i];
                    WiringLayout.Link link = layout.links().get(k);
                    if (large) {
                        raster.line(px[link.source()], py[link.source()], px[link.target()], py[link.target()],
                                thick);
                    } else {
                        drawArrow(k, link, lineWidth);
                    }
                }
            }
        }
        raster.finish();
    }

    /** A small graph's synapse: to the rim of its target, with an arrowhead; a loop for a self-synapse. */
    private void drawArrow(int k, WiringLayout.Link link, double lineWidth) {
        double x0 = px[link.source()];
        double y0 = py[link.source()];
        if (link.source() == link.target()) {
            double cy = tipY[k];
            for (int s = 0; s < 16; s++) {
                double a0 = 2 * Math.PI * s / 16;
                double a1 = 2 * Math.PI * (s + 1) / 16;
                raster.smoothLine(x0 + 6 * Math.cos(a0), cy + 6 * Math.sin(a0), x0 + 6 * Math.cos(a1),
                        cy + 6 * Math.sin(a1), lineWidth);
            }
            return;
        }
        if (!drawable[k]) {
            return;
        }
        double head = 7 + lineWidth;
        double half = 2.5 + lineWidth / 2;
        double dx = ux[k];
        double dy = uy[k];
        double baseX = tipX[k] - dx * head;
        double baseY = tipY[k] - dy * head;
        raster.smoothLine(x0, y0, baseX, baseY, lineWidth);
        raster.triangle(tipX[k], tipY[k], baseX - dy * half, baseY + dx * half, baseX + dy * half, baseY - dx * half);
    }

    /**
     * Pixel positions of the vertices and the synapses' static geometry, relative to the box the raster covers;
     * false (and nothing recomputed) when neither the layout nor the metrics changed. The layer is drawn before
     * GraphStream sets up its graph-unit transform, so the mapping is rebuilt from the metrics it passes (pixels
     * per graph unit and the visible area, centred in the view, y upwards).
     */
    private boolean place(WiringLayout layout, double perGu, int w, int h, double cx, double cy) {
        if (layout == placed && perGu == pxPerGu && w == width && h == height && cx == centreX && cy == centreY) {
            return false;
        }
        placed = layout;
        pxPerGu = perGu;
        width = w;
        height = h;
        centreX = cx;
        centreY = cy;
        geometryVersion++;
        int n = layout.vertices().size();
        px = new double[n];
        py = new double[n];
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (WiringLayout.Vertex v : layout.vertices()) {
            double x = w / 2.0 + (v.x() - cx) * perGu;
            double y = h / 2.0 - (v.y() - cy) * perGu;
            px[v.index()] = x;
            py[v.index()] = y;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        if (n == 0) {
            minX = minY = maxX = maxY = 0;
        }
        originX = Math.max(0, (int) Math.floor(minX) - MARGIN);
        originY = Math.max(0, (int) Math.floor(minY) - MARGIN);
        boxWidth = Math.max(1, Math.min(w, (int) Math.ceil(maxX) + MARGIN) - originX);
        boxHeight = Math.max(1, Math.min(h, (int) Math.ceil(maxY) + MARGIN) - originY);
        for (int v = 0; v < n; v++) {
            px[v] -= originX;
            py[v] -= originY;
        }
        int k = layout.links().size();
        ux = new double[k];
        uy = new double[k];
        tipX = new double[k];
        tipY = new double[k];
        drawable = new boolean[k];
        bucketBase = new int[k];
        order = new int[k];
        for (WiringLayout.Link link : layout.links()) {
            int j = link.index();
            bucketBase[j] = link.polarity() >= 0 ? 0 : ActivityColors.SYNAPSE_LEVELS;
            double rim = WiringGraph.vertexSizePx(layout.vertices().get(link.target()).role(), false) / 2.0 + 1;
            double x0 = px[link.source()];
            double y0 = py[link.source()];
            double x1 = px[link.target()];
            double y1 = py[link.target()];
            if (link.source() == link.target()) {
                // a self-synapse: a small loop above the vertex, its centre kept in tipY
                tipY[j] = y0 - rim - 5;
                continue;
            }
            double len = Math.hypot(x1 - x0, y1 - y0);
            drawable[j] = len > rim;
            if (drawable[j]) {
                ux[j] = (x1 - x0) / len;
                uy[j] = (y1 - y0) / len;
                tipX[j] = x1 - ux[j] * rim;
                tipY[j] = y1 - uy[j] * rim;
            }
        }
        return true;
    }

    /** Counting sort of the synapses by bucket (excitatory levels first, then inhibitory); no allocation. */
    private void sortIntoBuckets(int[] levels) {
        int k = levels.length;
        java.util.Arrays.fill(bucketStart, 0);
        for (int j = 0; j < k; j++) {
            bucketStart[bucketBase[j] + levels[j] + 1]++;
        }
        for (int b = 1; b < bucketStart.length; b++) {
            bucketStart[b] += bucketStart[b - 1];
        }
        System.arraycopy(bucketStart, 0, bucketNext, 0, bucketStart.length);
        for (int j = 0; j < k; j++) {
            order[bucketNext[bucketBase[j] + levels[j]]++] = j;
        }
    }
}
