package io.liquidlens.app.graph;

import io.liquidlens.app.workspace.WorkspaceViewModel;
import io.liquidlens.sim.Activity;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;

/**
 * Which vertex is under the pointer, and the label beside it: the vertex's name, role, and its state and tau (or
 * input value) at the cursor.
 */
final class VertexHover {
    /** Node id of the hover label. */
    static final String LABEL_ID = "wiring-graph-hover";

    private final WorkspaceViewModel workspace;
    private final WiringGraph graph;
    private final SynapseLayer layer;
    private final Region area;
    private final Label label = new Label();
    private int hovered = -1;

    /** Finds vertices where {@code layer} drew them on {@code area}; the text follows {@code workspace}'s cursor. */
    VertexHover(WorkspaceViewModel workspace, WiringGraph graph, SynapseLayer layer, Region area) {
        this.workspace = workspace;
        this.graph = graph;
        this.layer = layer;
        this.area = area;
        label.setId(LABEL_ID);
        label.setMouseTransparent(true);
        label.setManaged(false);
        label.setVisible(false);
        label.setStyle("-fx-background-color: rgba(255,255,255,0.92); -fx-border-color: #888888; "
                + "-fx-padding: 4 6 4 6; -fx-font-size: 12px;");
    }

    /** Follows the pointer over {@code panel}, the area the synapse layer draws on. */
    void follow(Region panel) {
        panel.addEventHandler(MouseEvent.MOUSE_MOVED, e -> pointerAt(e.getX(), e.getY()));
        panel.addEventHandler(MouseEvent.MOUSE_EXITED, e -> pointerAt(-1, -1));
    }

    /** The hover label, to lay over the graph. */
    Label label() {
        return label;
    }

    /**
     * The vertex drawn at coordinates (x, y) of the area, or -1: the nearest one whose shape's box (a pixel more)
     * holds the point, from where the synapse layer drew it (GraphStream's vertices are hidden, so it finds none).
     */
    int vertexAt(double x, double y) {
        WiringLayout layout = graph.layout();
        if (layout == null || x < 0 || y < 0 || !layer.isPlaced()) {
            return -1;
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (WiringLayout.Vertex v : layout.vertices()) {
            double reach = WiringGraph.vertexSizePx(v.role(), graph.isLarge()) / 2.0 + 1;
            double dx = Math.abs(x - layer.x(v.index()));
            double dy = Math.abs(y - layer.y(v.index()));
            if (dx <= reach && dy <= reach && dx * dx + dy * dy < bestDistance) {
                best = v.index();
                bestDistance = dx * dx + dy * dy;
            }
        }
        return best;
    }

    /** The pointer is at (x, y) of the area ((-1, -1): it left). */
    void pointerAt(double x, double y) {
        hovered = vertexAt(x, y);
        if (hovered >= 0) {
            // beside the pointer, kept inside the graph area
            label.relocate(Math.min(x + 14, Math.max(0, area.getWidth() - 280)),
                    Math.min(y + 14, Math.max(0, area.getHeight() - 50)));
        }
        refresh();
    }

    /** Forgets the hovered vertex (the graph was rebuilt). */
    void clear() {
        hovered = -1;
        label.setVisible(false);
    }

    /** Shows the hovered vertex's text at the current cursor, or hides the label. */
    void refresh() {
        WiringLayout layout = graph.layout();
        if (hovered < 0 || layout == null || hovered >= layout.vertices().size()) {
            label.setVisible(false);
            return;
        }
        label.setText(describe(layout.vertices().get(hovered)));
        label.autosize();
        label.setVisible(true);
    }

    /** The hover text of {@code v}: name, role, and its state and tau (or input value) at the cursor. */
    String describe(WiringLayout.Vertex v) {
        Activity a = workspace.activityProperty().get();
        WiringLayout layout = graph.layout();
        boolean fits = a != null && a.steps() > 0 && a.neurons() == layout.neurons()
                && a.features() == layout.inputs();
        int t = fits ? Math.min(workspace.cursor().step(), a.steps() - 1) : 0;
        if (v.sensory()) {
            return v.name() + " (input " + v.id() + ")\nsensory"
                    + (fits ? String.format(Locale.ROOT, "  value %.4f at step %d", a.input(t, v.id()), t) : "");
        }
        return v.name() + "\n" + v.role().ncpsName() + (fits
                ? String.format(Locale.ROOT, "  state %.4f  tau %.4f at step %d", a.state(t, v.id()),
                        a.tau(t, v.id()), t)
                : "");
    }
}
