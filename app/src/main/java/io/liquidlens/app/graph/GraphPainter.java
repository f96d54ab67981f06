package io.liquidlens.app.graph;

import org.graphstream.ui.fx_viewer.FxDefaultView;
import org.graphstream.ui.fx_viewer.FxViewer;
import org.graphstream.ui.graphicGraph.GraphicGraph;
import org.graphstream.ui.view.Viewer;

/**
 * Puts a {@link WiringGraph} on screen: GraphStream's JavaFX viewer (graph in the UI thread, no auto layout) holds
 * the structure and fits the camera, {@link SynapseLayer} draws synapses and vertices on its back layer and
 * {@link VertexLabels} lays the labels over it. It repaints only when something changed, or for a frame or two
 * more where the layer needs them.
 */
final class GraphPainter {
    static {
        // GraphStream picks its UI toolkit from this property; the JavaFX viewer is the one embedded here
        System.setProperty("org.graphstream.ui", "javafx");
    }

    private final WiringGraph graph;
    private final FxViewer viewer;
    private final FxDefaultView panel;
    private final SynapseLayer layer;
    private final VertexLabels labels = new VertexLabels();
    private int labelsPlacedAt = -1;
    /** Pulses that still repaint even when nothing changed. */
    private int repaints;

    /** A painter of {@code graph}. */
    GraphPainter(WiringGraph graph) {
        this.graph = graph;
        viewer = new FxViewer(graph.graph(), Viewer.ThreadingModel.GRAPH_IN_GUI_THREAD);
        viewer.disableAutoLayout();
        panel = (FxDefaultView) viewer.addDefaultView(false);
        InertViewerInput.install(panel);
        panel.setMinSize(0, 0);
        layer = new SynapseLayer(graph);
        panel.setBackLayerRenderer(layer);
        // the synapse layer places itself with the camera of the previous frame: after a resize, draw twice
        panel.widthProperty().addListener((obs, old, now) -> repaints = 2);
        panel.heightProperty().addListener((obs, old, now) -> repaints = 2);
    }

    /** The graph was given a new layout: its labels are laid out anew and two frames drawn. */
    void relayout(WiringLayout layout) {
        labels.show(layout, graph.isLarge());
        labelsPlacedAt = -1;
        repaints = 2;
    }

    /** Something GraphStream does not see changed (the clamp rings): the next pulse repaints. */
    void repaintSoon() {
        repaints = Math.max(repaints, 1);
    }

    /** One animation pulse: paints what changed, and the frames still owed. */
    void pulse() {
        paint(repaints > 0);
        repaints = Math.max(0, repaints - 1);
    }

    /**
     * Lets the viewer repaint what changed in the graph (structure, selection), and repaints for it when only
     * levels changed (the synapse layer draws vertices and synapses; GraphStream does not see levels) or when
     * {@code force}d. Nothing is drawn when nothing changed.
     */
    void paint(boolean force) {
        GraphicGraph shown = viewer.getGraphicGraph();
        if (shown == null) {
            return;
        }
        boolean viewerPaints = shown.graphChangedFlag();
        viewer.actionPerformed();
        boolean levels = graph.takeLevelsChanged();
        if (!viewerPaints && (levels || force)) {
            panel.display(shown, true);
        }
        if (layer.isPlaced() && layer.geometryVersion() != labelsPlacedAt) {
            labels.place(layer);
            labelsPlacedAt = layer.geometryVersion();
        }
    }

    /** Closes the viewer, whose threads would otherwise outlive the window (docs/DESIGN.md#graphstream-viewer). */
    void close() {
        viewer.close();
    }

    /** The GraphStream view. */
    FxDefaultView panel() {
        return panel;
    }

    /** The layer that draws synapses and vertices, and knows where it drew them. */
    SynapseLayer layer() {
        return layer;
    }

    /** The vertex labels. */
    VertexLabels labels() {
        return labels;
    }
}
